using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Figures;
using Zhengfeng.Features.Rankings;
using Zhengfeng.Features.Rectification;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Dashboard;

/// <summary>One number on the dashboard: <c>Url</c> is the page a leader clicks through to, <c>Records</c> the API listing exactly the records counted.</summary>
public sealed record Figure(int Value, string Url, string Records);

public sealed record MonthTrend(string Month, Figure Registered, Figure Overdue, Figure Rated, Figure Satisfied, double SatisfactionRate);

public sealed record UnitScore(string UnitId, string UnitName, int Rank, double Score, Figure Dispatched, Figure Satisfied);

public sealed record ProblemCell(string UnitId, string UnitName, string ProblemType, string ProblemName, Figure Clues);

public sealed record StatusCount(string Status, string Label, Figure Items);

public sealed record RectificationProgress(IReadOnlyList<StatusCount> ByStatus, Figure Overdue, Figure Relapsed);

public sealed record DashboardView(string From, string To, string RankingMonth, IReadOnlyList<MonthTrend> Trend,
    IReadOnlyList<UnitScore> Units, IReadOnlyList<ProblemCell> ProblemKinds, RectificationProgress Rectification, AccountabilityFigures Accountability);

/// <summary>One record behind a dashboard figure.</summary>
public sealed record DrillRecord(string Id, string Label, string Url);

/// <summary>
/// 领导驾驶舱: monthly trends, the latest month's unit ranking, problem kinds by unit, rectification progress, and
/// accountability with exemptions and typical cases (<c>DashboardService.Accountability.cs</c>).
/// The monthly trend and the ranking come from the running counts (<see cref="RunningFigures"/>), kept by the same rules as
/// the drill-down queries and checked against them; every other figure is computed by the very query its drill-down lists.
/// </summary>
public sealed partial class DashboardService(ReadDb read, RankingService rankings, TimeProvider clock, CurrentUser user)
{
    private readonly AppDb _db = read.Db;

    // The units and areas of the user's district (a district's leader sees the district's figures); null at the top.
    private HashSet<string>? _within;
    private List<string>? _ids;

    private async Task ScopeAsync(CancellationToken ct)
    {
        _within = await user.AreaUnitsAsync(ct);
        _ids = _within?.ToList();
    }

    /// <summary>Where these figures were read (the replica while it is fresh enough).</summary>
    public ReadSource Source { get; } = read.Source;

    public (string From, string To) DefaultRange()
    {
        var today = clock.GetUtcNow().CstDate();
        var to = new DateOnly(today.Year, today.Month, 1);
        return (Period(to.AddMonths(-5)), Period(to));
    }

    public async Task<DashboardView> BuildAsync(string? from, string? to, CancellationToken ct)
    {
        var (defaultFrom, defaultTo) = DefaultRange();
        from = string.IsNullOrWhiteSpace(from) ? defaultFrom : from;
        to = string.IsNullOrWhiteSpace(to) ? defaultTo : to;
        var months = Months(from, to);
        await ScopeAsync(ct);
        var figures = await RunningFigures.ReadAsync(_db, months, ct);
        var now = clock.GetUtcNow();
        var trend = new List<MonthTrend>();
        foreach (var month in months)
        {
            var registered = figures.Total(FigureMetric.Registered, month, _within);
            var overdue = figures.Total(FigureMetric.Overdue, month, _within) - await RunningFigures.OverdueAheadAsync(_db, month, now, _within, ct);
            var rated = figures.Total(FigureMetric.Rated, month, _within);
            var satisfied = figures.Total(FigureMetric.Satisfied, month, _within);
            trend.Add(new MonthTrend(month,
                new Figure(registered, DrillPage("registered", month), Drill("registered", month)),
                new Figure(overdue, DrillPage("overdue", month), Drill("overdue", month)),
                new Figure(rated, DrillPage("rated", month), Drill("rated", month)),
                new Figure(satisfied, DrillPage("satisfied", month), Drill("satisfied", month)),
                rated == 0 ? 0 : Math.Round((double)satisfied / rated, 4)));
        }

        var latest = months[^1];
        var units = (await rankings.UnitsAsync(latest, null, ct, _within)).Select(u => new UnitScore(u.UnitId, u.UnitName, u.Rank, u.Score,
            new Figure(u.Dispatched, RankingPage(u.UnitId, latest, "dispatched"), RankingApi(u.UnitId, latest, "dispatched")),
            new Figure(u.Satisfied, RankingPage(u.UnitId, latest, "satisfied"), RankingApi(u.UnitId, latest, "satisfied")))).ToList();

        var (start, _) = RankingService.Month(months[0]);
        var (_, end) = RankingService.Month(latest);
        var cells = await _db.Set<Clue>().AsNoTracking()
            .Where(c => c.Status == ClueStatus.Verified && c.RegisteredAt >= start && c.RegisteredAt < end)
            .Where(c => _ids == null || _ids.Contains(c.UnitId))
            .GroupBy(c => new { c.UnitId, c.ProblemType })
            .Select(g => new { g.Key.UnitId, g.Key.ProblemType, Count = g.Count() })
            .ToListAsync(ct);
        var unitNames = await _db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var problemNames = await ProblemNamesAsync(ct);
        var problems = cells.Select(c =>
        {
            var figure = new Figure(c.Count, DrillPage("problems", null, from, to, unitId: c.UnitId, problemType: c.ProblemType),
                Drill("problems", null, from, to, c.UnitId, c.ProblemType));
            return new ProblemCell(c.UnitId, unitNames.GetValueOrDefault(c.UnitId, c.UnitId), c.ProblemType,
                problemNames.GetValueOrDefault(c.ProblemType, c.ProblemType), figure);
        }).OrderBy(c => c.UnitName, StringComparer.Ordinal).ThenBy(c => c.ProblemType, StringComparer.Ordinal).ToList();

        var byStatus = new List<StatusCount>();
        foreach (var status in Enum.GetValues<RectificationStatus>())
        {
            var key = status.ToString().ToLowerInvariant();
            var count = await Rectifications(key).CountAsync(ct);
            byStatus.Add(new StatusCount(key, StatusLabel(status), new Figure(count, $"/rectifications?status={key}", Drill("rectification", null, status: key))));
        }
        var rectification = new RectificationProgress(byStatus,
            new Figure(await Rectifications("overdue").CountAsync(ct), "/rectifications?overdue=true", Drill("rectification", null, status: "overdue")),
            new Figure(await Rectifications("relapsed").CountAsync(ct), "/rectifications?relapsed=true", Drill("rectification", null, status: "relapsed")));

        return new DashboardView(from, to, latest, trend, units, problems, rectification, await AccountabilityAsync(months, from, to, ct));
    }

    /// <summary>The records behind one figure, capped at 1000.</summary>
    public async Task<IReadOnlyList<DrillRecord>> DrillAsync(string metric, string? month, string? from, string? to, string? unitId, string? problemType, string? status, CancellationToken ct)
    {
        await ScopeAsync(ct);
        switch (metric)
        {
            case "registered" or "overdue":
                var cases = await CasesFor(metric, Required(month)).OrderByDescending(c => c.RegisteredAt).Take(1000)
                    .Select(c => new { c.Id, c.RegisteredAt, c.Title }).ToListAsync(ct);
                return cases.Select(c => new DrillRecord(c.Id, $"{Case.NumberOf(c.Id, c.RegisteredAt)} {c.Title}", $"/cases/{c.Id}")).ToList();
            case "rated" or "satisfied":
                var rated = await RatingsFor(metric, Required(month)).OrderByDescending(r => r.At).Take(1000)
                    .Join(_db.Set<Case>(), r => r.CaseId, c => c.Id, (r, c) => new { r.Id, c.RegisteredAt, CaseId = c.Id, r.Level })
                    .ToListAsync(ct);
                return rated.Select(r => new DrillRecord(r.Id, $"{Case.NumberOf(r.CaseId, r.RegisteredAt)} 评价 {r.Level} 星", $"/cases/{r.CaseId}")).ToList();
            case "problems":
                var (defaultFrom, defaultTo) = DefaultRange();
                var (start, _) = RankingService.Month(from ?? defaultFrom);
                var (_, end) = RankingService.Month(to ?? defaultTo);
                var clues = await _db.Set<Clue>().AsNoTracking()
                    .Where(c => c.Status == ClueStatus.Verified && c.RegisteredAt >= start && c.RegisteredAt < end && c.UnitId == unitId && c.ProblemType == problemType)
                    .Where(c => _ids == null || _ids.Contains(c.UnitId))
                    .OrderByDescending(c => c.RegisteredAt).Take(1000).Select(c => new { c.Id, c.Content }).ToListAsync(ct);
                return clues.Select(c => new DrillRecord(c.Id, c.Content, $"/clues/{c.Id}")).ToList();
            case "rectification":
                var items = await Rectifications(status ?? "").OrderBy(i => i.DueDate).Take(1000).Select(i => new { i.Id, i.Measures }).ToListAsync(ct);
                return items.Select(i => new DrillRecord(i.Id, i.Measures, $"/rectifications/{i.Id}")).ToList();
            default:
                return await DrillAccountabilityAsync(metric, month, from, to, status, ct)
                    ?? throw new RuleException("dashboard.bad_metric",
                        "metric 应为 registered、overdue、rated、satisfied、problems、rectification、acc-opened、acc-decided、acc-form、acc-category、exemption 或 typical", 400);
        }
    }

    private IQueryable<Case> CasesFor(string metric, string month)
    {
        var (start, end) = RankingService.Month(month);
        var now = clock.GetUtcNow();
        var cases = _db.Set<Case>().AsNoTracking().Where(c => _ids == null || _ids.Contains(c.AreaId!));
        return metric == "registered"
            ? cases.Where(c => c.RegisteredAt >= start && c.RegisteredAt < end)
            // passed the handling deadline while open: flagged by the sweep, or still open with the deadline gone
            : cases.Where(c => c.HandleDueAt >= start && c.HandleDueAt < end && c.HandleDueAt < now).Where(FigureMetric.CountsAsOverdue);
    }

    private IQueryable<Rating> RatingsFor(string metric, string month)
    {
        var (start, end) = RankingService.Month(month);
        var ratings = _db.Set<Rating>().AsNoTracking().Where(r => r.At >= start && r.At < end && !r.Excluded)
            .Where(r => _ids == null || _ids.Contains(r.UnitId!));
        return metric == "satisfied" ? ratings.Where(r => r.Level >= 3) : ratings;
    }

    private IQueryable<RectificationItem> Rectifications(string which)
    {
        var today = clock.GetUtcNow().CstDate();
        var items = _db.Set<RectificationItem>().AsNoTracking().Where(i => _ids == null || _ids.Contains(i.UnitId));
        if (which == "overdue")
        {
            return items.Where(i => (i.Status == RectificationStatus.Open || i.Status == RectificationStatus.Reported) && i.DueDate < today);
        }
        if (which == "relapsed")
        {
            return items.Where(i => i.RelapseCount > 0);
        }
        if (WireEnum.TryParse<RectificationStatus>(which, out var s))
        {
            return items.Where(i => i.Status == s);
        }
        throw new RuleException("dashboard.bad_status", "status 应为 open、reported、verified、closed、overdue 或 relapsed", 400);
    }

    private async Task<Dictionary<string, string>> ProblemNamesAsync(CancellationToken ct)
        => await _db.Set<ProblemType>().AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, ct);

    public static string StatusLabel(RectificationStatus s) => s switch
    {
        RectificationStatus.Open => "整改中",
        RectificationStatus.Reported => "已报告",
        RectificationStatus.Verified => "已验收",
        _ => "已销号",
    };

    private static List<string> Months(string from, string to)
    {
        var first = RankingService.Month(from).Start.ToCst();
        var last = RankingService.Month(to).Start.ToCst();
        if (first > last)
        {
            throw new RuleException("dashboard.bad_range", "from 不能晚于 to", 400);
        }
        var months = new List<string>();
        for (var m = first; m <= last && months.Count < 36; m = m.AddMonths(1))
        {
            months.Add(m.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        }
        return months;
    }

    private static string Required(string? month)
        => month ?? throw new RuleException("dashboard.month_required", "请指定 month（yyyy-MM）", 400);

    private static string Period(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The page listing the records behind a figure (<c>Records.cshtml</c>), with the same parameters as the drill-down API.</summary>
    private static string DrillPage(string metric, string? month, string? from = null, string? to = null, string? status = null,
        string? unitId = null, string? problemType = null)
        => QueryString("/dashboard/records", ("metric", metric), ("month", month), ("from", from), ("to", to), ("status", status),
            ("unitId", unitId), ("problemType", problemType));

    private static string Drill(string metric, string? month, string? from = null, string? to = null, string? unitId = null, string? problemType = null, string? status = null)
        => QueryString("/api/v1/dashboard/drill", ("metric", metric), ("month", month), ("from", from), ("to", to), ("unitId", unitId), ("problemType", problemType), ("status", status));

    private static string RankingPage(string unitId, string period, string metric) => QueryString("/rankings/cases", ("unitId", unitId), ("period", period), ("metric", metric));

    private static string RankingApi(string unitId, string period, string metric)
        => QueryString($"/api/v1/rankings/units/{Uri.EscapeDataString(unitId)}/cases", ("period", period), ("metric", metric));

    private static string QueryString(string path, params (string Key, string? Value)[] pairs)
        => path + "?" + string.Join("&", pairs.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
}
