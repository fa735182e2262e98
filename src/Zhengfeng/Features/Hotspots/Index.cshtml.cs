using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Features.Exports;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Hotspots;

/// <summary>同一地点同类问题: the clusters of the window chosen, biggest first, each opening onto its cases; with the xlsx export.</summary>
[Authorize(Policy = Policies.Hotspots)]
public sealed class IndexModel(HotspotFinder finder) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public int? Days { get; set; }
    [BindProperty(SupportsGet = true)] public int? MinCases { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public HotspotReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Show(await finder.FindAsync(Days, MinCases, PageNumber, ct));

    /// <summary>The default window, shown when the one asked for is refused.</summary>
    protected internal override async Task LoadAsync(CancellationToken ct) => Show(await finder.FindAsync(null, null, 1, ct));

    private void Show(HotspotReport report)
    {
        Report = report;
        Days = report.Days;
        MinCases = report.MinCases;
    }

    public int Pages => Math.Max(1, (Report.Clusters.Total + HotspotFinder.PageSize - 1) / HotspotFinder.PageSize);

    public string PageLink(int page) => Url.Page("Index", new { days = Days, minCases = MinCases, p = page })!;

    public string ExportLink => ExportLinks.Xlsx("/api/v1/hotspots/export.xlsx",
        ("days", Days?.ToString(CultureInfo.InvariantCulture)), ("minCases", MinCases?.ToString(CultureInfo.InvariantCulture)));

    public static string Day(DateTimeOffset at) => at.ToCst().ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);

    public static string TrendTag(HotspotTrend t) => t switch
    {
        HotspotTrend.New or HotspotTrend.Rising => "tag red",
        HotspotTrend.Steady => "tag warn",
        _ => "tag ok",
    };

    /// <summary>The points of a small line chart of the daily counts (drawn as inline SVG, so no script is needed).</summary>
    public static string Sparkline(IReadOnlyList<int> daily, int width = 120, int height = 24)
    {
        var max = Math.Max(1, daily.Max());
        var step = daily.Count > 1 ? (double)(width - 2) / (daily.Count - 1) : 0;
        var points = new StringBuilder();
        for (var i = 0; i < daily.Count; i++)
        {
            points.Append(CultureInfo.InvariantCulture, $"{1 + i * step:0.#},{height - 2 - (double)daily[i] / max * (height - 4):0.#} ");
        }
        return points.ToString().TrimEnd();
    }
}
