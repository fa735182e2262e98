using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Org;

/// <summary>Rename a unit, move it in the tree, set its head and deputy from its own cadres.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(OrgService org) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public UnitRequest? Input { get; set; }

    public Unit Unit { get; private set; } = null!;
    public UnitOutline Outline { get; private set; } = UnitOutline.Of([]);
    public IReadOnlyList<Cadre> Cadres { get; private set; } = [];
    /// <summary>Head or deputy set earlier to a cadre outside the unit, kept selectable so saving does not drop them.</summary>
    public IReadOnlyDictionary<string, string> OtherLeaders { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new UnitRequest
        {
            Name = Unit.Name,
            Code = Unit.Code,
            Kind = Unit.Kind,
            ParentId = Unit.ParentId,
            HeadId = Unit.HeadId,
            DeputyId = Unit.DeputyId,
            SortOrder = Unit.SortOrder,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var unit = await org.UpdateUnitAsync(Id, Input!, ct);
        TempData["Notice"] = $"已保存单位“{unit.Name}”";
        return RedirectToPage("Index");
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        var units = await org.ListUnitsAsync(null, ct);
        Unit = units.FirstOrDefault(u => u.Id == Id) ?? throw new NotFoundException("单位");
        Outline = UnitOutline.Of(units);
        Cadres = (await org.SearchCadresAsync(null, Id, 1, 200, ct)).Items;
        var outside = new[] { Unit.HeadId, Unit.DeputyId, Input?.HeadId, Input?.DeputyId }
            .Where(c => !string.IsNullOrEmpty(c) && Cadres.All(x => x.Id != c));
        OtherLeaders = await org.CadreNamesAsync(outside, ct);
    }
}
