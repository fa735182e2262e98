using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Campaigns;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Assignments;

/// <summary>交办事项: the assignments the user may see, filtered by status, unit, campaign, source and overdue, with the overdue marked.</summary>
public sealed class IndexModel(AssignmentWorkflow flow, AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public string? CampaignId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Source { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Page<Assignment> Result { get; private set; } = new([], 0, 1, PageSize);
    public Dictionary<string, string> UnitNames { get; private set; } = [];
    public List<Unit> Units { get; private set; } = [];
    public Dictionary<string, string> Campaigns { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanAssign => me.IsIn(Roles.Supervisor, Roles.Leader, Roles.Admin);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.GetUtcNow().CstDate();
        var filter = new AssignmentFilter(WireEnum.TryParse<AssignmentStatus>(Status, out var s) ? s : null, UnitId, CampaignId,
            WireEnum.TryParse<AssignmentSource>(Source, out var src) ? src : null, Overdue, Q);
        Result = await flow.SearchAsync(filter, PageNumber, PageSize, ct);
        var visible = await me.VisibleUnitsAsync(ct);
        var all = await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Code).ToListAsync(ct);
        UnitNames = all.ToDictionary(u => u.Id, u => u.Name);
        Units = all.Where(u => u.IsActive && !Unit.IsArea(u.Kind) && (visible is null || visible.Contains(u.Id))).ToList();
        Campaigns = await db.Set<Campaign>().AsNoTracking().OrderByDescending(c => c.StartsOn).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    public string Query(int? page = null)
        => Url.Page("Index", new { Status, UnitId, CampaignId, Source, Overdue = Overdue ? "true" : null, Q, p = page })!;

    public string ExportLink
        => "/api/v1/tasks/export.xlsx" + QueryString.Create(new Dictionary<string, string?>
        {
            ["status"] = Status, ["unitId"] = UnitId, ["campaignId"] = CampaignId, ["source"] = Source, ["overdue"] = Overdue ? "true" : null, ["q"] = Q,
        }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public static string Tag(AssignmentStatus s) => s switch
    {
        AssignmentStatus.Done => "tag ok",
        AssignmentStatus.Reported => "tag warn",
        _ => "tag",
    };
}
