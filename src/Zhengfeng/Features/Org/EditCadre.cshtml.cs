using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Org;

[Authorize(Policy = Policies.Admin)]
public sealed class EditCadreModel(OrgService org) : PageModel
{
    [BindProperty] public CadreRequest? Input { get; set; }

    public Cadre Cadre { get; private set; } = null!;
    public IReadOnlyList<UnitOutline.Entry> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Input = new CadreRequest
        {
            Name = Cadre.Name,
            UnitId = Cadre.UnitId,
            Post = Cadre.Post,
            Rank = Cadre.Rank,
            Phone = Cadre.Phone,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (Input is not null && ModelState.IsValid)
        {
            try
            {
                var cadre = await org.UpdateCadreAsync(id, Input, ct);
                TempData["Notice"] = $"已保存干部“{cadre.Name}”";
                return RedirectToPage("People", new { unitId = cadre.UnitId });
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
        try
        {
            Cadre = await org.GetCadreAsync(id, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }
        Units = UnitOutline.Of(await org.ListUnitsAsync(null, ct)).Entries;
        return true;
    }
}
