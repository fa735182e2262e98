using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Features.Exports;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Rankings;

/// <summary>月度排名: the three rates and the composite score per lead unit; every figure links to its cases.</summary>
public sealed class IndexModel(RankingService rankings, CurrentUser me, TimeProvider clock) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    public IReadOnlyList<UnitRanking> Rows { get; private set; } = [];

    /// <summary>The units whose cases this user may open; null for all. Other units' figures are shown without a link.</summary>
    private HashSet<string>? _visible;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Period = string.IsNullOrWhiteSpace(Period) ? clock.GetUtcNow().ToCst().ToString("yyyy-MM", CultureInfo.InvariantCulture) : Period.Trim();
        Rows = await rankings.UnitsAsync(Period, ct);
        _visible = await me.VisibleUnitsAsync(ct);
    }

    public bool MayOpen(UnitRanking row) => _visible is null || _visible.Contains(row.UnitId);

    public string? Link(UnitRanking row, string metric) => !MayOpen(row) ? null : $"/rankings/cases?unitId={Uri.EscapeDataString(row.UnitId)}&period={Period}&metric={metric}";

    /// <summary>Where the figures were read (said on the page only when a read replica is configured).</summary>
    public Data.ReadSource Source => rankings.Source;

    public string ExportLink => ExportLinks.Xlsx("/api/v1/exports/rankings.xlsx", ("period", Period));

    public static string Percent(double rate) => rate.ToString("P1", CultureInfo.InvariantCulture);
}
