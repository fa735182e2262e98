using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Reports;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Demo;

/// <summary>
/// 作风举报 on the discipline office's desk: one in every state, named and anonymous, one overdue for its acknowledgement, and
/// one whose reporter later brought a case to the hotline (举报人保护). Their follow-up codes are random and shown to nobody.
/// </summary>
public sealed partial class DemoHistory
{
    private async Task<int> LoadReportsAsync(DemoCast cast, Actor inspector, DateTimeOffset now, CancellationToken ct)
    {
        var later = await db.Set<Case>().AsNoTracking().Where(c => !c.Anonymous && c.ReporterPhoneEnc != null && c.RegisteredAt < now.AddDays(-5))
            .OrderByDescending(c => c.RegisteredAt).FirstOrDefaultAsync(ct);
        var laterPhone = later is null ? "13907350001" : identity.Unprotect(later.ReporterPhoneEnc) ?? "13907350001";
        var days = (int)Math.Clamp((now - (later?.RegisteredAt ?? now.AddDays(-30))).TotalDays + 3, 10, 40);
        ConductReport Report(int daysAgo, string unitCode, string? accused, string content, string? name, string? phone, ReportChannel channel = ReportChannel.Online)
        {
            var at = now.AddDays(-daysAgo).AddHours(-2);
            var id = Ids.New();
            var report = new ConductReport
            {
                Id = id, Number = "JB" + Case.NumberOf(id, at), FollowUpHash = ReportWorkflow.HashCode(Convert.ToHexString(RandomNumberGenerator.GetBytes(10))),
                Channel = channel, Content = content, AccusedUnitId = cast.Units[unitCode].Id, AccusedName = accused, Anonymous = phone is null,
                ReporterNameEnc = identity.Protect(name), ReporterPhoneEnc = identity.Protect(phone), ReporterPhoneHash = identity.PhoneHash(phone),
                ReceivedAt = at, EnteredBy = channel == ReportChannel.Online ? null : inspector.Id,
                AcknowledgeDueAt = phone is null ? null : calendar.WorkdayDeadline(at, ReportWorkflow.ReplyWorkdays).DueAt,
            };
            db.Add(report);
            return report;
        }
        void Say(ConductReport report, ReportMessageKind kind, DateTimeOffset at, string text)
        {
            db.Add(new ReportMessage { Id = Ids.New(), ReportId = report.Id, Kind = kind, Text = text, AuthorId = kind == ReportMessageKind.Material ? null : inspector.Id, At = at });
            if (kind == ReportMessageKind.Reply)
            {
                report.Replied(at);
            }
        }

        Report(1, "d-urban", "市容科某工作人员", "我在城管局窗口办理店招审批时，工作人员暗示要请吃饭才能尽快办，前后跑了三趟都说材料不全，又不一次性告知缺什么。", "周先生", "13807350101");
        Report(4, "t-03", null, "镇便民服务中心工作日下午三点后经常没人，打电话也不接，群众办事只能干等。", null, null);
        Report(40, "d-housing", "住建局某股长", "住建局某股长在小区维修资金使用审批中拖了两个多月不办，还让我们找他认识的公司施工。", "吴女士", "13707350202");
        var checking = Report(days, "d-market", "市场监管所所长", "市场监管所所长对我举报的过期食品问题一直不处理，反而让我撤回投诉，担心被打击报复。", "李先生", laterPhone);
        var acceptedAt = checking.ReceivedAt.AddDays(2);
        checking.Accept(acceptedAt, acceptedAt.AddMonths(3));
        Say(checking, ReportMessageKind.Reply, acceptedAt, "您的举报已受理，我们将依规依纪认真核实，核实期间请保持电话畅通。");
        checking.StartCheck(acceptedAt.AddDays(1));
        Say(checking, ReportMessageKind.Note, acceptedAt.AddDays(1), "调取该所近三个月投诉处理台账，约谈所长前先核对处理记录。");
        var concluded = Report(60, "t-01", "城关镇某村干部", "城关镇某村干部在低保评审中优亲厚友，把不符合条件的亲戚评上了低保。", "赵先生", "13607350303", ReportChannel.Letter);
        concluded.Accept(concluded.ReceivedAt.AddDays(3), concluded.ReceivedAt.AddDays(3).AddMonths(3));
        Say(concluded, ReportMessageKind.Reply, concluded.ReceivedAt.AddDays(3), "您的来信举报已受理。");
        Say(concluded, ReportMessageKind.Material, concluded.ReceivedAt.AddDays(10), "补充：评审会议没有公示，村民都不知道。");
        concluded.StartCheck(concluded.ReceivedAt.AddDays(5));
        concluded.Conclude(now.AddDays(-20), ReportFinding.Partial, "经初核，该村干部亲属低保评审未履行回避程序，部分属实；已责令重新评审并对其诫勉谈话。",
            calendar.WorkdayDeadline(now.AddDays(-20), ReportWorkflow.ReplyWorkdays).DueAt);
        Say(concluded, ReportMessageKind.Reply, now.AddDays(-15), "经核实，您反映的问题部分属实，已责令重新评审，并对相关人员作出处理。感谢您对作风建设的监督。");
        var refused = Report(15, "d-edu", null, "来电反映：听说某学校食堂承包有猫腻，具体不清楚。", null, null, ReportChannel.Phone);
        refused.Reject(refused.ReceivedAt.AddDays(2));
        Say(refused, ReportMessageKind.Reply, refused.ReceivedAt.AddDays(2), "经审查，您的举报没有具体对象和事实，不予受理。如有具体线索，欢迎再次举报。");
        await SaveAsync(ct);
        return 6;
    }
}
