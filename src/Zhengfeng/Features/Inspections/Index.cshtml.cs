using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Features.Exports;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Inspections;

/// <summary>暗访计划: the supervision office's plans; an outside visitor sees only the issued plans naming them.</summary>
[Authorize(Policy = Policies.Inspections)]
public sealed class IndexModel(InspectionWorkflow flow, CurrentUser me) : WorkflowPage
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<MysteryInspection> Items { get; private set; } = [];
    public int Total { get; private set; }
    public bool CanPlan => me.IsIn(Roles.Supervisor);
    public bool IsOffice => me.IsIn(Roles.Supervisor, Roles.Inspector);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string PageLink(int page) => Url.Page("Index", new { Status, Q, p = page })!;

    public string ExportLink => ExportLinks.Xlsx("/api/v1/inspections/export.xlsx", ("status", Status), ("q", Q));

    protected internal override async Task LoadAsync(CancellationToken ct)
        => (Items, Total) = await flow.SearchAsync(new PlanFilter(Status, Q, Math.Max(1, PageNumber), PageSize), ct);
}
