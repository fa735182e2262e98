using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Inspections;

/// <summary>One 暗访 plan: its units, checklist and visitors, 下发/结束, the record sheets and the visit report.</summary>
[Authorize(Policy = Policies.Inspections)]
public sealed class DetailModel(InspectionWorkflow flow, AppDb db, CurrentUser me) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    public PlanDetailView View { get; private set; } = null!;
    public VisitReport? Report { get; private set; }
    public Dictionary<string, string> ClueUnits { get; private set; } = [];
    public bool CanPlan => me.IsIn(Roles.Supervisor);
    public bool IsOffice => me.IsIn(Roles.Supervisor, Roles.Inspector);
    public bool CanFill => View.Plan.Status == WireEnum.Name(InspectionStatus.Active) && (CanPlan || View.Visitors.Any(v => v.Id == me.Id));

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    [Duty(Policies.PlanInspections)]
    public Task<IActionResult> OnPostIssueAsync(CancellationToken ct) => Done(flow.IssueAsync(Id, ct), "暗访计划已下发，暗访人员可以开始填写记录表");

    [Duty(Policies.PlanInspections)]
    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) => Done(flow.CloseAsync(Id, ct), "暗访计划已结束");

    public async Task<IActionResult> OnPostSheetAsync(NewSheetRequest sheet, CancellationToken ct)
    {
        var made = await flow.StartSheetAsync(Id, sheet, ct);
        return RedirectToPage("Sheet", new { id = made.Id });
    }

    private async Task<IActionResult> Done(Task<MysteryInspection> step, string notice)
    {
        await step;
        TempData["Notice"] = notice;
        return RedirectToPage("Detail", new { Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        View = await InspectionsApi.DetailAsync(flow, db, Id, ct);
        if (IsOffice)
        {
            Report = await flow.ReportAsync(Id, ct);
            ClueUnits = await InspectionsApi.UnitNamesAsync(db, Report.Clues.Select(c => c.UnitId), ct);
        }
    }
}
