using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Exports;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>工单列表: the cases the user may see, filtered by status, overdue and text.</summary>
public sealed class IndexModel(CaseSearch search, AppDb db, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Page<Case> Result { get; private set; } = new([], 0, 1, PageSize);
    public Dictionary<string, string> UnitNames { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        CaseStatus? status = WireEnum.TryParse<CaseStatus>(Status, out var s) ? s : null;
        Result = await search.SearchAsync(new CaseSearch.Filter(status, null, Overdue ? true : null, null, null, Q, null), PageNumber, PageSize, ct);
        var unitIds = Result.Items.Select(c => c.LeadUnitId).OfType<string>().Distinct().ToList();
        UnitNames = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    public string ExportLink => ExportLinks.Xlsx("/api/v1/exports/cases.xlsx",
        ("status", WireEnum.TryParse<CaseStatus>(Status, out var s) ? WireEnum.Name(s) : null), ("overdue", Overdue ? "true" : null), ("q", Q));

    public string PageLink(int page)
        => Url.Page("Index", new { Status, Overdue = Overdue ? "true" : null, Q, p = page })!;
}
