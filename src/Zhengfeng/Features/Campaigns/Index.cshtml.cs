using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Campaigns;

/// <summary>专项整治: the campaigns the user may see (unit staff: those their unit takes part in), with search, status filter and export.</summary>
public sealed class IndexModel(CampaignWorkflow flow) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Page<Campaign> Result { get; private set; } = new([], 0, 1, PageSize);
    public bool MayPlan => flow.MayPlan;
    public DateOnly Today => flow.Today;
    public string UnitId => flow.UnitId;
    public bool IsUnitStaff { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await flow.SearchAsync(WireEnum.TryParse<CampaignStatus>(Status, out var s) ? s : null, Q, PageNumber, PageSize, ct);
        IsUnitStaff = User.IsInRole(Roles.Unit);
    }

    public string PageLink(int page) => Url.Page("Index", new { Q, Status, p = page })!;

    public string ExportLink => $"/api/v1/campaigns/export.xlsx?status={Uri.EscapeDataString(Status ?? "")}&q={Uri.EscapeDataString(Q ?? "")}";
}
