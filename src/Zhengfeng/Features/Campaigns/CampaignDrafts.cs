using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Assignments;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Rectification;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Campaigns;

public sealed record DraftTask(string Id, string Number, string Title, DateOnly DueOn, string StatusLabel, bool Overdue);

public sealed record DraftClue(string Id, string SourceLabel, string ProblemType, string Content, string StatusLabel, DateTimeOffset RegisteredAt);

public sealed record DraftRectification(string Id, string Measures, DateOnly DueDate, string StatusLabel, bool Overdue);

public sealed record DraftNotice(string Id, string Number, string LevelLabel, string StatusLabel, DateTimeOffset ReplyDueAt);

/// <summary>
/// A unit's next report, written from what the platform already knows: its tasks in the campaign with status and due dates, the
/// self-inspection clues it registered in the period, its rectification items and open supervision notices. The unit edits it.
/// </summary>
public sealed record CampaignReportDraft(string CampaignId, string UnitId, string UnitName, string Period, string PeriodLabel, DateOnly From, DateOnly To,
    string Content, bool NoProblemSuggested, IReadOnlyList<ReportPeriod> AllowedPeriods, IReadOnlyList<string> FiledPeriods,
    IReadOnlyList<DraftTask> Tasks, IReadOnlyList<DraftClue> Clues, IReadOnlyList<DraftRectification> Rectifications, IReadOnlyList<DraftNotice> Notices);

public sealed class CampaignDrafts(AppDb db, CampaignWorkflow flow, CurrentUser user)
{
    /// <summary>The draft for <paramref name="period"/>, or for the oldest allowed period not yet reported when none is given.</summary>
    public async Task<CampaignReportDraft> DraftAsync(string id, string? period, CancellationToken ct)
    {
        var c = await flow.LoadAsync(id, ct);
        if (!flow.MayReport(c))
        {
            throw new ForbiddenException("只有参加单位的工作人员可以报送专项整治情况");
        }
        var today = flow.Today;
        var unitId = user.UnitId;
        var allowed = CampaignPeriods.Allowed(c, today);
        var filed = await db.Set<CampaignReport>().AsNoTracking().Where(r => r.CampaignId == id && r.UnitId == unitId).Select(r => r.Period).ToListAsync(ct);
        if (string.IsNullOrWhiteSpace(period))
        {
            period = (allowed.FirstOrDefault(p => !filed.Contains(p.Period)) ?? (allowed.Count > 0 ? allowed[^1] : null))?.Period
                ?? throw new RuleException("campaign.not_begun", $"专项整治{CampaignPeriods.Day(c.StartsOn)}开始，暂无可报送的周期", StatusCodes.Status409Conflict);
        }
        var (p, _) = CampaignPeriods.Resolve(c, period, today);
        var range = allowed.First(x => x.Period == p);
        var (from, to) = (ChinaTime.At(range.Start, TimeOnly.MinValue), ChinaTime.At(range.End.AddDays(1), TimeOnly.MinValue));

        var unitName = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        var assignments = await db.Set<Assignment>().AsNoTracking().Where(a => a.CampaignId == id && a.LeadUnitId == unitId).OrderBy(a => a.DueOn).ToListAsync(ct);
        var taskIds = assignments.Select(a => a.Id).ToList();
        var types = await db.Set<ProblemType>().AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        // A unit reads only its own self-inspection findings (as on the clue pages), so the draft names no other source's clue.
        var clues = await db.Set<Clue>().AsNoTracking()
            .Where(x => x.UnitId == unitId && x.Source == ClueSource.Self && x.RegisteredAt >= from && x.RegisteredAt < to).OrderBy(x => x.RegisteredAt).ToListAsync(ct);
        var items = await db.Set<RectificationItem>().AsNoTracking().Where(i => i.CampaignId == id && i.UnitId == unitId).OrderBy(i => i.DueDate).ToListAsync(ct);
        var notices = await db.Set<SupervisionNotice>().AsNoTracking()
            .Where(n => n.UnitId == unitId && n.Status != NoticeStatus.Accepted && (n.CampaignId == id || (n.AssignmentId != null && taskIds.Contains(n.AssignmentId))))
            .OrderBy(n => n.ReplyDueAt).ToListAsync(ct);

        var tasks = assignments.Select(a => new DraftTask(a.Id, a.Number, a.Title, a.DueOn, Assignment.Label(a.Status), a.IsOverdue(today))).ToList();
        var found = clues.Select(x => new DraftClue(x.Id, Clue.Label(x.Source), types.GetValueOrDefault(x.ProblemType, x.ProblemType), x.Content,
            Clue.Label(x.Status) + (x.Result is null ? "" : $"（{Clue.Label(x.Result)}）"), x.RegisteredAt)).ToList();
        var rectifications = items.Select(i => new DraftRectification(i.Id, i.Measures, i.DueDate, RectificationItem.Label(i.Status),
            i.Status is RectificationStatus.Open or RectificationStatus.Reported && i.DueDate < today)).ToList();
        var pending = notices.Select(n => new DraftNotice(n.Id, n.Number, SupervisionNotice.Label(n.Level), SupervisionNotice.Label(n.Status), n.ReplyDueAt)).ToList();

        var text = Compose(range, tasks, assignments, found, rectifications, items, pending);
        var noProblem = found.Count == 0 && items.All(i => i.Status == RectificationStatus.Closed) && tasks.All(t => !t.Overdue);
        return new CampaignReportDraft(id, unitId, unitName, p, CampaignPeriods.Label(c, p), range.Start, range.End, text, noProblem, allowed, filed,
            tasks, found, rectifications, pending);
    }

    private static string Compose(ReportPeriod range, List<DraftTask> tasks, List<Assignment> assignments, List<DraftClue> clues,
        List<DraftRectification> rectifications, List<RectificationItem> items, List<DraftNotice> notices)
    {
        var inv = CultureInfo.InvariantCulture;
        var t = new StringBuilder();
        t.AppendLine("一、责任清单任务完成情况");
        if (tasks.Count == 0)
        {
            t.AppendLine("本单位在本次专项整治中暂无交办任务。");
        }
        else
        {
            var done = assignments.Count(a => a.Status == AssignmentStatus.Done);
            var reported = assignments.Count(a => a.Status == AssignmentStatus.Reported);
            t.AppendLine(inv, $"本单位承担责任清单任务{tasks.Count}项：已验收办结{done}项，已报完成待验收{reported}项，"
                + $"正在推进{tasks.Count - done - reported}项，其中逾期{tasks.Count(x => x.Overdue)}项。");
            for (var i = 0; i < tasks.Count; i++)
            {
                var x = tasks[i];
                t.AppendLine(inv, $"{i + 1}. {x.Number}“{x.Title}”，完成期限{CampaignPeriods.Day(x.DueOn)}，{x.StatusLabel}{(x.Overdue ? "（已逾期）" : "")}");
            }
        }
        t.AppendLine("二、本期自查发现的问题");
        if (clues.Count == 0)
        {
            t.AppendLine(inv, $"本期（{CampaignPeriods.Day(range.Start)}至{CampaignPeriods.Day(range.End)}）本单位未登记自查自纠问题。");
        }
        else
        {
            t.AppendLine(inv, $"本期（{CampaignPeriods.Day(range.Start)}至{CampaignPeriods.Day(range.End)}）本单位登记自查自纠问题{clues.Count}条：");
            for (var i = 0; i < clues.Count; i++)
            {
                t.AppendLine(inv, $"{i + 1}. {clues[i].ProblemType}：{clues[i].Content}（{clues[i].StatusLabel}）");
            }
        }
        t.AppendLine("三、整改落实情况");
        if (rectifications.Count == 0)
        {
            t.AppendLine("本单位在本次专项整治中暂无整改任务。");
        }
        else
        {
            t.AppendLine(inv, $"整改任务{rectifications.Count}项，已销号{items.Count(i => i.Status == RectificationStatus.Closed)}项：");
            for (var i = 0; i < rectifications.Count; i++)
            {
                var x = rectifications[i];
                t.AppendLine(inv, $"{i + 1}. {x.Measures}，整改期限{CampaignPeriods.Day(x.DueDate)}，{x.StatusLabel}{(x.Overdue ? "（已超期）" : "")}");
            }
        }
        if (notices.Count > 0)
        {
            t.AppendLine("四、督办单办理情况");
            t.AppendLine(inv, $"尚未办结的督办单{notices.Count}份：");
            foreach (var n in notices)
            {
                t.AppendLine(inv, $"{n.Number}（{n.LevelLabel}），回复期限{ChinaTime.Format(n.ReplyDueAt)}，{n.StatusLabel}");
            }
        }
        t.AppendLine(notices.Count > 0 ? "五、本期工作开展情况及下步打算" : "四、本期工作开展情况及下步打算");
        return t.ToString();
    }
}
