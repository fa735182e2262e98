using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhengfeng.Data;
using Zhengfeng.Features.Attachments;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Rectification;

/// <summary>
/// 整改任务: the item, its progress with evidence, and the forms of whoever may act: the responsible unit reports
/// (the form starts from what the ledger already holds), a supervisor outside the unit verifies, signs off and looks back.
/// </summary>
[RequestSizeLimit(AttachmentStore.MaxBytes * AttachmentStore.MaxPerOwner + 64 * 1024)]
public sealed class DetailModel(RectificationWorkflow flow, CurrentUser me, AppDb db, TimeProvider clock, IOptions<RectificationRules> rules) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    public RectificationItem Item { get; private set; } = null!;
    public Clue? Clue { get; private set; }
    public string ProblemTypeName { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public string? ResponsiblePerson { get; private set; }
    public List<ProgressReport> Reports { get; private set; } = [];
    public ILookup<string, Attachment> EvidenceByOwner { get; private set; } = Array.Empty<Attachment>().ToLookup(a => a.OwnerId);
    public Dictionary<string, string> People { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanReport { get; private set; }
    public bool CanVerify { get; private set; }
    public bool CanClose { get; private set; }
    public bool CanFollowUp { get; private set; }

    public bool Overdue => Item.Status is RectificationStatus.Open or RectificationStatus.Reported && Item.DueDate < Today;

    /// <summary>The day the 回头看 falls due if the item is signed off today.</summary>
    public DateOnly FollowUpIfClosedToday => Today.AddDays(rules.Value.FollowUpDays);

    /// <summary>
    /// Why the unit must report again: the rejecting verification's note, or the relapse. A pass note is kept on the item
    /// too, so a note counts as a rejection only when it came after the last report and after any pass.
    /// </summary>
    public string? SentBackBecause => Item.Status != RectificationStatus.Open ? null
        : Item.LastVerificationNote is { } note && Item.FailedVerifications > 0 && (Item.VerifiedAt is null || Item.LastReportedAt > Item.VerifiedAt) ? "验收意见：" + note
        : Item.RelapseNote;

    public ProgressReport? LastReport => Reports.Count == 0 ? null : Reports[^1];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostProgressAsync(ProgressRequest progress, List<IFormFile> evidence, CancellationToken ct)
    {
        await flow.ReportAsync(Id, progress, ct, evidence);
        return Done(evidence.Count(f => f.Length > 0) is var n and > 0 ? $"已报告整改进展，附佐证材料{n}份" : "已报告整改进展");
    }

    public async Task<IActionResult> OnPostVerifyAsync(VerifyRectificationRequest verify, CancellationToken ct)
    {
        await flow.VerifyAsync(Id, verify, ct);
        return Done(verify.Pass ? "验收通过" : "验收不通过，已退回责任单位重新整改");
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        await flow.CloseAsync(Id, ct);
        return Done("已销号");
    }

    public async Task<IActionResult> OnPostFollowUpAsync(VerifyRectificationRequest followUp, CancellationToken ct)
    {
        await flow.FollowUpAsync(Id, followUp, ct);
        return Done(followUp.Pass ? "回头看：整改有效" : "回头看发现问题仍存在，已重新整改");
    }

    private RedirectToPageResult Done(string notice)
    {
        TempData["Notice"] = notice;
        return RedirectToPage("Detail", new { Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Today = clock.GetUtcNow().CstDate();
        Item = await flow.LoadAsync(Id, ct);
        UnitName = await db.Units.AsNoTracking().Where(u => u.Id == Item.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        ResponsiblePerson = Item.ResponsiblePersonId is null ? null
            : await db.Cadres.AsNoTracking().Where(c => c.Id == Item.ResponsiblePersonId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        // The problem's own words only for those who may read the clue (a report's content can point at its reporter).
        var clue = await db.Set<Clue>().AsNoTracking().FirstAsync(c => c.Id == Item.ClueId, ct);
        Clue = await ClueWorkflow.MayReadAsync(me, clue, ct) ? clue : null;
        var typeCode = clue.ProblemType;
        ProblemTypeName = await db.Set<ProblemType>().AsNoTracking().Where(t => t.Code == typeCode).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? typeCode;
        Reports = await flow.ProgressAsync(Id, ct);
        EvidenceByOwner = (await flow.EvidenceAsync(Id, ct)).ToLookup(a => a.OwnerId);
        var userIds = Reports.Select(r => r.ReportedBy).Distinct().ToList();
        People = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var responsible = await flow.IsResponsibleAsync(Item, ct);
        var outsider = await flow.IsOutsideSupervisorAsync(Item, ct);
        CanReport = responsible && RectificationItem.Table.Allows(Item.Status, RectificationAction.Report);
        CanVerify = outsider && Item.Status == RectificationStatus.Reported;
        CanClose = outsider && Item.Status == RectificationStatus.Verified;
        CanFollowUp = outsider && Item.Status == RectificationStatus.Closed;
    }

    /// <summary>The clue workflow's read rule: a unit's staff read only their own units' self-inspection findings.</summary>
}
