using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accountability;

/// <summary>
/// 容错免责认定: the application, each condition with the applicant's answer and evidence, and for a leader or inspector
/// the decision: grant (closes the linked case as 免予问责) or refuse, naming the conditions that fail.
/// Readable by those who read integrity files, and by the applicant's own unit.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ExemptionDetailModel(AccountabilityWorkflow flow, AppDb db, CurrentUser me, IAuthorizationService auth) : PageModel
{
    public Exemption Item { get; private set; } = null!;
    public ExemptionView View { get; private set; } = null!;
    public Cadre Cadre { get; private set; } = null!;
    public string UnitName { get; private set; } = "";
    public AccountabilityCase? Case { get; private set; }
    public bool CanDecide { get; private set; }
    public bool CanReadCase { get; private set; }
    public DecideExemptionRequest? Posted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await MayReadAsync())
        {
            return Forbid();
        }
        try
        {
            await LoadAsync(id, ct);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
    }

    public async Task<IActionResult> OnPostAsync(string id, DecideExemptionRequest decide, CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.DecideExemption)).Succeeded)
        {
            return Forbid();
        }
        Posted = decide;
        if (ModelState.IsValid)
        {
            try
            {
                var e = await flow.DecideExemptionAsync(id, decide, ct);
                TempData["Notice"] = e.Status == ExemptionStatus.Approved
                    ? "已予以容错免责" + (e.AccountabilityCaseId is null ? "" : "，关联问责案件免予问责并结案")
                    : "已决定不予容错免责";
                return RedirectToPage("ExemptionDetail", new { id });
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
            catch (ForbiddenException)
            {
                return Forbid();
            }
            catch (RuleException e)
            {
                ModelState.AddModelError("", e.Message);
            }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>County-wide roles need the integrity-file duty; a unit's own staff see their unit's applications (scope is checked on load).</summary>
    private async Task<bool> MayReadAsync() => (await auth.AuthorizeAsync(User, Policies.ReadIntegrity)).Succeeded || !me.IsCountyWide;

    private async Task LoadAsync(string id, CancellationToken ct)
    {
        Item = await flow.LoadExemptionAsync(id, ct);
        View = ExemptionView.From(Item);
        Cadre = await db.Cadres.AsNoTracking().FirstAsync(c => c.Id == Item.CadreId, ct);
        UnitName = await db.Units.AsNoTracking().Where(u => u.Id == Cadre.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        CanReadCase = (await auth.AuthorizeAsync(User, Policies.ReadIntegrity)).Succeeded;
        Case = Item.AccountabilityCaseId is { } caseId ? await db.Set<AccountabilityCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct) : null;
        CanDecide = Item.Status == ExemptionStatus.Applied && (await auth.AuthorizeAsync(User, Policies.DecideExemption)).Succeeded;
    }

    public bool FoundFailing(string key) => Posted?.FailedCriteria?.Contains(key) == true;
}
