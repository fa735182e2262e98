using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Features.Exports;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Rankings;

/// <summary>
/// 排名: the three rates and the composite score, monthly or for a year. Each group (街道乡镇, 部门, 国有企业, 区县) has its own page
/// and its own order; the page of all units says each unit's group. Every figure links to its cases.
/// </summary>
public sealed class IndexModel(RankingService rankings, CurrentUser me, TimeProvider clock, IAuthorizationService auth) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    /// <summary>The group's code from the path (/rankings/townships); none for all units.</summary>
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    public RankingGroup? Selected { get; private set; }
    public RankingPeriod Span { get; private set; } = null!;
    public IReadOnlyList<UnitRanking> Rows { get; private set; } = [];
    /// <summary>Supervision keeps the districts' reported figures.</summary>
    public bool MayImport { get; private set; }

    /// <summary>The units whose cases this user may open; null for all. Other units' figures are shown without a link.</summary>
    private HashSet<string>? _visible;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Period = string.IsNullOrWhiteSpace(Period) ? RankingsApi.ThisMonth(clock) : Period.Trim();
        Selected = WireEnum.ParseOptional<RankingGroup>(Group, "group");
        Span = RankingService.Period(Period);
        Rows = await rankings.UnitsAsync(Period, Selected, ct, await me.AreaUnitsAsync(ct));
        _visible = await me.VisibleUnitsAsync(ct);
        MayImport = (await auth.AuthorizeAsync(User, Policies.Supervise)).Succeeded;
    }

    public string Title => Selected is { } g ? $"{RankingGroups.Label(g)}排名" : "承办单位排名";

    public bool MayOpen(UnitRanking row) => !row.Reported && (_visible is null || _visible.Contains(row.UnitId));

    public string? Link(UnitRanking row, string metric)
        => !MayOpen(row) ? null : $"/rankings/cases?unitId={Uri.EscapeDataString(row.UnitId)}&period={Period}&metric={metric}{(Selected is { } g ? "&group=" + RankingGroups.Code(g) : "")}";

    public string PageOf(RankingGroup? group) => group is { } g ? $"/rankings/{RankingGroups.Code(g)}?period={Period}" : $"/rankings?period={Period}";

    /// <summary>Where the figures were read (said on the page only when a read replica is configured).</summary>
    public Data.ReadSource Source => rankings.Source;

    public string ExportLink => ExportLinks.Xlsx("/api/v1/exports/rankings.xlsx", ("period", Period), ("group", Selected is { } g ? RankingGroups.Code(g) : null));

    public static string Percent(double rate) => rate.ToString("P1", System.Globalization.CultureInfo.InvariantCulture);
}
