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
public sealed class ExemptionDetailModel(AccountabilityWorkflow flow, AppDb db, CurrentUser me, IAuthorizationService auth) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    public Exemption Item { get; private set; } = null!;
    public ExemptionView View { get; private set; } = null!;
    public Cadre Cadre { get; private set; } = null!;
    public string UnitName { get; private set; } = "";
    public AccountabilityCase? Case { get; private set; }
    public bool CanDecide { get; private set; }
    public bool CanReadCase { get; private set; }
    public DecideExemptionRequest? Decide => Argument<DecideExemptionRequest>("decide");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await MayReadAsync())
        {
            return Forbid();
        }
        await LoadAsync(ct);
        return Page();
    }

    [Duty(Policies.DecideExemption)]
    public async Task<IActionResult> OnPostAsync(DecideExemptionRequest decide, CancellationToken ct)
    {
        var e = await flow.DecideExemptionAsync(Id, decide, ct);
        TempData["Notice"] = e.Status == ExemptionStatus.Approved
            ? "已予以容错免责" + (e.AccountabilityCaseId is null ? "" : "，关联问责案件免予问责并结案")
            : "已决定不予容错免责";
        return RedirectToPage("ExemptionDetail", new { Id });
    }

    /// <summary>County-wide roles need the integrity-file duty; a unit's own staff see their unit's applications (scope is checked on load).</summary>
    private async Task<bool> MayReadAsync() => (await auth.AuthorizeAsync(User, Policies.ReadIntegrity)).Succeeded || !me.IsAreaWide;

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Item = await flow.LoadExemptionAsync(Id, ct);
        View = ExemptionView.From(Item);
        Cadre = await db.Cadres.AsNoTracking().FirstAsync(c => c.Id == Item.CadreId, ct);
        UnitName = await db.Units.AsNoTracking().Where(u => u.Id == Cadre.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        CanReadCase = (await auth.AuthorizeAsync(User, Policies.ReadIntegrity)).Succeeded;
        Case = Item.AccountabilityCaseId is { } caseId ? await db.Set<AccountabilityCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct) : null;
        CanDecide = Item.Status == ExemptionStatus.Applied && (await auth.AuthorizeAsync(User, Policies.DecideExemption)).Succeeded;
    }

    public bool FoundFailing(string key) => Decide?.FailedCriteria?.Contains(key) == true;
}
