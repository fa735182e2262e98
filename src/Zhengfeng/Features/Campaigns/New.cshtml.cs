using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Campaigns;

/// <summary>制定专项整治方案: name, 文号, goal, period and cycle, the phases (four standard ones pre-filled), the leading group, the units.</summary>
[Authorize(Policy = Policies.Supervise)]
public sealed class NewModel(CampaignWorkflow flow, AppDb db, CurrentUser me) : WorkflowPage
{
    public PlanFormView View { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(PlanForm form, CancellationToken ct)
    {
        var c = await flow.CreateAsync(form.ToRequest(), ct);
        TempData["Notice"] = $"已制定专项整治方案“{c.Name}”";
        return RedirectToPage("Detail", new { id = c.Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        var form = Argument<PlanForm>("form")?.WithSpareRows() ?? PlanForm.New(flow.Today);
        View = new PlanFormView(form, await CampaignPages.UnitGroupsAsync(db, me, ct), "制定方案");
    }
}
