using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Features.Exports;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Interventions;

/// <summary>说情、打招呼登记: the user's own records; 纪检 sees every record, searchable, and one person's at a time.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(InterventionWorkflow flow) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Person { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Page<InterventionView> Result { get; private set; } = new([], 0, 1, PageSize);
    public bool SeesAll => flow.SeesAll;

    public async Task OnGetAsync(CancellationToken ct) => Result = await flow.SearchAsync(Q, Person, PageNumber, PageSize, ct);

    public string ExportLink => ExportLinks.Xlsx("/api/v1/exports/interventions.xlsx", ("q", Q), ("person", Person));

    public string PageLink(int page) => Url.Page("Index", new { Q, Person, p = page })!;
}
