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
public sealed class DetailModel(
    ClueWorkflow flow, RectificationWorkflow rectifications, AppDb db, IAuthorizationService auth, TimeProvider clock, Attachments.AttachmentStore files, CurrentUser me)
    : WorkflowPage
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
    public string? PersonName { get; private set; }
    public List<Attachments.Attachment> Photos { get; private set; } = [];
    /// <summary>核查人员 name the cadre concerned and add photos while the clue is checked.</summary>
    public bool CanAddEvidence { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    [Duty(Policies.Inspect)]
    public async Task<IActionResult> OnPostVerifyAsync(VerifyClueRequest verify, CancellationToken ct)
    {
        var clue = await flow.VerifyAsync(Id, verify, ct);
        TempData["Notice"] = $"核查结论：{Clue.Label(clue.Result)}";
        return RedirectToPage("Detail", new { Id });
    }

    [Duty(Policies.Inspect)]
    public async Task<IActionResult> OnPostPersonAsync(string? personId, CancellationToken ct)
    {
        var clue = await flow.NamePersonAsync(Id, personId, ct);
        TempData["Notice"] = clue.PersonId is null ? "已清除涉及干部" : "已认定涉及干部";
        return RedirectToPage("Detail", new { Id });
    }

    [Duty(Policies.Inspect)]
    public async Task<IActionResult> OnPostPhotoAsync(List<IFormFile>? photos, CancellationToken ct)
    {
        await flow.GetAsync(Id, ct);
        if (photos is not { Count: > 0 })
        {
            throw new RuleException("attachment.missing", "请选择要上传的照片", 400);
        }
        foreach (var photo in photos)
        {
            await using var stream = photo.OpenReadStream();
            await files.SaveAsync("clue", Id, photo.FileName, stream, me.Id, ct);
        }
        TempData["Notice"] = $"已上传{photos.Count}个文件";
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
        Units = await db.Units.WorkUnitsAsync(await me.AreaScopeAsync(ct), ct);
        UnitName = await db.Units.AsNoTracking().Where(u => u.Id == C.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        TypeName = await db.Set<ProblemType>().AsNoTracking().Where(t => t.Code == C.ProblemType).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? C.ProblemType;
        Items = await db.Set<RectificationItem>().AsNoTracking().Where(i => i.ClueId == Id).OrderBy(i => i.CreatedAt).ToListAsync(ct);
        CanVerify = C.Status == ClueStatus.Registered && (await auth.AuthorizeAsync(User, Policies.Inspect)).Succeeded;
        CanOpenItem = C.IsTrue && (await auth.AuthorizeAsync(User, Policies.Supervise)).Succeeded;
        CanOpenAccountability = C.IsTrue && (await auth.AuthorizeAsync(User, Policies.Inspect)).Succeeded;
        CanAddEvidence = C.Status == ClueStatus.Registered && (await auth.AuthorizeAsync(User, Policies.Inspect)).Succeeded;
        Photos = await files.ListAsync("clue", Id, ct);
        PersonName = C.PersonId is null ? null : await db.Cadres.AsNoTracking().Where(p => p.Id == C.PersonId).Select(p => p.Name + "（" + p.Post + "）").FirstOrDefaultAsync(ct);
        if (CanOpenItem || CanAddEvidence)
        {
            Cadres = await db.Cadres.AsNoTracking().Where(c => c.UnitId == C.UnitId && c.IsActive).OrderBy(c => c.Name).ToListAsync(ct);
        }
        DefaultDue = clock.GetUtcNow().CstDate().AddDays(DefaultDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
