using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Evaluations;

/// <summary>评议列表 and creating a campaign.</summary>
[Authorize(Policy = Policies.ReadEvaluations)]
public sealed class IndexModel(EvaluationWorkflow flow, AppDb db, CurrentUser me, TimeProvider clock) : WorkflowPage
{
    public List<EvaluationCampaign> Campaigns { get; private set; } = [];
    public List<Unit> Units { get; private set; } = [];

    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public int Year { get; set; }
    [BindProperty] public List<string> UnitIds { get; set; } = [];
    [BindProperty] public Dictionary<string, int> Weights { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = clock.GetUtcNow().CstDate().Year;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!me.IsIn(Roles.Admin))
        {
            return Forbid();
        }
        var groups = Weights.Where(w => w.Value > 0).Select(w => new GroupWeight { Group = WireEnum.Parse<RaterGroup>(w.Key, "group"), Weight = w.Value }).ToList();
        var c = await flow.CreateAsync(new CreateCampaignRequest { Name = Name, Year = Year, UnitIds = UnitIds, Groups = groups }, ct);
        return RedirectToPage("Detail", new { id = c.Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Campaigns = await flow.ListAsync(ct);
        Units = await db.Units.WorkUnitsAsync(await me.AreaScopeAsync(ct), ct);
    }
}
