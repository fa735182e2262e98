using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Features.Hotspots;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Dashboard;

/// <summary>领导驾驶舱: the figures as charts with their numbers in plain tables below; every number links to its records.</summary>
[Authorize(Policy = Policies.Lead)]
public sealed class IndexModel(DashboardService service, HotspotFinder hotspots) : WorkflowPage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public DashboardView View { get; private set; } = null!;

    /// <summary>Where the figures were read (said on the page only when a read replica is configured).</summary>
    public Data.ReadSource Source => service.Source;

    /// <summary>同一地点同类问题 of the last 7 days, the top of the list (its own page has the rest).</summary>
    public HotspotReport Hotspots { get; private set; } = null!;

    public const int TopHotspots = 5;

    /// <summary>The figures for the charts; the default encoder escapes &lt; and &gt;, so it is safe inside a script element.</summary>
    public string ChartData => JsonSerializer.Serialize(View, Json);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Hotspots = await hotspots.FindAsync(null, null, 1, ct);
        Show(await service.BuildAsync(From, To, ct));
    }

    /// <summary>The default range, shown when the range asked for is refused.</summary>
    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Hotspots = await hotspots.FindAsync(null, null, 1, ct);
        Show(await service.BuildAsync(null, null, ct));
    }

    private void Show(DashboardView view)
    {
        View = view;
        From = view.From;
        To = view.To;
    }

    /// <summary>The year of the range's last month, whose 综合考核 the panel shows.</summary>
    public int ScoreYear => int.Parse(View.To.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);

    public static string Percent(double rate) => rate.ToString("P1", System.Globalization.CultureInfo.InvariantCulture);
}
