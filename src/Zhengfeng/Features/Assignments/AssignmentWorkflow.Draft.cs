using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Features.Assists;
using Zhengfeng.Features.Campaigns;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Assignments;

/// <summary>The next progress report written from what the record already holds, so a unit never types the same fact twice.</summary>
public sealed record AssignmentDraft(string AssignmentId, string Content, string? Period, int DaysLeft, int MilestonesDone, int MilestonesTotal,
    IReadOnlyList<int> OverdueMilestones, DateTimeOffset? LastReportedAt, IReadOnlyList<string> OpenNotices);

public sealed partial class AssignmentWorkflow
{
    /// <summary>
    /// 进展报告草稿: milestones done and overdue, days left, the assist units' input, the last report and the open notices,
    /// with the cycle period the user's unit has not reported yet.
    /// </summary>
    public async Task<AssignmentDraft> ProgressDraftAsync(string id, CancellationToken ct)
    {
        var record = await ReadAsync(id, ct);
        var a = record.Assignment;
        var today = Now.CstDate();
        var unitId = await ActingUnitAsync(a, ct);
        var names = (await tree.GetAsync(db, ct)).ToDictionary(kv => kv.Key, kv => kv.Value.Name);
        string Name(string u) => names.GetValueOrDefault(u, u);
        var left = a.DueOn.DayNumber - today.DayNumber;
        var overdue = a.Milestones.Where(m => m.IsOverdue(today)).ToList();
        var done = a.Milestones.Where(m => m.DoneOn is not null).ToList();
        var last = record.Progress.LastOrDefault(e => e.Kind == ProgressKind.Progress && (unitId is null || e.UnitId == unitId))
            ?? record.Progress.LastOrDefault(e => e.Kind == ProgressKind.Progress);
        var open = record.Notices.Where(n => n.Status != NoticeStatus.Accepted).ToList();
        var reported = record.Progress.Where(e => e.Period is not null && e.UnitId == unitId).Select(e => e.Period).ToHashSet();
        var period = unitId is null ? null : OpenPeriods(a, today).FirstOrDefault(p => !reported.Contains(p));

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"交办事项：{a.Number}“{a.Title}”（{Assignment.Label(a.Source)}{(a.SourceNote is null ? "" : "：" + a.SourceNote)}）");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"牵头单位：{Name(a.LeadUnitId)}{(a.ResponsibleName is null ? "" : "，责任人" + a.ResponsibleName)}；完成期限：{Date(a.DueOn)}（{(left >= 0 ? $"尚余{left}天" : $"已逾期{-left}天")}）");
        if (a.Milestones.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"施工图：共{a.Milestones.Count}个节点，已完成{done.Count}个");
            foreach (var m in done)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  已完成：节点{m.Seq}“{m.Title}”（{Date(m.DoneOn!.Value)}）");
            }
            foreach (var m in overdue)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  逾期未完成：节点{m.Seq}“{m.Title}”（计划{Date(m.DueOn)}，已逾期{today.DayNumber - m.DueOn.DayNumber}天）");
            }
            if (a.Milestones.FirstOrDefault(m => m.DoneOn is null && !m.IsOverdue(today)) is { } next)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  下一节点：节点{next.Seq}“{next.Title}”（计划{Date(next.DueOn)}）");
            }
        }
        foreach (var d in record.Duties)
        {
            var answer = d.Status switch
            {
                AssistStatus.Given => $"已提交：{d.Input}",
                AssistStatus.Refused => $"拒绝协办：{d.RefusalReason}",
                _ => $"尚未提交（期限{ChinaTime.Format(d.DueAt)}）",
            };
            text.AppendLine(CultureInfo.InvariantCulture, $"配合单位{Name(d.UnitId)}（{d.Part}）：{answer}");
        }
        text.AppendLine(last is null
            ? "上次报告：尚未报告过进展"
            : $"上次报告（{last.At.ToCst():yyyy-MM-dd}，{Name(last.UnitId)}）：{last.Content}");
        if (open.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"相关督办单：{string.Join("、", open.Select(n => $"{n.Number}（{SupervisionNotice.Label(n.Level)}，{SupervisionNotice.Label(n.Status)}）"))}");
        }
        if (period is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"汇报期次：{ReportPeriods.Label(period)}（{Campaign.Label(a.ReportCycle)}汇报）");
        }
        text.Append("本期进展：");
        return new AssignmentDraft(a.Id, text.ToString(), period, left, done.Count, a.Milestones.Count, overdue.Select(m => m.Seq).ToList(),
            last?.At, open.Select(n => n.Number).ToList());
    }

    private static string Date(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{d.Year}年{d.Month}月{d.Day}日");
}
