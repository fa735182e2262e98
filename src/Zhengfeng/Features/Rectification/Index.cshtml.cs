using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Exports;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Rectification;

/// <summary>整改台账: the items the user may see, filtered by status, unit, overdue and relapse, with their flags.</summary>
public sealed class IndexModel(RectificationWorkflow flow, AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public bool Relapsed { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Page<RectificationItem> Result { get; private set; } = new([], 0, 1, PageSize);
    public Dictionary<string, string> UnitNames { get; private set; } = [];
    public List<Unit> Units { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.GetUtcNow().CstDate();
        Result = await flow.SearchAsync(new LedgerFilter(WireEnum.TryParse<RectificationStatus>(Status, out var s) ? s : null, UnitId, Overdue, Relapsed), PageNumber, PageSize, ct);
        var visible = await me.VisibleUnitsAsync(ct);
        var all = await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Code).ToListAsync(ct);
        UnitNames = all.ToDictionary(u => u.Id, u => u.Name);
        Units = all.Where(u => u.IsActive && !Unit.IsArea(u.Kind) && (visible is null || visible.Contains(u.Id))).ToList();
    }

    public bool IsOverdue(RectificationItem i) => i.Status is RectificationStatus.Open or RectificationStatus.Reported && i.DueDate < Today;

    public string ExportLink => ExportLinks.Xlsx("/api/v1/exports/rectifications.xlsx",
        ("status", WireEnum.TryParse<RectificationStatus>(Status, out var s) ? WireEnum.Name(s) : null), ("unitId", UnitId),
        ("overdue", Overdue ? "true" : null), ("relapsed", Relapsed ? "true" : null));

    public string PageLink(int page)
        => Url.Page("Index", new { Status, UnitId, Overdue = Overdue ? "true" : null, Relapsed = Relapsed ? "true" : null, p = page })!;

    public static string Tag(RectificationStatus s) => s switch
    {
        RectificationStatus.Closed => "tag ok",
        RectificationStatus.Verified => "tag ok",
        RectificationStatus.Reported => "tag warn",
        _ => "tag",
    };
}
