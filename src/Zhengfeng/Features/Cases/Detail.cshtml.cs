using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Attachments;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>
/// 工单详情: the case, its deadlines with their explanations, its timeline, and the forms of the actions the
/// current user may take. Every action calls <see cref="CaseWorkflow"/>; the page only decides what to show.
/// </summary>
public sealed class DetailModel(CaseWorkflow flow, AppDb db, IAuthorizationService auth, TimeProvider clock, AttachmentStore files) : PageModel
{
    public Case C { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    public Dictionary<string, string> UnitNames { get; private set; } = [];
    public List<Unit> Units { get; private set; } = [];
    public ReturnRequest? PendingReturn { get; private set; }
    public ExtensionRequest? PendingExtension { get; private set; }
    public string CategoryName { get; private set; } = "";
    public List<Attachment> Photos { get; private set; } = [];
    public string? Error { get; private set; }
    [TempData] public string? Done { get; set; }

    public bool CanDispatch { get; private set; }
    public bool CanSign { get; private set; }
    public bool CanRequestReturn { get; private set; }
    public bool CanRequestExtension { get; private set; }
    public bool CanReply { get; private set; }
    public bool CanDecideReturn { get; private set; }
    public bool CanDecideExtension { get; private set; }
    public bool CanClose { get; private set; }
    public bool CanAnswer { get; private set; }

    public bool HasActions => CanDispatch || CanSign || CanRequestReturn || CanRequestExtension || CanReply || CanDecideReturn || CanDecideExtension || CanClose || CanAnswer;

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

    public Task<IActionResult> OnPostDispatchAsync(string id, DispatchRequest dispatch, CancellationToken ct)
        => ActAsync(id, Policies.Dispatch, () => flow.DispatchAsync(id, dispatch, ct), "已派单", ct);

    public Task<IActionResult> OnPostSignAsync(string id, CancellationToken ct)
        => ActAsync(id, Policies.UnitWork, () => flow.SignAsync(id, ct), "已签收", ct);

    public Task<IActionResult> OnPostReturnAsync(string id, ReasonRequest giveBack, CancellationToken ct)
        => ActAsync(id, Policies.UnitWork, () => flow.RequestReturnAsync(id, giveBack.Reason, ct), "已申请退单，等待派单员裁定", ct);

    public Task<IActionResult> OnPostExtensionAsync(string id, ExtensionRequestInput extension, CancellationToken ct)
        => ActAsync(id, Policies.UnitWork, () => flow.RequestExtensionAsync(id, extension, ct), "已申请延期，等待审批", ct);

    public Task<IActionResult> OnPostReplyAsync(string id, ReplyRequest reply, CancellationToken ct)
        => ActAsync(id, Policies.UnitWork, () => flow.ReplyAsync(id, reply, ct), "已答复", ct);

    public Task<IActionResult> OnPostDecideReturnAsync(string id, string requestId, ReturnDecisionRequest decision, CancellationToken ct)
        => ActAsync(id, Policies.Dispatch, () => flow.DecideReturnAsync(id, requestId, decision, ct), decision.Approve ? "已同意退单并改派" : "已驳回退单", ct);

    public Task<IActionResult> OnPostDecideExtensionAsync(string id, string requestId, DecisionRequest decision, CancellationToken ct)
        => ActAsync(id, Policies.DecideExtension, () => flow.DecideExtensionAsync(id, requestId, decision, ct), decision.Approve ? "已批准延期" : "已驳回延期", ct);

    public Task<IActionResult> OnPostCloseAsync(string id, NoteRequest close, CancellationToken ct)
        => ActAsync(id, Policies.Dispatch, () => flow.CloseAsync(id, close.Note, ct), "已结案", ct);

    public Task<IActionResult> OnPostAnswerAsync(string id, ReasonRequest answer, CancellationToken ct)
        => ActAsync(id, Policies.Intake, () => flow.DirectAnswerAsync(id, answer.Reason, ct), "已直接答复", ct);

    /// <summary>Checks the duty's policy and the posted input, runs the workflow step, and shows its refusal on the page.</summary>
    private async Task<IActionResult> ActAsync(string id, string policy, Func<Task> action, string done, CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, policy)).Succeeded)
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            Error = CasePages.Errors(ModelState);
        }
        else
        {
            try
            {
                await action();
                Done = done;
                return RedirectToPage("Detail", new { id });
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
        Now = clock.GetUtcNow();
        C = await flow.LoadAsync(id, ct);
        await db.Entry(C).Collection(x => x.Timeline).LoadAsync(ct);
        Photos = await files.ListAsync("case", id, ct);
        PendingReturn = await db.Set<ReturnRequest>().AsNoTracking().FirstOrDefaultAsync(x => x.CaseId == id && x.Decision == RequestDecision.Pending, ct);
        PendingExtension = await db.Set<ExtensionRequest>().AsNoTracking().FirstOrDefaultAsync(x => x.CaseId == id && x.Decision == RequestDecision.Pending, ct);
        CategoryName = await db.Set<Category>().AsNoTracking().Where(x => x.Code == C.CategoryCode).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? C.CategoryCode;
        var all = await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(ct);
        UnitNames = all.ToDictionary(u => u.Id, u => u.Name);
        Units = all.Where(u => u.IsActive && u.Kind != UnitKind.County).ToList();

        var lead = await flow.IsLeadStaffAsync(C, ct);
        var dispatcher = await MayAsync(Policies.Dispatch);
        CanDispatch = dispatcher && Allows(CaseAction.Dispatch);
        CanSign = lead && Allows(CaseAction.Sign);
        CanRequestReturn = lead && Allows(CaseAction.RequestReturn);
        CanRequestExtension = lead && (C.Status is CaseStatus.Handling or CaseStatus.Reopened) && PendingExtension is null;
        CanReply = lead && Allows(CaseAction.Reply);
        CanDecideReturn = dispatcher && PendingReturn is not null;
        CanDecideExtension = PendingExtension is not null && C.IsOpen && await MayAsync(Policies.DecideExtension);
        CanClose = dispatcher && Allows(CaseAction.Close);
        CanAnswer = C.Kind == CaseKind.Consultation && Allows(CaseAction.DirectAnswer) && await MayAsync(Policies.Intake);
    }

    private bool Allows(CaseAction action) => CaseTransitions.Table.Allows(C.Status, action);

    private async Task<bool> MayAsync(string policy) => (await auth.AuthorizeAsync(User, policy)).Succeeded;

    public string UnitName(string? unitId) => unitId is null ? "" : UnitNames.GetValueOrDefault(unitId, unitId);

    /// <summary>The Chinese name of a timeline entry's action.</summary>
    public static string ActionLabel(CaseEventKind action) => CaseEvents.Label(action);
}
