using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Attachments;
using Zhengfeng.Features.Campaigns;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Rectification;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Supervision;

/// <summary>
/// One unit's load in a period: notices to reply to, replies sent back, rectification items owing reports, reports asked by
/// the campaign and assignment cycles (<see cref="ReportDue"/>); <see cref="ReportsFiled"/> is what it actually filed.
/// </summary>
public sealed record BurdenRow(string UnitId, string UnitName, int NoticeReplies, int NoticeReworks, int RectificationReports, int ReportsFiled, int ReportsAsked,
    int Total, string Reason);

public sealed record BurdenReport(string Period, string PeriodLabel, IReadOnlyList<BurdenRow> Units);

public sealed record ProgressDraft(string RectificationId, string Content, string? RootCause, int ReportCount, DateTimeOffset? LastReportedAt, int EvidenceCount, IReadOnlyList<string> OpenNotices);

/// <summary>
/// 减负 (against 过度留痕): how many written answers the system asked of each unit, so supervisors see the load they
/// put on the grassroots; and a progress report pre-filled from what the system already knows, so a unit never types
/// the same fact twice.
/// </summary>
public sealed class Burden(AppDb db, TimeProvider clock, UnitTree tree, RectificationWorkflow rectifications, CurrentUser user)
{
    /// <summary>
    /// Per unit in the period: notices to reply to, replies sent back for rework, rectification items that owed progress
    /// reports, and the reports the reporting cycles asked of it (campaign reports and assignment progress reports).
    /// </summary>
    public async Task<BurdenReport> PerUnitAsync(string? period, CancellationToken ct)
    {
        var p = period ?? clock.GetUtcNow().ToCst().ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var (start, end, label) = CluesApi.Period(p);
        var notices = await db.Set<SupervisionNotice>().AsNoTracking()
            .Where(n => n.IssuedAt >= start && n.IssuedAt < end)
            .GroupBy(n => n.UnitId).Select(g => new { UnitId = g.Key, Count = g.Count(), Reworks = g.Sum(n => n.RejectCount) })
            .ToDictionaryAsync(x => x.UnitId, ct);
        // An item owes progress reports in every period it is open: created before the end, not signed off before the start.
        var items = await db.Set<RectificationItem>().AsNoTracking()
            .Where(i => i.CreatedAt < end && (i.Status != RectificationStatus.Closed || i.ClosedAt >= start))
            .GroupBy(i => i.UnitId).Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.UnitId, x => x.Count, ct);
        var filed = await db.Set<ProgressReport>().AsNoTracking()
            .Where(r => r.At >= start && r.At < end)
            .Join(db.Set<RectificationItem>(), r => r.RectificationId, i => i.Id, (r, i) => i.UnitId)
            .GroupBy(u => u).Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.UnitId, x => x.Count, ct);
        var asked = await db.Set<ReportDue>().AsNoTracking()
            .Where(r => r.AskedAt >= start && r.AskedAt < end)
            .GroupBy(r => r.UnitId).Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.UnitId, x => x.Count, ct);
        var nodes = await tree.GetAsync(db, ct);
        var rows = notices.Keys.Union(items.Keys).Union(filed.Keys).Union(asked.Keys).Select(unitId =>
            {
                var n = notices.GetValueOrDefault(unitId);
                var count = n?.Count ?? 0;
                var reworks = n?.Reworks ?? 0;
                var owed = items.GetValueOrDefault(unitId);
                var cycles = asked.GetValueOrDefault(unitId);
                var total = count + reworks + owed + cycles;
                var name = nodes.TryGetValue(unitId, out var node) ? node.Name : unitId;
                var reason = $"{label}系统要求{name}书面报送{total}次：回复督办单{count}份"
                    + (reworks > 0 ? $"、退回重报{reworks}次" : "")
                    + $"、报告整改进展{owed}项"
                    + (cycles > 0 ? $"、按周期报送{cycles}次" : "")
                    + $"；实际报送整改进展{filed.GetValueOrDefault(unitId)}次";
                return new BurdenRow(unitId, name, count, reworks, owed, filed.GetValueOrDefault(unitId), cycles, total, reason);
            })
            .OrderByDescending(r => r.Total).ThenBy(r => r.UnitName, StringComparer.Ordinal).ToList();
        return new BurdenReport(p, label, rows);
    }

    /// <summary>The next progress report, written from the ledger: measures, deadline, last report, evidence, open notices.</summary>
    public async Task<ProgressDraft> ProgressDraftAsync(string id, CancellationToken ct)
    {
        var item = await rectifications.LoadAsync(id, ct);
        var clue = await db.Set<Clue>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == item.ClueId, ct);
        var last = await db.Set<ProgressReport>().AsNoTracking().Where(r => r.RectificationId == id)
            .OrderByDescending(r => r.At).FirstOrDefaultAsync(ct);
        var evidence = await db.Set<Attachment>().AsNoTracking().CountAsync(a => a.OwnerType == "rectification" && a.OwnerId == id, ct);
        var notices = await db.Set<SupervisionNotice>().AsNoTracking()
            .Where(n => n.RectificationId == id && n.Status != NoticeStatus.Accepted)
            .OrderBy(n => n.IssuedAt).Select(n => n.Number).ToListAsync(ct);
        var today = clock.GetUtcNow().CstDate();
        var left = item.DueDate.DayNumber - today.DayNumber;

        var text = new StringBuilder();
        if (clue is not null && await ClueWorkflow.MayReadAsync(user, clue, ct)) // a report clue's text stays with supervision
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"问题：{clue.Content}");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"整改措施：{item.Measures}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"整改类型：{RectificationItem.Label(item.Type)}；整改期限：{item.DueDate.Year}年{item.DueDate.Month}月{item.DueDate.Day}日（{(left >= 0 ? $"尚余{left}天" : $"已逾期{-left}天")}）");
        text.AppendLine(last is null
            ? "上次报告：尚未报告过进展"
            : $"上次报告（{last.At.ToCst():yyyy-MM-dd}，第{item.ReportCount}次）：{last.Content}");
        if (!string.IsNullOrWhiteSpace(item.RootCause))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"问题根源：{item.RootCause}");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"佐证材料：已上传{evidence}份");
        if (notices.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"相关督办单：{string.Join("、", notices)}（本次报告可一并作为回复）");
        }
        text.Append("本期进展：");
        return new ProgressDraft(item.Id, text.ToString(), item.RootCause, item.ReportCount, item.LastReportedAt, evidence, notices);
    }
}
