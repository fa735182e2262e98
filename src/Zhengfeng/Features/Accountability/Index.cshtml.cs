using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accountability;

/// <summary>问责台账: the cases, newest first, and a form to open one.</summary>
[Authorize(Policy = Policies.Inspect)]
public sealed class IndexModel(AccountabilityWorkflow flow, AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public List<AccountabilityCase> Cases { get; private set; } = [];
    public Dictionary<string, string> UnitNames { get; private set; } = [];
    public Dictionary<string, string> CadreNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(OpenAccountabilityRequest open, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await flow.OpenAsync(open, ct);
                TempData["Notice"] = "问责案件已立项";
                return RedirectToPage("Index");
            }
            catch (RuleException e)
            {
                ModelState.AddModelError("", e.Message);
            }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Cases = await flow.ListAsync(Status, ct);
        UnitNames = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        CadreNames = await db.Cadres.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    public string Name(string? cadreId) => cadreId is not null && CadreNames.TryGetValue(cadreId, out var n) ? n : "";

    public string Subject(AccountabilityCase c) => c.UnitId is { } u ? UnitNames.GetValueOrDefault(u, u) : Name(c.CadreId);
}
