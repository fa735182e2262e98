using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Org;

/// <summary>The cadre roll (干部名册), scoped to the units the user may see; an admin also adds cadres here.</summary>
public sealed class PeopleModel(OrgService org, CurrentUser me) : WorkflowPage
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? UnitId { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty] public CadreRequest? Input { get; set; }

    public Page<Cadre> Result { get; private set; } = new([], 0, 1, PageSize);
    public UnitOutline Outline { get; private set; } = UnitOutline.Of([]);
    /// <summary>The units offered in the filter: those the user may see.</summary>
    public IReadOnlyList<UnitOutline.Entry> Units { get; private set; } = [];
    public bool CanEdit => me.IsIn(Roles.Admin);
    public int PageCount => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        var cadre = await org.CreateCadreAsync(Input!, ct);
        TempData["Notice"] = $"已新增干部“{cadre.Name}”";
        return RedirectToPage(new { unitId = cadre.UnitId });
    }

    /// <summary>Query string for another page of the same search.</summary>
    public object PageRoute(int page) => new { q = Q, unitId = UnitId, p = page };

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Outline = UnitOutline.Of(await org.ListUnitsAsync(null, ct));
        var visible = await me.VisibleUnitsAsync(ct);
        Units = Outline.Entries.Where(e => visible?.Contains(e.Unit.Id) ?? true).ToList();
        Result = await org.SearchCadresAsync(Q?.Trim(), UnitId, PageNumber, PageSize, ct);
    }
}
