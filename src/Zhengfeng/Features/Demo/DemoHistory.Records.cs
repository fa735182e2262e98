using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Rectification;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Demo;

/// <summary>
/// What the year's 作风办 work found besides the cases: clues from every source (the case clues came from the cases themselves),
/// verified by the supervisor, and for each true one a rectification item that the unit reports on and someone outside it
/// verifies, signs off and checks again (回头看), in every state of the ledger; late items get a 督办单 by hand.
/// </summary>
public sealed partial class DemoHistory
{
    private static readonly (ClueSource Source, string Unit, string Type, string Content)[] Findings =
    [
        (ClueSource.Mystery, "d-approval", "attitude", "暗访发现县行政审批局窗口工作人员对群众咨询答复生硬，未履行一次性告知。"),
        (ClueSource.Mystery, "d-hr", "delay", "暗访发现社保窗口办理退休审批需群众往返三次以上，超出承诺时限。"),
        (ClueSource.Mystery, "t-02", "laxity", "暗访发现鹤鸣街道便民服务中心工作日下午上班时间多个窗口无人在岗。"),
        (ClueSource.Mystery, "d-fund", "formalism", "暗访发现公积金中心“好差评”评价器长期关闭，群众无法评价。"),
        (ClueSource.Tour, "d-edu", "shirking", "巡察发现县教育局对校外培训机构退费投诉长期推给属地乡镇，未履行行业监管职责。"),
        (ClueSource.Tour, "d-urban", "delay", "巡察发现城区路灯报修平均修复时间超过15天，远超承诺的5个工作日。"),
        (ClueSource.Tour, "t-04", "lazy", "巡察发现望川镇对村级道路安全隐患排查台账填报敷衍，多处隐患未登记。"),
        (ClueSource.Tour, "d-land", "bottomline", "巡察发现不动产登记中心存在“黄牛”代办现象，工作人员与中介人员往来频繁。"),
        (ClueSource.Self, "d-civil", "formalism", "自查发现低保动态核查入户记录存在同一人同一时间签字多户的情况。"),
        (ClueSource.Self, "t-01", "shirking", "自查发现岚城街道各社区对共享单车乱停放问题相互推诿，无人牵头。"),
        (ClueSource.Self, "d-market", "delay", "自查发现消费投诉处理平均用时超过法定时限。"),
        (ClueSource.Report, "t-03", "abuse", "群众举报临溪街道城管队员在查处占道经营时收取摊贩“管理费”。"),
        (ClueSource.Report, "d-housing", "abuse", "群众举报县住建局工作人员在物业维修资金审批中暗示申请人请客送礼。"),
        (ClueSource.Report, "t-09", "lazy", "群众举报白鹭镇干部对村民反映的灌溉渠道堵塞问题一年多不予处理。"),
        (ClueSource.Report, "d-transport", "attitude", "群众举报交通运输局客运站工作人员对旅客态度恶劣。"),
        (ClueSource.Mailbox, "d-health", "delay", "书记信箱来信反映乡镇卫生院医保报销材料积压两个月未处理。"),
        (ClueSource.Mailbox, "t-06", "formalism", "书记信箱来信反映桐坪镇要求村里每月上报十余种台账，村干部疲于填表。"),
        (ClueSource.Mailbox, "d-eco", "shirking", "书记信箱来信反映城区餐饮油烟问题环保、城管两家互相推诿。"),
        (ClueSource.Mailbox, "d-police", "attitude", "书记信箱来信反映户政窗口民警办理户口迁移时态度冷漠。"),
        (ClueSource.Mystery, "t-01", "laxity", "暗访发现岚城街道综合行政执法队夜间值班人员脱岗。"),
        (ClueSource.Tour, "d-water", "delay", "巡察发现农村饮水安全问题整改进度滞后，三个村供水不稳定问题未解决。"),
        (ClueSource.Self, "d-edu", "formalism", "自查发现学生资助资金发放公示流于形式，部分学校未张贴公示。"),
        (ClueSource.Report, "d-agri", "abuse", "群众举报农业综合执法大队检查农资店时吃拿卡要。"),
        (ClueSource.Mailbox, "t-05", "lazy", "书记信箱来信反映石砚镇对村民宅基地审批申请长期不予答复。"),
    ];

    private async Task<int> LoadRecordsAsync(DemoCast cast, DemoCaseLife life, Random rng, DateTimeOffset now, CancellationToken ct)
    {
        var supervisor = cast.Supervisor;
        var today = now.CstDate();
        var clues = new List<Clue>();
        for (var i = 0; i < Findings.Length; i++)
        {
            var (source, unit, type, content) = Findings[i];
            var day = today.AddDays(-350 + (i * 350 / Findings.Length) + rng.Next(7));
            clues.Add(life.AddClue(source, cast.Units[unit].Id, type, content, null, ChinaTime.At(day, new TimeOnly(10, 0)).AddMinutes(rng.Next(360))));
        }
        clues.ForEach(c => life.Added.Remove(c));
        foreach (var clue in clues)
        {
            db.Add(clue);
        }
        // The clues the cases raised (重复投诉, 重办后再次差评, 约谈建议) are verified the same way.
        var caseClues = await db.Set<Clue>().Where(c => c.Source == ClueSource.Case && c.Status == ClueStatus.Registered).OrderBy(c => c.RegisteredAt).ToListAsync(ct);
        var items = 0;
        var notices = new List<SupervisionNotice>();
        foreach (var clue in clues.Concat(caseClues))
        {
            var verifiedAt = Office(rng, clue.RegisteredAt.AddDays(3 + rng.Next(12)));
            if (verifiedAt >= now)
            {
                continue; // 待核查
            }
            var roll = rng.Next(10);
            var result = roll < 5 ? VerificationResult.True : roll < 8 ? VerificationResult.Partial : VerificationResult.False;
            clue.Verify(result, result switch
            {
                VerificationResult.True => "经调阅记录、约谈相关人员，反映问题属实。",
                VerificationResult.Partial => "经核查，反映问题部分属实，其余情况已作说明。",
                _ => "经核查，未发现反映的问题，予以了结。",
            }, supervisor.Id, verifiedAt);
            if (clue.Source != ClueSource.Case && clue.IsTrue)
            {
                items++;
                Rectify(clue, cast, rng, verifiedAt, now, notices);
            }
        }
        await SupervisionWorkflow.NumberAsync(db, notices, ct);
        db.AddRange(life.Added);
        life.Added.Clear();
        db.PendingAction = "demo.load";
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return clues.Count + caseClues.Count;
    }

    /// <summary>One item through the ledger as far as its dates allow: reports, a failed and a passed verification, 销号, 回头看 (held or relapsed).</summary>
    private void Rectify(Clue clue, DemoCast cast, Random rng, DateTimeOffset createdAt, DateTimeOffset now, List<SupervisionNotice> notices)
    {
        var rules = rectificationRules.Value;
        var type = (RectificationType)(rng.Next(3));
        var due = createdAt.CstDate().AddDays(type switch { RectificationType.Immediate => 7, RectificationType.Deadline => 45, _ => 120 });
        var item = new RectificationItem
        {
            Id = Ids.New(), ClueId = clue.Id, UnitId = clue.UnitId, Type = type, DueDate = due, CreatedAt = createdAt,
            Measures = "针对反映问题制定整改方案，明确责任人和完成时限，建立长效机制并举一反三开展自查。",
        };
        item.JoinCampaign(clue.CampaignId);
        db.Add(item);
        var staff = cast.StaffOf(clue.UnitId);
        var t = createdAt;
        var slow = rng.Next(4) == 0;
        var steps = slow ? 1 : 4;
        for (var step = 0; step < steps; step++)
        {
            t = Office(rng, t.AddDays(1 + (((due.DayNumber - createdAt.CstDate().DayNumber) / 4) * rng.NextDouble())));
            if (t >= now)
            {
                break;
            }
            if (step == 0)
            {
                Report(item, staff, t, "已召开专题会议研究整改，制定整改方案并明确责任人。", "制度执行不严，日常监督缺位。");
            }
            else if (step == 1)
            {
                item.Verify(rng.Next(3) > 0, cast.Supervisor.Id, "整改措施未见实效，佐证材料不足，请补充后重报。", t);
            }
            else if (step == 2)
            {
                if (item.Status == RectificationStatus.Open) // failed once: report again and pass
                {
                    Report(item, staff, t, "已补充整改佐证材料，问题已整改到位。", null);
                    t = Office(rng, t.AddDays(2));
                    if (t >= now)
                    {
                        break;
                    }
                    item.Verify(true, cast.Supervisor.Id, "经实地核验，整改到位。", t);
                }
            }
            else if (item.Status == RectificationStatus.Verified)
            {
                item.Close(cast.Supervisor.Id, t, t.CstDate().AddDays(rules.FollowUpDays), RectificationWorkflow.PaperFlag(item, t));
                var followUp = ChinaTime.At(item.FollowUpDue!.Value, new TimeOnly(10, 0));
                if (followUp < now)
                {
                    var held = rng.Next(5) > 0;
                    item.FollowUp(held, held ? "回头看：整改成效巩固，未发现反弹。" : "同类问题再次出现。", followUp);
                }
            }
        }
        if (item.Status is RectificationStatus.Open or RectificationStatus.Reported && due < now.CstDate())
        {
            // 督办 by hand: the supervisor presses the unit on the late item.
            var at = Office(rng, ChinaTime.At(due.AddDays(3), new TimeOnly(9, 0)));
            if (at < now)
            {
                var notice = new SupervisionNotice
                {
                    Id = Ids.New(), Year = at.ToCst().Year, UnitId = item.UnitId, RectificationId = item.Id, ClueId = clue.Id, Level = NoticeLevel.Reminder,
                    Reason = $"整改事项“{clue.Content}”整改期限{due:yyyy-MM-dd}已过，尚未完成验收。请报告整改进展并限期完成。",
                    IssuedBy = cast.Supervisor.Id, IssuedByName = cast.Supervisor.Name, IssuedAt = at, ReplyWorkdays = 3,
                };
                notice.StartReplyClock(calendar.WorkdayDeadline(at, 3));
                notices.Add(notice);
                db.Add(notice);
            }
        }
    }

    private void Report(RectificationItem item, Cases.Actor staff, DateTimeOffset at, string content, string? rootCause)
    {
        item.Report(at, rootCause);
        db.Add(new ProgressReport { Id = Ids.New(), RectificationId = item.Id, Content = content, RootCause = rootCause, ReportedBy = staff.Id, At = at });
    }

    /// <summary>The next office moment (08:30–17:30 on a working day) at or after <paramref name="t"/>.</summary>
    private DateTimeOffset Office(Random rng, DateTimeOffset t)
    {
        var day = t.CstDate();
        var time = TimeOnly.FromDateTime(t.ToCst().DateTime);
        if (calendar.IsWorkday(day) && time >= new TimeOnly(8, 30) && time < new TimeOnly(17, 30))
        {
            return t;
        }
        if (!calendar.IsWorkday(day) || time >= new TimeOnly(17, 30))
        {
            day = calendar.AddWorkdays(day, 1);
        }
        return ChinaTime.At(day, new TimeOnly(9, 0)).AddMinutes(rng.Next(300));
    }
}
