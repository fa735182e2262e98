using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Assists;
using Zhengfeng.Features.Attachments;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Replies;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>
/// 工单详情: the case, its deadlines with their explanations, its timeline, and the forms of the actions the
/// current user may take. Every action calls <see cref="CaseWorkflow"/>; the page only decides what to show.
/// </summary>
public sealed class DetailModel(
    CaseWorkflow flow, AppDb db, IAuthorizationService auth, TimeProvider clock, AttachmentStore files, AssistWorkflow assists, CurrentUser me,
    UnitPhrases phrases, CaseSearch search, DispatchChoices choices, ReplyChecker replyChecks)
    : WorkflowPage
{
    public bool ShowsTrackingCode => me.MaySeeTrackingCode;

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    public Case C { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    public Dictionary<string, string> UnitNames { get; private set; } = [];
    public List<Unit> Units { get; private set; } = [];
    public ReturnRequest? PendingReturn { get; private set; }
    public ExtensionRequest? PendingExtension { get; private set; }
    public string CategoryName { get; private set; } = "";
    public List<Attachment> Photos { get; private set; } = [];
    /// <summary>The assist units' duties (协办) of every round, the latest round first, with their input or refusal.</summary>
    public IReadOnlyList<AssistView> Assists { get; private set; } = [];
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
    /// <summary>联系诉求人: the lead unit records the call (an unsigned case is signed by it).</summary>
    public bool CanContact { get; private set; }
    /// <summary>指定承办人: the lead unit's head, while the case is open.</summary>
    public bool CanAssign { get; private set; }
    public IReadOnlyList<Accounts.UserAccount> Assignees { get; private set; } = [];
    /// <summary>回访: the hotline, once the unit has replied.</summary>
    public bool CanReturnVisit { get; private set; }
    /// <summary>并单: the dispatcher joins a repeat request to its main case.</summary>
    public bool CanMerge { get; private set; }
    public IReadOnlyList<CaseSearch.MergeCandidate> MergeCandidates { get; private set; } = [];
    /// <summary>评价申诉: the lead unit, once per rating.</summary>
    public Rating? LatestRating { get; private set; }
    public bool CanAppeal { get; private set; }
    public bool CanDecideAppeal { get; private set; }
    /// <summary>督办: a supervisor issues a 督办单 about this case.</summary>
    public bool CanIssueNotice { get; private set; }
    public IReadOnlyList<string> Phrases { get; private set; } = [];
    /// <summary>答复质量提示 stored when the replies were given: for the lead unit and for supervision.</summary>
    public IReadOnlyList<ReplyFlagView> ReplyFlags { get; private set; } = [];
    public DispatchChoices.Picker? Picker { get; private set; }
    /// <summary>The reply the clerk typed, kept when the reply was refused.</summary>
    public string? TypedReply => Argument<ReplyRequest>("reply")?.Content;

    /// <summary>查看联系方式: the office roles, and the lead unit's staff while the case is theirs; every view is audited.</summary>
    public bool CanReveal { get; private set; }
    public (string? Name, string? Phone)? Revealed { get; private set; }

    public bool HasActions => CanDispatch || CanSign || CanRequestReturn || CanRequestExtension || CanReply || CanDecideReturn || CanDecideExtension || CanClose
        || CanAnswer || CanContact || CanAssign || CanReturnVisit || CanMerge || CanAppeal || CanDecideAppeal || CanIssueNotice;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    [Duty(Policies.Dispatch)]
    public Task<IActionResult> OnPostDispatchAsync(DispatchRequest dispatch, CancellationToken ct)
        => DoneAsync(flow.DispatchAsync(Id, dispatch, ct), "已派单");

    [Duty(Policies.UnitWork)]
    public Task<IActionResult> OnPostSignAsync(CancellationToken ct)
        => DoneAsync(flow.SignAsync(Id, ct), "已签收");

    [Duty(Policies.UnitWork)]
    public Task<IActionResult> OnPostReturnAsync(ReasonRequest giveBack, CancellationToken ct)
        => DoneAsync(flow.RequestReturnAsync(Id, giveBack.Reason, ct), "已申请退单，等待派单员裁定");

    [Duty(Policies.UnitWork)]
    public Task<IActionResult> OnPostExtensionAsync(ExtensionRequestInput extension, CancellationToken ct)
        => DoneAsync(flow.RequestExtensionAsync(Id, extension, ct), "已申请延期，等待审批");

    [Duty(Policies.UnitWork)]
    public Task<IActionResult> OnPostReplyAsync(ReplyRequest reply, CancellationToken ct)
        => DoneAsync(flow.ReplyAsync(Id, reply, ct), "已答复");

    [Duty(Policies.Dispatch)]
    public Task<IActionResult> OnPostDecideReturnAsync(string requestId, ReturnDecisionRequest decision, CancellationToken ct)
        => DoneAsync(flow.DecideReturnAsync(Id, requestId, decision, ct), decision.Approve ? "已同意退单并改派" : "已驳回退单");

    [Duty(Policies.DecideExtension)]
    public Task<IActionResult> OnPostDecideExtensionAsync(string requestId, DecisionRequest decision, CancellationToken ct)
        => DoneAsync(flow.DecideExtensionAsync(Id, requestId, decision, ct), decision.Approve ? "已批准延期" : "已驳回延期");

    [Duty(Policies.UnitWork)]
    public Task<IActionResult> OnPostContactAsync(NoteRequest contact, CancellationToken ct)
        => DoneAsync(flow.RecordContactAsync(Id, contact.Note, ct), "已登记联系诉求人");

    [Duty(Policies.UnitWork)]
    public Task<IActionResult> OnPostAssignAsync(AssignRequest assign, CancellationToken ct)
        => DoneAsync(flow.AssignAsync(Id, assign.AssigneeId, ct), "已指定承办人");

    [Duty(Policies.Intake)]
    public Task<IActionResult> OnPostReturnVisitAsync(ReasonRequest visit, CancellationToken ct)
        => DoneAsync(flow.RecordReturnVisitAsync(Id, visit.Reason, ct), "已登记回访");

    [Duty(Policies.Dispatch)]
    public async Task<IActionResult> OnPostMergeAsync(string? intoNumber, CancellationToken ct)
    {
        var main = await search.FindByNumberAsync(intoNumber, ct);
        return await DoneAsync(flow.MergeAsync(Id, main.Id, ct), $"已并入工单 {main.Number}");
    }

    [Duty(Policies.UnitWork)]
    public Task<IActionResult> OnPostAppealAsync(ReasonRequest appeal, CancellationToken ct)
        => DoneAsync(flow.AppealRatingAsync(Id, appeal.Reason, ct), "已提出评价申诉，等待督查复核");

    [Duty(Policies.Supervise)]
    public Task<IActionResult> OnPostDecideAppealAsync(DecisionRequest decision, CancellationToken ct)
        => DoneAsync(flow.DecideRatingAppealAsync(Id, decision, ct), decision.Approve ? "申诉成立，该评价不计入满意率" : "已驳回申诉");

    [Duty(Policies.Dispatch)]
    public Task<IActionResult> OnPostCloseAsync(NoteRequest close, CancellationToken ct)
        => DoneAsync(flow.CloseAsync(Id, close.Note, ct), "已结案");

    [Duty(Policies.Intake)]
    public Task<IActionResult> OnPostAnswerAsync(ReasonRequest answer, CancellationToken ct)
        => DoneAsync(flow.DirectAnswerAsync(Id, answer.Reason, ct), "已直接答复");

    /// <summary>Shows the reporter's contact on this response only: never in the address, the session or a redirect.</summary>
    public async Task<IActionResult> OnPostRevealAsync(CancellationToken ct)
    {
        Revealed = await flow.RevealReporterAsync(Id, me.IsIn(Roles.Unit) ? "联系诉求人" : "办理需要", ct);
        return await ShowAgainAsync(ct);
    }

    /// <summary>After a step succeeds: back to the case with the notice (a refused step never gets here).</summary>
    private async Task<IActionResult> DoneAsync<T>(Task<T> step, string done)
    {
        await step;
        Done = done;
        return RedirectToPage("Detail", new { Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        C = await flow.LoadAsync(Id, ct);
        await db.Entry(C).Collection(x => x.Timeline).LoadAsync(ct);
        Photos = await files.ListAsync("case", Id, ct);
        Assists = await assists.ForCaseAsync(Id, ct);
        PendingReturn = await db.Set<ReturnRequest>().AsNoTracking().FirstOrDefaultAsync(x => x.CaseId == Id && x.Decision == RequestDecision.Pending, ct);
        PendingExtension = await db.Set<ExtensionRequest>().AsNoTracking().FirstOrDefaultAsync(x => x.CaseId == Id && x.Decision == RequestDecision.Pending, ct);
        CategoryName = await db.Set<Category>().AsNoTracking().Where(x => x.Code == C.CategoryCode).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? C.CategoryCode;
        var all = await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(ct);
        UnitNames = all.ToDictionary(u => u.Id, u => u.Name);
        Units = all.Where(u => u.IsActive && !Unit.IsArea(u.Kind)).ToList();

        var lead = await flow.IsLeadStaffAsync(C, ct);
        var dispatcher = await MayAsync(Policies.Dispatch);
        CanDispatch = dispatcher && Allows(CaseAction.Dispatch);
        CanSign = lead && Allows(CaseAction.Sign);
        CanRequestReturn = lead && Allows(CaseAction.RequestReturn);
        CanRequestExtension = lead && (C.Status is CaseStatus.Handling or CaseStatus.Reopened) && PendingExtension is null;
        CanDecideReturn = dispatcher && PendingReturn is not null;
        CanDecideExtension = PendingExtension is not null && C.IsOpen && await MayAsync(Policies.DecideExtension);
        CanClose = dispatcher && Allows(CaseAction.Close);
        CanReveal = !C.Anonymous && ((lead && C.IsOpen) || flow.IsRevealOffice);
        var intake = await MayAsync(Policies.Intake);
        CanAnswer = C.Kind == CaseKind.Consultation && Allows(CaseAction.DirectAnswer) && intake;
        CanContact = lead && C.AcceptsContact;
        CanReply = lead && C.AcceptsReply && PendingReturn is null; // from the dispatch on: the first reply signs the case
        if (lead)
        {
            Phrases = (await phrases.ListAsync(C.LeadUnitId!, ct)).Select(p => p.Text).ToList();
            CanAssign = C.IsOpen && await flow.IsUnitHeadAsync(ct);
            Assignees = CanAssign ? await flow.AssigneesAsync(C, ct) : [];
        }
        if (C.RepliedAt is not null && (lead || await MayAsync(Policies.ReplyChecks)))
        {
            ReplyFlags = await replyChecks.ForCaseAsync(Id, ct);
        }
        CanReturnVisit = intake && !C.Anonymous && (C.RepliedAt is not null || C.Round > 1) && C.Status != CaseStatus.Merged;
        CanMerge = dispatcher && Allows(CaseAction.Merge);
        MergeCandidates = CanMerge ? await search.MergeCandidatesAsync(C, ct) : [];
        LatestRating = await db.Set<Rating>().AsNoTracking().Where(x => x.CaseId == Id).OrderByDescending(x => x.Round).FirstOrDefaultAsync(ct);
        CanAppeal = lead && LatestRating is { AppealDecision: null, Level: <= 2 };
        CanDecideAppeal = LatestRating is { AppealDecision: RequestDecision.Pending } && await MayAsync(Policies.Supervise);
        CanIssueNotice = C.LeadUnitId is not null && C.Status != CaseStatus.Merged && await MayAsync(Policies.Supervise);
        Picker = CanDispatch || CanDecideReturn ? await choices.ForAsync(C, ct) : null;
    }

    private bool Allows(CaseAction action) => CaseTransitions.Table.Allows(C.Status, action);

    private async Task<bool> MayAsync(string policy) => (await auth.AuthorizeAsync(User, policy)).Succeeded;

    public string UnitName(string? unitId) => unitId is null ? "" : UnitNames.GetValueOrDefault(unitId, unitId);

    /// <summary>The Chinese name of a timeline entry's action.</summary>
    public static string ActionLabel(CaseEventKind action) => CaseEvents.Label(action);
}
