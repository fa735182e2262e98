using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Org;

[Authorize(Policy = Policies.Admin)]
public sealed class EditCadreModel(OrgService org) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public CadreRequest? Input { get; set; }

    public Cadre Cadre { get; private set; } = null!;
    public IReadOnlyList<UnitOutline.Entry> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new CadreRequest
        {
            Name = Cadre.Name,
            UnitId = Cadre.UnitId,
            Post = Cadre.Post,
            Rank = Cadre.Rank,
            Phone = Cadre.Phone,
            TerminalNo = Cadre.TerminalNo,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var cadre = await org.UpdateCadreAsync(Id, Input!, ct);
        TempData["Notice"] = $"已保存干部“{cadre.Name}”";
        return RedirectToPage("People", new { unitId = cadre.UnitId });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Cadre = await org.GetCadreAsync(Id, ct);
        Units = UnitOutline.Of(await org.ListUnitsAsync(null, ct)).Entries;
    }
}
