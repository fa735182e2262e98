using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Features.Exports;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Services;

/// <summary>窗口办件台账: the unit's visits (and those passed to it), newest first, applicants masked; supervision sees all.</summary>
[Authorize(Policy = Policies.Services)]
public sealed class VisitsModel(ServiceWorkflow flow, CurrentUser me, TimeProvider clock) : WorkflowPage
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public bool Repeat { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<WindowVisit> Items { get; private set; } = [];
    public int Total { get; private set; }
    public Dictionary<string, string> ItemNames { get; private set; } = [];
    public Dictionary<string, string> UnitNames { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public bool MayLog => me.IsIn(Roles.Unit);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public (string Name, string Phone) Applicant(WindowVisit v) => flow.Masked(v);

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string PageLink(int page) => Url.Page("Visits", new { UnitId, Status, Overdue, Repeat, Q, p = page })!;

    public string ExportLink => ExportLinks.Xlsx("/api/v1/services/visits.xlsx", ("unitId", UnitId), ("status", Status), ("overdue", Overdue ? "true" : null),
        ("repeat", Repeat ? "true" : null), ("q", Q));

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        (Items, Total) = await flow.SearchVisitsAsync(new VisitFilter(UnitId, Status, Overdue, Repeat, Q, Math.Clamp(PageNumber, 1, Paging.MaxPage), PageSize), ct);
        ItemNames = await flow.ItemNamesAsync(Items, ct);
        UnitNames = await flow.UnitNamesAsync(ct);
    }
}
