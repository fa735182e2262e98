using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Figures;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Rankings;

// 响应率 ResponseRate · 解决率 ResolutionRate · 满意率 SatisfactionRate (北京市接诉即办工作条例 Art. 32: the three rates)

public sealed record UnitRanking(string UnitId, string UnitName, int Dispatched, int RespondedInTime, double ResponseRate,
    int Rated, int Resolved, double ResolutionRate, int Satisfied, double SatisfactionRate, int ReturnCount, double Score, int Rank);

/// <summary>
/// Monthly figures per lead unit. Dispatched counts cases first dispatched in the month; a response is in time when
/// the unit signed within the response limit; resolution and satisfaction count the month's ratings that are not
/// excluded by an upheld appeal (satisfied = 基本满意 or better). Each figure drills down to its cases.
/// </summary>
public sealed class RankingService(ReadDb read, IOptions<CaseRules> options)
{
    private readonly AppDb _db = read.Db;

    /// <summary>Where these figures were read (the replica while it is fresh enough).</summary>
    public ReadSource Source { get; } = read.Source;

    public static (DateTimeOffset Start, DateTimeOffset End) Month(string period)
    {
        if (!DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) || !WireDate.InRange(first))
        {
            throw new RuleException("ranking.bad_period", "period 应为 yyyy-MM 格式的月份（1900-01 至 2100-12），如 2026-11", 400);
        }
        return (ChinaTime.At(first, TimeOnly.MinValue), ChinaTime.At(first.AddMonths(1), TimeOnly.MinValue));
    }

    /// <summary>The month's ranking, from the running counts (<see cref="RunningFigures"/>), which follow the drill-down's rules.</summary>
    public async Task<IReadOnlyList<UnitRanking>> UnitsAsync(string period, CancellationToken ct)
    {
        _ = Month(period); // validates the period
        var figures = await RunningFigures.ReadAsync(_db, [period], ct);
        var unitIds = figures.Units(FigureMetric.Dispatched, period).Union(figures.Units(FigureMetric.Rated, period)).ToHashSet();
        var names = await _db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var rules = options.Value;
        var rows = unitIds.Select(id =>
        {
            int Get(string metric) => figures.Get(metric, period, id);
            var (dispatched, inTime, rated) = (Get(FigureMetric.Dispatched), Get(FigureMetric.InTime), Get(FigureMetric.Rated));
            var (resolved, satisfied) = (Get(FigureMetric.Resolved), Get(FigureMetric.Satisfied));
            var response = Rate(inTime, dispatched);
            var resolution = Rate(resolved, rated);
            var satisfaction = Rate(satisfied, rated);
            var score = Math.Round(100 * (rules.ResponseWeight * response + rules.ResolutionWeight * resolution + rules.SatisfactionWeight * satisfaction), 2);
            return new UnitRanking(id, names.GetValueOrDefault(id, id), dispatched, inTime, response,
                rated, resolved, resolution, satisfied, satisfaction, Get(FigureMetric.Returns), score, 0);
        }).OrderByDescending(x => x.Score).ThenBy(x => x.ReturnCount).ThenBy(x => x.UnitName, StringComparer.Ordinal).ToList();
        return CompetitionRank.Assign(rows, r => r.Score, (r, rank) => r with { Rank = rank });
    }

    /// <summary>The cases behind one figure of one unit's row.</summary>
    public async Task<IReadOnlyList<Case>> DrillDownAsync(string unitId, string period, string metric, CancellationToken ct)
    {
        var (start, end) = Month(period);
        var dispatched = _db.Set<Case>().AsNoTracking().Where(c => c.LeadUnitId == unitId && c.FirstDispatchedAt >= start && c.FirstDispatchedAt < end);
        var rated = _db.Set<Rating>().AsNoTracking().Where(r => r.UnitId == unitId && r.At >= start && r.At < end && !r.Excluded);
        IQueryable<string> ids = metric switch
        {
            "dispatched" => dispatched.Select(c => c.Id),
            "responded" => dispatched.Where(c => c.SignedInTime == true).Select(c => c.Id),
            "late" => dispatched.Where(c => c.SignedInTime != true).Select(c => c.Id),
            "rated" => rated.Select(r => r.CaseId),
            "resolved" => rated.Where(r => r.Resolved).Select(r => r.CaseId),
            "satisfied" => rated.Where(r => r.Level >= 3).Select(r => r.CaseId),
            "unsatisfied" => rated.Where(r => r.Level < 3).Select(r => r.CaseId),
            "returns" => _db.Set<ReturnRequest>().Where(r => r.UnitId == unitId && r.RequestedAt >= start && r.RequestedAt < end).Select(r => r.CaseId),
            _ => throw new RuleException("ranking.bad_metric", "metric 应为 dispatched、responded、late、rated、resolved、satisfied、unsatisfied 或 returns", 400),
        };
        return await _db.Set<Case>().AsNoTracking().Where(c => ids.Contains(c.Id)).OrderByDescending(c => c.RegisteredAt).Take(1000).ToListAsync(ct);
    }

    private static double Rate(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}

public static class RankingsApi
{
    public static IServiceCollection AddRankings(this IServiceCollection services)
        => services.AddScoped<RankingService>();

    public static void MapRankings(this IEndpointRouteBuilder app)
    {
        var rankings = app.MapGroup("/api/v1/rankings").RequireAuthorization().WithTags("排名");
        rankings.MapGet("/units", async (string? period, RankingService service, TimeProvider clock, CancellationToken ct)
            => TypedResults.Ok(await service.UnitsAsync(period ?? clock.GetUtcNow().ToCst().ToString("yyyy-MM", CultureInfo.InvariantCulture), ct)));
        rankings.MapGet("/units/{unitId}/cases", DrillDown);
    }

    private static async Task<Ok<List<CaseView>>> DrillDown(string unitId, string? period, string? metric, RankingService service, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        await user.EnsureCanSeeUnitAsync(unitId, ct);
        var now = clock.GetUtcNow();
        var cases = await service.DrillDownAsync(unitId, period ?? now.ToCst().ToString("yyyy-MM", CultureInfo.InvariantCulture), metric ?? "dispatched", ct);
        // A case that has since gone to another unit (a 退单 counted here) is listed, but its handling is that unit's business.
        var visible = await user.VisibleUnitsAsync(ct);
        return TypedResults.Ok(cases.Select(c => CaseView.From(c, now, user, withTimeline: false))
            .Select(v => visible is null || (v.LeadUnitId is { } lead && visible.Contains(lead)) ? v : v with { ReplyContent = null, Content = "（该工单已改由其他单位办理）" })
            .ToList());
    }
}
