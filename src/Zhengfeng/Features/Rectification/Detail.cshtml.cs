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
public sealed class DetailModel(RectificationWorkflow flow, ClueWorkflow clues, AppDb db, TimeProvider clock, IOptions<RectificationRules> rules) : PageModel
{
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
    public string? Error { get; private set; }

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

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
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

    public Task<IActionResult> OnPostProgressAsync(string id, ProgressRequest progress, List<IFormFile> evidence, CancellationToken ct)
        => ActAsync(id, () => flow.ReportAsync(id, progress, ct, evidence), evidence.Count(f => f.Length > 0) is var n and > 0 ? $"已报告整改进展，附佐证材料{n}份" : "已报告整改进展", ct);

    public Task<IActionResult> OnPostVerifyAsync(string id, VerifyRectificationRequest verify, CancellationToken ct)
        => ActAsync(id, () => flow.VerifyAsync(id, verify, ct), verify.Pass ? "验收通过" : "验收不通过，已退回责任单位重新整改", ct);

    public Task<IActionResult> OnPostCloseAsync(string id, CancellationToken ct)
        => ActAsync(id, () => flow.CloseAsync(id, ct), "已销号", ct);

    public Task<IActionResult> OnPostFollowUpAsync(string id, VerifyRectificationRequest followUp, CancellationToken ct)
        => ActAsync(id, () => flow.FollowUpAsync(id, followUp, ct), followUp.Pass ? "回头看：整改有效" : "回头看发现问题仍存在，已重新整改", ct);

    /// <summary>Runs the workflow step; its refusal is shown on the page, a forbidden step is a 403.</summary>
    private async Task<IActionResult> ActAsync(string id, Func<Task> action, string done, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Error = CasePages.Errors(ModelState);
        }
        else
        {
            try
            {
                await action();
                TempData["Notice"] = done;
                return RedirectToPage("Detail", new { id });
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
                Error = e.Message;
            }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(string id, CancellationToken ct)
    {
        Today = clock.GetUtcNow().CstDate();
        Item = await flow.LoadAsync(id, ct);
        UnitName = await db.Units.AsNoTracking().Where(u => u.Id == Item.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        ResponsiblePerson = Item.ResponsiblePersonId is null ? null
            : await db.Cadres.AsNoTracking().Where(c => c.Id == Item.ResponsiblePersonId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        // The problem's own words only for those who may read the clue (a report's content can point at its reporter).
        try
        {
            Clue = await clues.GetAsync(Item.ClueId, ct);
        }
        catch (ForbiddenException)
        {
            Clue = null;
        }
        var typeCode = Clue?.ProblemType ?? await db.Set<Clue>().AsNoTracking().Where(c => c.Id == Item.ClueId).Select(c => c.ProblemType).FirstAsync(ct);
        ProblemTypeName = await db.Set<ProblemType>().AsNoTracking().Where(t => t.Code == typeCode).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? typeCode;
        Reports = await flow.ProgressAsync(id, ct);
        EvidenceByOwner = (await flow.EvidenceAsync(id, ct)).ToLookup(a => a.OwnerId);
        var userIds = Reports.Select(r => r.ReportedBy).Distinct().ToList();
        People = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var responsible = await flow.IsResponsibleAsync(Item, ct);
        var outsider = await flow.IsOutsideSupervisorAsync(Item, ct);
        CanReport = responsible && RectificationItem.Table.Allows(Item.Status, RectificationAction.Report);
        CanVerify = outsider && Item.Status == RectificationStatus.Reported;
        CanClose = outsider && Item.Status == RectificationStatus.Verified;
        CanFollowUp = outsider && Item.Status == RectificationStatus.Closed;
    }
}
