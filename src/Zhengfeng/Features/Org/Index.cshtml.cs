using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Org;

/// <summary>The unit tree, read-only for everyone; an admin also adds units here.</summary>
public sealed class IndexModel(OrgService org, CurrentUser me) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public UnitRequest? Input { get; set; }

    public UnitOutline Outline { get; private set; } = UnitOutline.Of([]);
    public IReadOnlyDictionary<string, string> CadreNames { get; private set; } = new Dictionary<string, string>();
    /// <summary>Units to show: null for all; with a search, the hits and their ancestors.</summary>
    public HashSet<string>? Shown { get; private set; }
    public HashSet<string> Hits { get; private set; } = [];
    public bool CanEdit => me.IsIn(Roles.Admin);
    public string? DefaultParentId => Outline.Roots.FirstOrDefault()?.Id;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        var unit = await org.CreateUnitAsync(Input!, ct);
        TempData["Notice"] = $"已新增单位“{unit.Name}”";
        return RedirectToPage();
    }

    public bool IsShown(string id) => Shown?.Contains(id) ?? true;

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        var units = await org.ListUnitsAsync(null, ct);
        Outline = UnitOutline.Of(units);
        CadreNames = await org.CadreNamesAsync(units.SelectMany(u => new[] { u.HeadId, u.DeputyId }), ct);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            Hits = (await org.ListUnitsAsync(Q.Trim(), ct)).Select(u => u.Id).ToHashSet();
            Shown = Outline.WithAncestors(Hits);
        }
    }
}
