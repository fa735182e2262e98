using Microsoft.AspNetCore.Http.HttpResults;
using Zhengfeng.Features.Exports;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Hotspots;

public static class HotspotsApi
{
    public static IServiceCollection AddHotspots(this IServiceCollection services)
    {
        services.AddOptions<HotspotRules>().BindConfiguration("Hotspots").ValidateDataAnnotations().ValidateOnStart();
        return services.AddScoped<HotspotFinder>();
    }

    public static void MapHotspots(this IEndpointRouteBuilder app)
    {
        var hotspots = app.MapGroup("/api/v1/hotspots").RequireAuthorization(Policies.Hotspots).WithTags("同一地点同类问题");
        hotspots.MapGet("/", List);
        hotspots.MapGet("/export.xlsx", Export);
    }

    private static async Task<Ok<HotspotReport>> List(int? days, int? minCases, int? p, HotspotFinder finder, CancellationToken ct)
        => TypedResults.Ok(await finder.FindAsync(days, minCases, p ?? 1, ct));

    /// <summary>One row per cluster of the window, every page of it, with the numbers of its cases.</summary>
    private static async Task<FileContentHttpResult> Export(int? days, int? minCases, HotspotFinder finder, CancellationToken ct)
    {
        var report = await finder.AllAsync(days, minCases, ct);
        var rows = report.Clusters.Items;
        var bytes = LedgerExports.Sheet("同一地点同类问题", rows,
            new LedgerExports.Column<Hotspot>("地点", 24, h => h.Place),
            new LedgerExports.Column<Hotspot>("地址写法", 36, h => string.Join("；", h.Addresses)),
            new LedgerExports.Column<Hotspot>("问题类别", 20, h => h.Category),
            new LedgerExports.Column<Hotspot>($"近{report.Days}天件数", 12, h => h.Count),
            new LedgerExports.Column<Hotspot>($"前{report.Days}天件数", 12, h => h.PreviousCount),
            new LedgerExports.Column<Hotspot>("趋势", 10, h => h.TrendLabel),
            new LedgerExports.Column<Hotspot>("未答复", 10, h => h.Open),
            new LedgerExports.Column<Hotspot>("已答复", 10, h => h.Answered),
            new LedgerExports.Column<Hotspot>("涉及单位", 30, h => string.Join("、", h.Units)),
            new LedgerExports.Column<Hotspot>("最新诉求时间", 17, h => h.Newest.RegisteredAt),
            new LedgerExports.Column<Hotspot>("最新诉求", 30, h => h.Newest.Title),
            new LedgerExports.Column<Hotspot>("工单编号", 60, h => string.Join("、", h.Cases.Select(c => c.Number))));
        return TypedResults.File(bytes, LedgerExports.XlsxType, $"同一地点同类问题-{report.To.ToCst():yyyyMMdd}.xlsx");
    }
}
