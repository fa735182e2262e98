using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Campaigns;

/// <summary>修订实施方案: the running campaign's plan in the same form, filled with what it says now.</summary>
[Authorize(Policy = Policies.Supervise)]
public sealed class EditModel(CampaignWorkflow flow, AppDb db, CurrentUser me) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    public Campaign Campaign { get; private set; } = null!;
    public PlanFormView View { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(PlanForm form, CancellationToken ct)
    {
        var c = await flow.ReviseAsync(Id, form.ToRequest(), ct);
        TempData["Notice"] = "已修订实施方案";
        return RedirectToPage("Detail", new { id = c.Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Campaign = await flow.LoadAsync(Id, ct);
        var form = Argument<PlanForm>("form")?.WithSpareRows() ?? PlanForm.From(Campaign);
        View = new PlanFormView(form, await CampaignPages.UnitGroupsAsync(db, me, ct), "保存修订");
    }
}
