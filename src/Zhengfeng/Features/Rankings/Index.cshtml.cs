using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Features.Exports;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Rankings;

/// <summary>月度排名: the three rates and the composite score per lead unit; every figure links to its cases.</summary>
public sealed class IndexModel(RankingService rankings, TimeProvider clock) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    public IReadOnlyList<UnitRanking> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Period = string.IsNullOrWhiteSpace(Period) ? clock.GetUtcNow().ToCst().ToString("yyyy-MM", CultureInfo.InvariantCulture) : Period.Trim();
        Rows = await rankings.UnitsAsync(Period, ct);
    }

    public string ExportLink => ExportLinks.Xlsx("/api/v1/exports/rankings.xlsx", ("period", Period));

    public string Link(UnitRanking row, string metric) => $"/rankings/cases?unitId={Uri.EscapeDataString(row.UnitId)}&period={Period}&metric={metric}";

    public static string Percent(double rate) => rate.ToString("P1", CultureInfo.InvariantCulture);
}
