using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Rectification;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Clues;

/// <summary>线索详情: the clue, the 核查 form while it waits, and the form that opens a rectification item once it is verified.</summary>
public sealed class DetailModel(ClueWorkflow flow, RectificationWorkflow rectifications, AppDb db, IAuthorizationService auth, TimeProvider clock) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    /// <summary>限期整改 default period (DOMAIN-RULES: 30 days), offered as the form's deadline.</summary>
    public const int DefaultDays = 30;

    public Clue C { get; private set; } = null!;
    public string UnitName { get; private set; } = "";
    public string TypeName { get; private set; } = "";
    public List<Unit> Units { get; private set; } = [];
    public List<Cadre> Cadres { get; private set; } = [];
    public List<RectificationItem> Items { get; private set; } = [];
    public bool CanVerify { get; private set; }
    public bool CanOpenItem { get; private set; }
    public bool CanOpenAccountability { get; private set; }
    public string DefaultDue { get; private set; } = "";

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    [Duty(Policies.Inspect)]
    public async Task<IActionResult> OnPostVerifyAsync(VerifyClueRequest verify, CancellationToken ct)
    {
        var clue = await flow.VerifyAsync(Id, verify, ct);
        TempData["Notice"] = $"核查结论：{Clue.Label(clue.Result)}";
        return RedirectToPage("Detail", new { Id });
    }

    [Duty(Policies.Supervise)]
    public async Task<IActionResult> OnPostRectifyAsync(CreateRectificationRequest rectify, CancellationToken ct)
    {
        var item = await rectifications.CreateAsync(rectify with { ClueId = Id }, ct);
        TempData["Notice"] = "已建立整改任务";
        return RedirectToPage("/Rectification/Detail", new { id = item.Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        C = await flow.GetAsync(Id, ct);
        Units = await db.Units.AsNoTracking().Where(u => u.IsActive && u.Kind != UnitKind.County).OrderBy(u => u.SortOrder).ThenBy(u => u.Code).ToListAsync(ct);
        UnitName = await db.Units.AsNoTracking().Where(u => u.Id == C.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        TypeName = await db.Set<ProblemType>().AsNoTracking().Where(t => t.Code == C.ProblemType).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? C.ProblemType;
        Items = await db.Set<RectificationItem>().AsNoTracking().Where(i => i.ClueId == Id).OrderBy(i => i.CreatedAt).ToListAsync(ct);
        CanVerify = C.Status == ClueStatus.Registered && (await auth.AuthorizeAsync(User, Policies.Inspect)).Succeeded;
        CanOpenItem = C.IsTrue && (await auth.AuthorizeAsync(User, Policies.Supervise)).Succeeded;
        CanOpenAccountability = C.IsTrue && (await auth.AuthorizeAsync(User, Policies.Inspect)).Succeeded;
        if (CanOpenItem)
        {
            Cadres = await db.Cadres.AsNoTracking().Where(c => c.UnitId == C.UnitId && c.IsActive).OrderBy(c => c.Name).ToListAsync(ct);
        }
        DefaultDue = clock.GetUtcNow().CstDate().AddDays(DefaultDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
