using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Figures;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Rankings;

// 响应率 ResponseRate · 解决率 ResolutionRate · 满意率 SatisfactionRate (北京市接诉即办工作条例 Art. 32: the three rates)

public sealed record UnitRanking(string UnitId, string UnitName, int Dispatched, int RespondedInTime, double ResponseRate,
    int Rated, int Resolved, double ResolutionRate, int Satisfied, double SatisfactionRate, int ReturnCount, double Score, int Rank)
{
    /// <summary>The group the unit is ranked in (<see cref="RankingGroup"/>); null for a unit in no group.</summary>
    public RankingGroup? Group { get; init; }

    public string GroupLabel => Group is { } g ? RankingGroups.Label(g) : "其他";

    /// <summary>A district's figures as it reported them (填报, imported from its spreadsheet) for a month or more of the period.</summary>
    public bool Reported { get; init; }
}

/// <summary>The counts behind one row, before the rates.</summary>
internal readonly record struct RankingCounts(int Dispatched, int InTime, int Rated, int Resolved, int Satisfied, int Returns)
{
    public static RankingCounts operator +(RankingCounts a, RankingCounts b)
        => new(a.Dispatched + b.Dispatched, a.InTime + b.InTime, a.Rated + b.Rated, a.Resolved + b.Resolved, a.Satisfied + b.Satisfied, a.Returns + b.Returns);

    public bool IsEmpty => Dispatched == 0 && Rated == 0;
}

/// <summary>A ranking's period: a month (yyyy-MM) or a whole year (yyyy), with the months it spans.</summary>
public sealed record RankingPeriod(string Text, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<string> Months)
{
    public bool IsYear => Text.Length == 4;

    public string Label => IsYear ? $"{Text}年" : $"{Text[..4]}年{int.Parse(Text[5..], CultureInfo.InvariantCulture)}月";
}

/// <summary>
/// Monthly (or yearly) figures per lead unit. Dispatched counts cases first dispatched in the month; a response is in time when
/// the unit signed within the response limit; resolution and satisfaction count the month's ratings that are not
/// excluded by an upheld appeal (satisfied = 基本满意 or better). Each figure drills down to its cases. Units are ranked
/// within their group (<see cref="RankingGroup"/>); the districts are ranked on the cases of everything below them, or on
/// the figures a district not yet on the platform reported (<see cref="ReportedFigures"/>).
/// </summary>
public sealed class RankingService(ReadDb read, UnitTree tree, IOptions<CaseRules> options)
{
    private readonly AppDb _db = read.Db;

    /// <summary>Where these figures were read (the replica while it is fresh enough).</summary>
    public ReadSource Source { get; } = read.Source;

    public static (DateTimeOffset Start, DateTimeOffset End) Month(string period)
        => TryMonth(period) ?? throw new RuleException("ranking.bad_period", "period 应为 yyyy-MM 格式的月份（1900-01 至 2100-12），如 2026-11", 400);

    /// <summary>A month (yyyy-MM) or a year (yyyy).</summary>
    public static RankingPeriod Period(string period)
    {
        period = period.Trim();
        if (period.Length == 4 && int.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100)
        {
            var months = Enumerable.Range(1, 12).Select(m => $"{year:D4}-{m:D2}").ToList();
            return new(period, Month(months[0]).Start, Month(months[^1]).End, months);
        }
        var (start, end) = TryMonth(period)
            ?? throw new RuleException("ranking.bad_period", "period 应为月份（yyyy-MM，如 2026-11）或年份（yyyy，如 2026），1900 至 2100 年之间", 400);
        return new(period, start, end, [period]);
    }

    private static (DateTimeOffset Start, DateTimeOffset End)? TryMonth(string period)
        => DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) && WireDate.InRange(first)
            ? (ChinaTime.At(first, TimeOnly.MinValue), ChinaTime.At(first.AddMonths(1), TimeOnly.MinValue))
            : null;

    /// <summary>Every lead unit of the period, ranked against all the others, each row saying its group.</summary>
    public Task<IReadOnlyList<UnitRanking>> UnitsAsync(string period, CancellationToken ct) => UnitsAsync(period, null, ct);

    /// <summary>
    /// The period's ranking from the running counts (<see cref="RunningFigures"/>), which follow the drill-down's rules: of
    /// one group, ranked within it, or of every lead unit when no group is given.
    /// </summary>
    /// <param name="within">A district's units: its ranking ranks them against each other only (null: every unit).</param>
    public async Task<IReadOnlyList<UnitRanking>> UnitsAsync(string period, RankingGroup? group, CancellationToken ct, IReadOnlySet<string>? within = null)
    {
        var span = Period(period);
        if (group == RankingGroup.Districts)
        {
            return await DistrictsAsync(span, within, ct);
        }
        var figures = await RunningFigures.ReadAsync(_db, span.Months, ct);
        var nodes = await tree.GetAsync(_db, ct);
        var unitIds = span.Months.SelectMany(m => figures.Units(FigureMetric.Dispatched, m).Union(figures.Units(FigureMetric.Rated, m))).ToHashSet();
        var rows = unitIds.Select(id => (Id: id, Group: RankingGroups.Of(nodes, id)))
            .Where(u => (group is null || u.Group == group) && (within is null || within.Contains(u.Id)))
            .Select(u => Row(u.Id, nodes.GetValueOrDefault(u.Id)?.Name ?? u.Id, Counts(figures, span.Months, [u.Id])) with { Group = u.Group });
        return Rank(rows);
    }

    /// <summary>
    /// 区县排名: each district (a 县（区）unit) on the cases of its whole subtree, its own included; a month a district reported
    /// (<see cref="ReportedFigure"/>) counts as reported instead.
    /// </summary>
    private async Task<IReadOnlyList<UnitRanking>> DistrictsAsync(RankingPeriod span, IReadOnlySet<string>? within, CancellationToken ct)
    {
        var figures = await RunningFigures.ReadAsync(_db, span.Months, ct);
        var nodes = await tree.GetAsync(_db, ct);
        var reported = (await _db.Set<ReportedFigure>().AsNoTracking().Where(r => span.Months.Contains(r.Period)).ToListAsync(ct))
            .ToDictionary(r => (r.UnitId, r.Period));
        var rows = new List<UnitRanking>();
        foreach (var district in nodes.Values.Where(n => n.Kind == UnitKind.County && (within is null || within.Contains(n.Id))))
        {
            var subtree = UnitTree.Subtree(nodes, district.Id);
            var total = default(RankingCounts);
            var anyReported = false;
            foreach (var month in span.Months)
            {
                if (reported.TryGetValue((district.Id, month), out var own))
                {
                    total += own.Counts;
                    anyReported = true;
                }
                else
                {
                    total += Counts(figures, [month], subtree);
                }
            }
            if (!total.IsEmpty || anyReported)
            {
                rows.Add(Row(district.Id, district.Name, total) with { Group = RankingGroup.Districts, Reported = anyReported });
            }
        }
        return Rank(rows);
    }

    private static RankingCounts Counts(FigureSet figures, IReadOnlyList<string> months, IEnumerable<string> unitIds)
    {
        var total = default(RankingCounts);
        foreach (var id in unitIds)
        {
            foreach (var m in months)
            {
                total += new RankingCounts(figures.Get(FigureMetric.Dispatched, m, id), figures.Get(FigureMetric.InTime, m, id), figures.Get(FigureMetric.Rated, m, id),
                    figures.Get(FigureMetric.Resolved, m, id), figures.Get(FigureMetric.Satisfied, m, id), figures.Get(FigureMetric.Returns, m, id));
            }
        }
        return total;
    }

    private UnitRanking Row(string id, string name, RankingCounts c)
    {
        var rules = options.Value;
        var response = Rate(c.InTime, c.Dispatched);
        var resolution = Rate(c.Resolved, c.Rated);
        var satisfaction = Rate(c.Satisfied, c.Rated);
        var score = Math.Round(100 * (rules.ResponseWeight * response + rules.ResolutionWeight * resolution + rules.SatisfactionWeight * satisfaction), 2);
        return new UnitRanking(id, name, c.Dispatched, c.InTime, response, c.Rated, c.Resolved, resolution, c.Satisfied, satisfaction, c.Returns, score, 0);
    }

    private static List<UnitRanking> Rank(IEnumerable<UnitRanking> rows)
        => CompetitionRank.Assign(rows.OrderByDescending(x => x.Score).ThenBy(x => x.ReturnCount).ThenBy(x => x.UnitName, StringComparer.Ordinal).ToList(),
            r => r.Score, (r, rank) => r with { Rank = rank });

    /// <summary>The cases behind one figure of one unit's row.</summary>
    /// <param name="district">A district's row of the 区县排名: the cases of every unit below it too.</param>
    public async Task<IReadOnlyList<Case>> DrillDownAsync(string unitId, string period, string metric, CancellationToken ct, bool district = false)
    {
        var (_, start, end, _) = Period(period);
        var units = district ? UnitTree.Subtree(await tree.GetAsync(_db, ct), unitId).ToList() : [unitId];
        var dispatched = _db.Set<Case>().AsNoTracking().Where(c => units.Contains(c.LeadUnitId!) && c.FirstDispatchedAt >= start && c.FirstDispatchedAt < end);
        var rated = _db.Set<Rating>().AsNoTracking().Where(r => units.Contains(r.UnitId!) && r.At >= start && r.At < end && !r.Excluded);
        IQueryable<string> ids = metric switch
        {
            "dispatched" => dispatched.Select(c => c.Id),
            "responded" => dispatched.Where(c => c.SignedInTime == true).Select(c => c.Id),
            "late" => dispatched.Where(c => c.SignedInTime != true).Select(c => c.Id),
            "rated" => rated.Select(r => r.CaseId),
            "resolved" => rated.Where(r => r.Resolved).Select(r => r.CaseId),
            "satisfied" => rated.Where(r => r.Level >= 3).Select(r => r.CaseId),
            "unsatisfied" => rated.Where(r => r.Level < 3).Select(r => r.CaseId),
            "returns" => _db.Set<ReturnRequest>().Where(r => units.Contains(r.UnitId) && r.RequestedAt >= start && r.RequestedAt < end).Select(r => r.CaseId),
            _ => throw new RuleException("ranking.bad_metric", "metric 应为 dispatched、responded、late、rated、resolved、satisfied、unsatisfied 或 returns", 400),
        };
        return await _db.Set<Case>().AsNoTracking().Where(c => ids.Contains(c.Id)).OrderByDescending(c => c.RegisteredAt).Take(1000).ToListAsync(ct);
    }

    private static double Rate(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}

public static class RankingsApi
{
    public static IServiceCollection AddRankings(this IServiceCollection services)
        => services.AddScoped<RankingService>().AddScoped<ReportedFigures>();

    public static void MapRankings(this IEndpointRouteBuilder app)
    {
        var rankings = app.MapGroup("/api/v1/rankings").RequireAuthorization().WithTags("排名");
        rankings.MapGet("/units", async (string? period, string? group, RankingService service, CurrentUser user, TimeProvider clock, CancellationToken ct)
            => TypedResults.Ok(await service.UnitsAsync(period ?? ThisMonth(clock), WireEnum.ParseOptional<RankingGroup>(group, "group"), ct,
                await user.AreaUnitsAsync(ct))));
        rankings.MapGet("/units/{unitId}/cases", DrillDown);
        rankings.MapReportedFigures();
    }

    public static string ThisMonth(TimeProvider clock) => clock.GetUtcNow().ToCst().ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <param name="group">districts: the drill-down of a district's row, over the cases of every unit below it.</param>
    private static async Task<Ok<List<CaseView>>> DrillDown(string unitId, string? period, string? metric, string? group,
        RankingService service, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        await user.EnsureCanSeeUnitAsync(unitId, ct);
        var now = clock.GetUtcNow();
        var district = WireEnum.ParseOptional<RankingGroup>(group, "group") == RankingGroup.Districts;
        var cases = await service.DrillDownAsync(unitId, period ?? ThisMonth(clock), metric ?? "dispatched", ct, district);
        // A case that has since gone to another unit (a 退单 counted here) is listed, but its handling is that unit's business.
        var visible = await user.VisibleUnitsAsync(ct);
        return TypedResults.Ok(cases.Select(c => CaseView.From(c, now, user, withTimeline: false))
            .Select(v => visible is null || (v.LeadUnitId is { } lead && visible.Contains(lead)) ? v : v with { ReplyContent = null, Content = "（该工单已改由其他单位办理）" })
            .ToList());
    }
}
