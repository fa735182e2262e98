using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accountability;

/// <summary>
/// 容错免责申请: the facts, and each of the six conditions answered (符合 / 不符合) with the applicant's evidence.
/// From an accountability case the cadre is one of those it concerns; otherwise any cadre in the user's scope.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ApplyExemptionModel(AccountabilityWorkflow flow, AppDb db, CurrentUser me) : WorkflowPage
{
    /// <summary>One condition: the request's property, its name and what evidence answers it.</summary>
    public sealed record Criterion(string Property, string Name, string Hint);

    public static readonly IReadOnlyList<Criterion> Criteria =
    [
        new(nameof(ApplyExemptionRequest.PublicPurpose), "出于推进改革或公共利益", "出于公心，为推进改革、促进发展或维护群众利益"),
        new(nameof(ApplyExemptionRequest.NoPersonalGain), "未谋取私利", "未为本人、亲友或特定关系人谋取不正当利益"),
        new(nameof(ApplyExemptionRequest.NoBreachOfLaw), "未违反法律法规和党纪", "未违反法律法规和党纪的禁止性规定，非上级明令禁止后仍为"),
        new(nameof(ApplyExemptionRequest.NoMajorLoss), "未造成重大损失或恶劣影响", "损失和影响的程度"),
        new(nameof(ApplyExemptionRequest.TimelyRemedy), "及时纠错挽回损失", "发现问题后主动纠错、挽回损失或消除影响的措施"),
        new(nameof(ApplyExemptionRequest.ProcedureFollowed), "履行了决策程序", "经集体研究等决策程序，或紧急情况下事后及时报告"),
    ];

    [BindProperty(SupportsGet = true)] public string? CaseId { get; set; }
    [BindProperty(SupportsGet = true)] public string? CadreId { get; set; }

    public AccountabilityCase? Case { get; private set; }
    public List<Cadre> Cadres { get; private set; } = [];
    public Dictionary<string, string> UnitNames { get; private set; } = [];
    /// <summary>The form's values as posted, so a refused post loses nothing.</summary>
    public IFormCollection? Form => Request.HasFormContentType ? Request.Form : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!me.MayActOnCadres)
        {
            return Forbid();
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(ApplyExemptionRequest apply, CancellationToken ct)
    {
        if (!me.MayActOnCadres)
        {
            return Forbid();
        }
        foreach (var c in Criteria)
        {
            var answer = Request.Form["apply." + c.Property].ToString();
            if (answer is not ("true" or "false"))
            {
                ModelState.AddModelError("apply." + c.Property, $"请回答是否符合“{c.Name}”");
            }
            else if (answer == "true" && string.IsNullOrWhiteSpace(Request.Form["apply." + c.Property + "Note"]))
            {
                ModelState.AddModelError("apply." + c.Property + "Note", $"请填写“{c.Name}”的证明材料或说明");
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var e = await flow.ApplyExemptionAsync(apply with { AccountabilityCaseId = CaseId }, ct);
        TempData["Notice"] = "已提交容错免责申请";
        return RedirectToPage("ExemptionDetail", new { id = e.Id });
    }

    /// <summary>Those who read integrity files, or a unit's own staff for its cadres (intake and dispatch have no part in this).</summary>

    public string Value(string field, string? fallback = null) => Form?[field].ToString() is { Length: > 0 } v ? v : fallback ?? "";

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        var visible = await me.VisibleUnitsAsync(ct);
        if (!string.IsNullOrWhiteSpace(CaseId))
        {
            Case = await flow.LoadAsync(CaseId, ct);
            var ids = new[] { Case.CadreId, Case.HeadId, Case.DeputyId }.OfType<string>().ToList();
            Cadres = await db.Cadres.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
            CadreId ??= Case.CadreId;
        }
        else
        {
            var all = await db.Cadres.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Name).ToListAsync(ct);
            Cadres = all.Where(c => visible is null || visible.Contains(c.UnitId)).ToList();
        }
        var unitIds = Cadres.Select(c => c.UnitId).Distinct().ToList();
        UnitNames = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    public string RoleIn(Cadre c) => Case is null ? "" : c.Id == Case.CadreId ? "问责对象" : c.Id == Case.HeadId ? "主要负责人" : "分管领导";
}
