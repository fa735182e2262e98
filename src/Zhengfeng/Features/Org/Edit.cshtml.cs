using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Org;

/// <summary>Rename a unit, move it in the tree, set its head and deputy from its own cadres.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(OrgService org) : PageModel
{
    [BindProperty] public UnitRequest? Input { get; set; }

    public Unit Unit { get; private set; } = null!;
    public UnitOutline Outline { get; private set; } = UnitOutline.Of([]);
    public IReadOnlyList<Cadre> Cadres { get; private set; } = [];
    /// <summary>Head or deputy set earlier to a cadre outside the unit, kept selectable so saving does not drop them.</summary>
    public IReadOnlyDictionary<string, string> OtherLeaders { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
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
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (Input is not null && ModelState.IsValid)
        {
            try
            {
                var unit = await org.UpdateUnitAsync(id, Input, ct);
                TempData["Notice"] = $"已保存单位“{unit.Name}”";
                return RedirectToPage("Index");
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
            catch (RuleException e)
            {
                ModelState.AddModelError("", e.Message);
            }
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var units = await org.ListUnitsAsync(null, ct);
        var unit = units.FirstOrDefault(u => u.Id == id);
        if (unit is null)
        {
            return false;
        }
        Unit = unit;
        Outline = UnitOutline.Of(units);
        Cadres = (await org.SearchCadresAsync(null, id, 1, 200, ct)).Items;
        var outside = new[] { unit.HeadId, unit.DeputyId, Input?.HeadId, Input?.DeputyId }
            .Where(c => !string.IsNullOrEmpty(c) && Cadres.All(x => x.Id != c));
        OtherLeaders = await org.CadreNamesAsync(outside, ct);
        return true;
    }
}
