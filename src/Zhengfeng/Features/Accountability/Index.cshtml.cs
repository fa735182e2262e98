using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Exports;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accountability;

/// <summary>问责台账: the cases in the user's scope, newest first, filtered by status and words, a page at a time.</summary>
[Authorize(Policy = Policies.Inspect)]
public sealed class IndexModel(AccountabilityWorkflow flow, AppDb db) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Page<AccountabilityCase> Result { get; private set; } = new([], 0, 1, PageSize);
    public Dictionary<string, string> UnitNames { get; private set; } = [];
    public Dictionary<string, string> CadreNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await flow.SearchAsync(AccountabilityFilter.Of(Status, Q), PageNumber, PageSize, ct);
        var unitIds = Result.Items.Where(c => c.UnitId is not null).Select(c => c.UnitId!).Distinct().ToList();
        var cadreIds = Result.Items.SelectMany(c => new[] { c.CadreId, c.HeadId, c.DeputyId }).OfType<string>().Distinct().ToList();
        UnitNames = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        CadreNames = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    public string Name(string? cadreId) => cadreId is not null && CadreNames.TryGetValue(cadreId, out var n) ? n : "";

    public string Subject(AccountabilityCase c) => c.UnitId is { } u ? UnitNames.GetValueOrDefault(u, u) : Name(c.CadreId);

    public string ExportLink => ExportLinks.Xlsx("/api/v1/exports/accountability.xlsx", ("status", Status), ("q", Q));

    public string PageLink(int page) => Url.Page("Index", new { Status, Q, p = page })!;

    public static string Tag(AccountabilityStatus s) => s switch
    {
        AccountabilityStatus.Decided => "tag red",
        AccountabilityStatus.Closed => "tag ok",
        AccountabilityStatus.Investigating => "tag warn",
        _ => "tag",
    };
}
