using System.Globalization;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhengfeng.Features.Exports;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Scores;

/// <summary>One item of a unit's score: the points, why, and the record it comes from.</summary>
public sealed record ScoreItemView(decimal Points, string Reason, string SourceType, string SourceId, string Url, string Kind, string RuleName, DateTimeOffset At)
{
    public static ScoreItemView From(ScoreItem i) => new(i.Points, i.Reason, i.SourceType, i.SourceId, i.Url, WireEnum.Name(i.Kind), i.RuleName, i.At);
}

public sealed record UnitScoreView(string UnitId, string UnitName, string UnitKind, int Year, decimal Score, int Rank, int Ranked,
    decimal Deductions, decimal Additions, IReadOnlyList<ScoreItemView> Items)
{
    public static UnitScoreView From(UnitScore s, ScoreBoard board) => new(s.UnitId, s.UnitName, WireEnum.Name(s.UnitKind), board.Year, s.Score, s.Rank,
        board.Units.Count, s.Deductions, s.Additions, s.Items.Select(ScoreItemView.From).ToList());
}

public sealed record ScoreRuleView(string Kind, string Name, decimal Points, decimal? YearCap, string SourceDocument, bool Enabled, string SourceType,
    string? UpdatedBy, DateTimeOffset? UpdatedAt, int Version)
{
    public static ScoreRuleView From(ScoreRule r) => new(WireEnum.Name(r.Kind), r.Name, r.Points, r.YearCap, r.SourceDocument, r.Enabled,
        ScoreRuleTable.SourceType(r.Kind), r.UpdatedBy, r.UpdatedAt, r.Version);
}

/// <summary>Who reads the scores (and the honours that follow from them): the county-wide roles that act on them.</summary>
public static class ScorePolicies
{
    public const string Read = "read-scores";
}

/// <summary>综合考核: services and endpoints.</summary>
public static class ScoresApi
{
    public static IServiceCollection AddScores(this IServiceCollection services)
    {
        services.AddOptions<ScoringRules>().BindConfiguration("Scores").ValidateDataAnnotations().ValidateOnStart();
        services.Configure<AuthorizationOptions>(o => o.AddPolicy(ScorePolicies.Read, p => p.RequireRole(Roles.Supervisor, Roles.Leader, Roles.Inspector, Roles.Admin)));
        return services.AddScoped<Scoring>().AddScoped<ScoreRuleWorkflow>();
    }

    public static void MapScores(this IEndpointRouteBuilder app)
    {
        var scores = app.MapGroup("/api/v1/scores").RequireAuthorization(ScorePolicies.Read).WithTags("综合考核");
        scores.MapGet("/units", Units);
        scores.MapGet("/units/{unitId}", OneUnit);
        scores.MapGet("/districts", async (string? year, Scoring scoring, CancellationToken ct)
            => TypedResults.Ok(await scoring.DistrictsAsync(scoring.Year(year), ct)));
        scores.MapGet("/export.xlsx", Export);
        scores.MapGet("/rules", async (ScoreRuleWorkflow flow, CancellationToken ct) => TypedResults.Ok((await flow.ListAsync(ct)).Select(ScoreRuleView.From).ToList()));
        scores.MapPut("/rules/{kind}", async (string kind, ReviseScoreRuleRequest r, ScoreRuleWorkflow flow, CancellationToken ct)
            => TypedResults.Ok(ScoreRuleView.From(await flow.ReviseAsync(WireEnum.Parse<ScoreKind>(kind, "kind"), r, ct))))
            .RequireAuthorization(Policies.Supervise);
    }

    private static async Task<Ok<List<UnitScoreView>>> Units(string? year, string? unitKind, Scoring scoring, CancellationToken ct)
    {
        var board = await scoring.YearAsync(scoring.Year(year), ct);
        var kind = WireEnum.ParseOptional<UnitKind>(unitKind, "unitKind");
        return TypedResults.Ok(board.Units.Where(u => kind is null || u.UnitKind == kind).Select(u => UnitScoreView.From(u, board)).ToList());
    }

    private static async Task<Ok<UnitScoreView>> OneUnit(string unitId, string? year, Scoring scoring, CancellationToken ct)
    {
        var board = await scoring.YearAsync(scoring.Year(year), ct);
        return TypedResults.Ok(UnitScoreView.From(board.For(unitId) ?? throw new NotFoundException("参加考核的单位"), board));
    }

    /// <summary>The ranking on one sheet and every item on a second, each item with the link to its record.</summary>
    private static async Task<FileContentHttpResult> Export(string? year, HttpContext http, Scoring scoring, CancellationToken ct)
    {
        var board = await scoring.YearAsync(scoring.Year(year), ct);
        var site = $"{http.Request.Scheme}://{http.Request.Host}";
        var ranking = LedgerExports.Sheet($"{board.Year}年度综合考核排名", board.Units,
            new LedgerExports.Column<UnitScore>("名次", 8, u => u.Rank),
            new LedgerExports.Column<UnitScore>("单位", 28, u => u.UnitName),
            new LedgerExports.Column<UnitScore>("类别", 12, u => Unit.KindLabel(u.UnitKind)),
            new LedgerExports.Column<UnitScore>("得分", 10, u => (double)u.Score),
            new LedgerExports.Column<UnitScore>("扣分合计", 10, u => (double)u.Deductions),
            new LedgerExports.Column<UnitScore>("加分合计", 10, u => (double)u.Additions),
            new LedgerExports.Column<UnitScore>("扣加分条数", 10, u => u.Items.Count),
            new LedgerExports.Column<UnitScore>("明细", 50, u => $"{site}/scores/{u.UnitId}/{board.Year}"));
        var rows = board.Units.SelectMany(u => u.Items.Select(i => (Unit: u, Item: i))).ToList();
        var items = LedgerExports.Sheet("扣分加分明细", rows,
            new LedgerExports.Column<(UnitScore Unit, ScoreItem Item)>("单位", 24, r => r.Unit.UnitName),
            new LedgerExports.Column<(UnitScore Unit, ScoreItem Item)>("时间", 17, r => r.Item.At),
            new LedgerExports.Column<(UnitScore Unit, ScoreItem Item)>("考核项目", 24, r => r.Item.RuleName),
            new LedgerExports.Column<(UnitScore Unit, ScoreItem Item)>("分值", 8, r => (double)r.Item.Points),
            new LedgerExports.Column<(UnitScore Unit, ScoreItem Item)>("说明", 70, r => r.Item.Reason),
            new LedgerExports.Column<(UnitScore Unit, ScoreItem Item)>("来源", 10, r => ScoreRuleTable.SourceLabel(r.Item.SourceType)),
            new LedgerExports.Column<(UnitScore Unit, ScoreItem Item)>("来源记录", 50, r => site + r.Item.Url));
        using var book = new XLWorkbook(new MemoryStream(ranking));
        using (var second = new XLWorkbook(new MemoryStream(items)))
        {
            second.Worksheet(1).CopyTo(book, "扣分加分明细");
        }
        if (await scoring.DistrictsAsync(board.Year, ct) is { Count: > 0 } districts)
        {
            LedgerExports.AddSheet(book, "各区县对比", districts,
                new LedgerExports.Column<DistrictScore>("名次", 8, d => d.Rank > 0 ? d.Rank : ""),
                new LedgerExports.Column<DistrictScore>("区县", 20, d => d.Name),
                new LedgerExports.Column<DistrictScore>("参考单位", 10, d => d.Units),
                new LedgerExports.Column<DistrictScore>("平均得分", 10, d => (double)d.Average),
                new LedgerExports.Column<DistrictScore>("最低得分", 10, d => (double)d.Lowest),
                new LedgerExports.Column<DistrictScore>("扣分合计", 10, d => (double)d.Deductions),
                new LedgerExports.Column<DistrictScore>("加分合计", 10, d => (double)d.Additions),
                new LedgerExports.Column<DistrictScore>("扣加分条数", 10, d => d.Items));
        }
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        var stamp = board.AsOf.ToCst().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return TypedResults.File(stream.ToArray(), LedgerExports.XlsxType, $"{board.Year}年度综合考核-{stamp}.xlsx");
    }
}
