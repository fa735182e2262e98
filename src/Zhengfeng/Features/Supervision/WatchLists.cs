using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Assists;
using Zhengfeng.Features.Calendar;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Rectification;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Supervision;

public sealed record OverdueCaseRow(string CaseId, string Number, string Title, string? UnitId, string UnitName, DateTimeOffset HandleDueAt,
    int DaysOverdue, int WorkdaysOverdue, string OverdueLevel, string Reason);

public sealed record RectificationRow(string RectificationId, string ClueId, string UnitId, string UnitName, string Measures, DateOnly DueDate,
    string Status, string StatusLabel, int DaysOverdue, int RelapseCount, string Reason);

public sealed record ReturnUnitRow(string UnitId, string UnitName, int Returns, int Approved, int Rejected, int PingPongCases, string Reason);

public sealed record PingPongCaseRow(string CaseId, string Number, string Title, int Returns, IReadOnlyList<string> UnitNames, string Reason);

public sealed record ReturnsWatch(string Period, string PeriodLabel, IReadOnlyList<ReturnUnitRow> Units, IReadOnlyList<PingPongCaseRow> Cases);

public sealed record WaitingClueRow(string ClueId, string UnitId, string UnitName, string Source, string SourceLabel, string ProblemType, string Content,
    DateTimeOffset RegisteredAt, int DaysWaiting, string Reason);

public sealed record AssistFailureRow(string AssistId, string UnitId, string UnitName, string LeadUnitId, string LeadUnitName, string OwnerType, string OwnerTypeLabel,
    string OwnerId, string OwnerTitle, string? OwnerNumber, string OwnerUrl, string Part, DateTimeOffset DueAt, string Status, string StatusLabel, bool Late, string Reason);

/// <summary>
/// The supervisors' watch lists (监督清单). Every row says in Chinese why it is on the list, so a list can be
/// forwarded as it is and every entry traced to its record.
/// </summary>
public sealed class WatchLists(AppDb db, TimeProvider clock, WorkCalendar calendar, UnitTree tree)
{
    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Open cases past their handling deadline, grouped by lead unit, the longest overdue first.</summary>
    public async Task<IReadOnlyList<OverdueCaseRow>> OverdueCasesAsync(CancellationToken ct)
    {
        var now = Now;
        var cases = await db.Set<Case>().AsNoTracking()
            .Where(c => CaseSearch.OpenStatuses.Contains(c.Status) && c.HandleDueAt < now)
            .OrderBy(c => c.HandleDueAt).Take(1000).ToListAsync(ct);
        var names = await NamesAsync(ct);
        var today = now.CstDate();
        return cases.Select(c =>
            {
                var due = c.HandleDueAt!.Value;
                var days = Math.Max(1, today.DayNumber - due.CstDate().DayNumber);
                var workdays = calendar.WorkdaysBetween(due.CstDate(), today);
                var unit = c.LeadUnitId is null ? "未派单" : names.GetValueOrDefault(c.LeadUnitId, c.LeadUnitId);
                var step = c.OverdueLevel switch
                {
                    OverdueLevel.RedCard => "，已红牌督办",
                    OverdueLevel.YellowCard => "，已黄牌督办",
                    _ => "",
                };
                return new OverdueCaseRow(c.Id, c.Number, c.Title, c.LeadUnitId, unit, due, days, workdays, c.OverdueLevel.ToString().ToLowerInvariant(),
                    $"{unit}办理期限{ChinaTime.Format(due)}已过，超期{days}天（{workdays}个工作日），仍为“{CaseTransitions.Label(c.Status)}”{step}");
            })
            .OrderBy(r => r.UnitName, StringComparer.Ordinal).ThenByDescending(r => r.DaysOverdue).ToList();
    }

    /// <summary>Rectification items past their date and not yet verified.</summary>
    public async Task<IReadOnlyList<RectificationRow>> OverdueRectificationsAsync(CancellationToken ct)
    {
        var today = Now.CstDate();
        var items = await db.Set<RectificationItem>().AsNoTracking()
            .Where(i => (i.Status == RectificationStatus.Open || i.Status == RectificationStatus.Reported) && i.DueDate < today)
            .OrderBy(i => i.DueDate).Take(1000).ToListAsync(ct);
        var names = await NamesAsync(ct);
        return items.Select(i =>
        {
            var days = today.DayNumber - i.DueDate.DayNumber;
            var reports = i.ReportCount == 0 ? "从未报告进展" : $"已报告进展{i.ReportCount}次";
            return Row(i, names, days, $"整改期限{i.DueDate:yyyy-MM-dd}已过{days}天，仍为“{RectificationItem.Label(i.Status)}”，{reports}");
        }).ToList();
    }

    /// <summary>反弹: items whose problem came back after sign-off, or failed the 回头看.</summary>
    public async Task<IReadOnlyList<RectificationRow>> RelapsedRectificationsAsync(CancellationToken ct)
    {
        var today = Now.CstDate();
        var items = await db.Set<RectificationItem>().AsNoTracking().Where(i => i.RelapseCount > 0)
            .OrderByDescending(i => i.RelapseCount).ThenBy(i => i.DueDate).Take(1000).ToListAsync(ct);
        var names = await NamesAsync(ct);
        return items.Select(i => Row(i, names, Math.Max(0, today.DayNumber - i.DueDate.DayNumber),
            $"销号后反弹{i.RelapseCount}次：{i.RelapseNote}（当前“{RectificationItem.Label(i.Status)}”）")).ToList();
    }

    /// <summary>回头看 due: signed-off items whose effectiveness check date has come.</summary>
    public async Task<IReadOnlyList<RectificationRow>> FollowUpsDueAsync(CancellationToken ct)
    {
        var today = Now.CstDate();
        var items = await db.Set<RectificationItem>().AsNoTracking()
            .Where(i => i.Status == RectificationStatus.Closed && i.FollowedUpAt == null && i.FollowUpDue != null && i.FollowUpDue <= today)
            .OrderBy(i => i.FollowUpDue).Take(1000).ToListAsync(ct);
        var names = await NamesAsync(ct);
        return items.Select(i => Row(i, names, today.DayNumber - i.FollowUpDue!.Value.DayNumber,
            $"销号于{ChinaTime.Format(i.ClosedAt)}，回头看日期{i.FollowUpDue:yyyy-MM-dd}已到，尚未回头看")).ToList();
    }

    /// <summary>踢皮球: return requests per unit in the period, and the cases returned twice or more.</summary>
    public async Task<ReturnsWatch> ReturnsAsync(string? period, CancellationToken ct)
    {
        var p = period ?? Now.ToCst().ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var (start, end, label) = CluesApi.Period(p);
        var returns = await db.Set<ReturnRequest>().AsNoTracking()
            .Where(r => r.RequestedAt >= start && r.RequestedAt < end)
            .Select(r => new { r.CaseId, r.UnitId, r.Decision, r.RequestedAt }).ToListAsync(ct);
        var names = await NamesAsync(ct);
        var pingPong = returns.GroupBy(r => r.CaseId).Where(g => g.Count() >= 2).ToDictionary(g => g.Key, g => g.OrderBy(r => r.RequestedAt).ToList());
        var units = returns.GroupBy(r => r.UnitId).Select(g =>
            {
                var name = names.GetValueOrDefault(g.Key, g.Key);
                var approved = g.Count(r => r.Decision == RequestDecision.Approved);
                var rejected = g.Count(r => r.Decision == RequestDecision.Rejected);
                var bounced = g.Select(r => r.CaseId).Distinct().Count(pingPong.ContainsKey);
                var reason = $"{label}申请退单{g.Count()}次（同意{approved}次、驳回{rejected}次）"
                    + (bounced > 0 ? $"，涉及反复退单工单{bounced}件" : "")
                    + (rejected > 0 ? "，被驳回的退单说明本属其职责" : "");
                return new ReturnUnitRow(g.Key, name, g.Count(), approved, rejected, bounced, reason);
            })
            .OrderByDescending(r => r.Returns).ThenByDescending(r => r.Rejected).ToList();
        var caseIds = pingPong.Keys.ToList();
        var cases = await db.Set<Case>().AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.RegisteredAt, c.Title }).ToDictionaryAsync(c => c.Id, ct);
        var caseRows = pingPong.Where(kv => cases.ContainsKey(kv.Key)).Select(kv =>
            {
                var c = cases[kv.Key];
                var hops = kv.Value.Select(r => names.GetValueOrDefault(r.UnitId, r.UnitId)).ToList();
                return new PingPongCaseRow(c.Id, Case.NumberOf(c.Id, c.RegisteredAt), c.Title, kv.Value.Count, hops.Distinct().ToList(),
                    $"{label}被退单{kv.Value.Count}次：{string.Join("→", hops)}，存在推诿扯皮嫌疑");
            })
            .OrderByDescending(r => r.Returns).ToList();
        return new ReturnsWatch(p, label, units, caseRows);
    }

    /// <summary>Clues registered and not yet verified, oldest first.</summary>
    public async Task<IReadOnlyList<WaitingClueRow>> CluesWaitingAsync(CancellationToken ct)
    {
        var today = Now.CstDate();
        var clues = await db.Set<Clue>().AsNoTracking().Where(c => c.Status == ClueStatus.Registered)
            .OrderBy(c => c.RegisteredAt).Take(1000).ToListAsync(ct);
        var names = await NamesAsync(ct);
        return clues.Select(c =>
        {
            var days = today.DayNumber - c.RegisteredAt.CstDate().DayNumber;
            var unit = names.GetValueOrDefault(c.UnitId, c.UnitId);
            return new WaitingClueRow(c.Id, c.UnitId, unit, c.Source.ToString().ToLowerInvariant(), Clue.Label(c.Source), c.ProblemType, c.Content,
                c.RegisteredAt, days, days == 0 ? $"今日登记（{Clue.Label(c.Source)}），待核查" : $"登记后已等待{days}天未核查（{Clue.Label(c.Source)}）");
        }).ToList();
    }

    /// <summary>协办不力: assist duties refused, answered late, or still pending past their deadline, by assist unit, the oldest deadline first.</summary>
    public async Task<IReadOnlyList<AssistFailureRow>> AssistFailuresAsync(CancellationToken ct)
    {
        var now = Now;
        var duties = await db.Set<AssistDuty>().AsNoTracking()
            .Where(d => d.Status == AssistStatus.Refused || d.Late || (d.Status == AssistStatus.Pending && d.DueAt < now))
            .OrderBy(d => d.DueAt).Take(1000).ToListAsync(ct);
        var owners = await AssistOwners.DescribeAsync(db, duties, ct);
        var names = await NamesAsync(ct);
        return duties.Select(d =>
            {
                var owner = owners[(d.OwnerType, d.OwnerId)];
                return new AssistFailureRow(d.Id, d.UnitId, names.GetValueOrDefault(d.UnitId, d.UnitId), d.LeadUnitId, names.GetValueOrDefault(d.LeadUnitId, d.LeadUnitId),
                    WireEnum.Name(d.OwnerType), owner.Label, d.OwnerId, owner.Title, owner.Number, owner.Url, d.Part, d.DueAt, WireEnum.Name(d.Status),
                    AssistDuty.Label(d.Status), d.Late, d.FailureReason(now));
            })
            .OrderBy(r => r.UnitName, StringComparer.Ordinal).ThenBy(r => r.DueAt).ToList();
    }

    private static RectificationRow Row(RectificationItem i, IReadOnlyDictionary<string, string> names, int days, string reason)
        => new(i.Id, i.ClueId, i.UnitId, names.GetValueOrDefault(i.UnitId, i.UnitId), i.Measures, i.DueDate, i.Status.ToString().ToLowerInvariant(),
            RectificationItem.Label(i.Status), days, i.RelapseCount, reason);

    private async Task<IReadOnlyDictionary<string, string>> NamesAsync(CancellationToken ct)
        => (await tree.GetAsync(db, ct)).ToDictionary(kv => kv.Key, kv => kv.Value.Name);
}
