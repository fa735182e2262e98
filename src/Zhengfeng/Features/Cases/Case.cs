using System.Globalization;
using System.Linq.Expressions;
using Zhengfeng.Features.Audit;
using Zhengfeng.Features.Calendar;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

public enum CaseKind { Complaint, Report, Help, Consultation, Suggestion, Praise }

public enum ReplyOutcome { Resolved, Partial, Unresolved, Explained }

/// <summary>0 none, then the overdue ladder: 预警 → 黄牌 (at the deadline) → 红牌 (after the grace period).</summary>
public enum OverdueLevel { None, Warning, YellowCard, RedCard }

/// <summary>
/// A citizen's or firm's request (诉求/工单). Each action is one method that steps its row of
/// <see cref="CaseTransitions.Table"/>, checks what the case's own data decides, sets the data and writes the timeline.
/// </summary>
public sealed class Case
{
    public required string Id { get; init; }
    /// <summary>查询码: the reporter's secret key to the public page and the rating. Never shown to a unit.</summary>
    public required string TrackingCode { get; init; }

    /// <summary>
    /// 工单编号: how staff and units name the case (registration day and the end of its id). Unlike the tracking code it
    /// opens nothing, so it may appear in notices, bulletins, messages and unit pages.
    /// </summary>
    public string Number => NumberOf(Id, RegisteredAt);

    public static string NumberOf(string id, DateTimeOffset registeredAt)
        => string.Create(CultureInfo.InvariantCulture, $"{registeredAt.ToOffset(TimeSpan.FromHours(8)):yyyyMMdd}-{id[^6..].ToUpperInvariant()}");
    public CaseKind Kind { get; init; }
    public required string CategoryCode { get; init; }
    public string Title { get; init; } = "";
    public required string Content { get; init; }
    public string Channel { get; init; } = "hotline";
    public string? Address { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public bool Urgent { get; init; }
    public bool Anonymous { get; init; }
    [Sensitive] public string? ReporterNameEnc { get; init; }
    [Sensitive] public string? ReporterPhoneEnc { get; init; }
    /// <summary>Keyed hash of the phone: finds repeat reporters without decrypting anyone.</summary>
    [Sensitive] public string? ReporterPhoneHash { get; init; }
    /// <summary>An external system's id (Open311 or an imported work order), unique per channel.</summary>
    public string? ExternalId { get; init; }

    public CaseStatus Status { get; private set; } = CaseStatus.Registered;
    public string? LeadUnitId { get; private set; }
    /// <summary>Comma-separated ids of the assisting units (协办).</summary>
    public string AssistUnitIds { get; private set; } = "";
    /// <summary>首接负责: the first unit the case was dispatched to stays on record through transfers.</summary>
    public string? FirstReceiverUnitId { get; private set; }
    /// <summary>
    /// The area (县（区）, 市 or 省) whose hotline holds the case: set at intake from the operator's area and moved to the lead
    /// unit's area by each dispatch, so a district's dispatchers and supervisors see the cases waiting there. Null: the top of
    /// the organisation (the public channels, and cases from before there were levels).
    /// </summary>
    public string? AreaId { get; private set; }
    public string? MergedIntoId { get; private set; }
    /// <summary>承办人: the person of the lead unit its head gave the case to (cleared when the case moves to another unit).</summary>
    public string? AssigneeId { get; private set; }
    public string? AssigneeName { get; private set; }

    public DateTimeOffset RegisteredAt { get; init; }
    public DateTimeOffset? DispatchedAt { get; private set; }
    public DateTimeOffset? FirstDispatchedAt { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }
    public DateTimeOffset? FirstContactAt { get; private set; }
    public DateTimeOffset? RepliedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public DateTimeOffset? ResponseDueAt { get; private set; }
    public string? ResponseDueWhy { get; private set; }
    public DateTimeOffset? ContactDueAt { get; private set; }
    public DateTimeOffset? HandleDueAt { get; private set; }
    public string? HandleDueWhy { get; private set; }
    public DateTimeOffset? FeedbackDueAt { get; private set; }
    /// <summary>Whether the unit signed within the response limit (set once, on the first dispatch's sign).</summary>
    public bool? SignedInTime { get; private set; }

    public int Round { get; private set; } = 1;
    public int ReturnCount { get; private set; }
    public int ExtensionCount { get; private set; }
    public OverdueLevel OverdueLevel { get; private set; }
    public bool WasOverdue { get; private set; }

    public string? ReplyContent { get; private set; }
    public ReplyOutcome? Outcome { get; private set; }
    public int? RatingLevel { get; private set; }
    public bool? RatedResolved { get; private set; }
    public DateTimeOffset? RatedAt { get; private set; }

    /// <summary>Optimistic concurrency: two people acting on one case at once cannot both win.</summary>
    public int Version { get; private set; }

    public List<CaseEvent> Timeline { get; } = [];

    /// <summary>How many timeline events the case has; orders events written in the same instant.</summary>
    public int EventCount { get; private set; }

    public IReadOnlyList<string> AssistUnits => AssistUnitIds.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool IsOpen => CaseTransitions.IsOpen(Status);

    /// <summary>Puts the case in an area's hands (see <see cref="AreaId"/>).</summary>
    public void PlaceIn(string? areaId) => AreaId = areaId;

    /// <summary>
    /// The cases an area's oversight sees, as a query: led by one of the given units, or placed in one of the given areas (a case
    /// still waiting for dispatch). <see cref="CaseWorkflow.CanSeeAsync"/> says the same of one loaded case, with its assist units.
    /// </summary>
    public static Expression<Func<Case, bool>> LedOrPlacedIn(List<string> ids)
        => c => (c.LeadUnitId != null && ids.Contains(c.LeadUnitId)) || (c.AreaId != null && ids.Contains(c.AreaId));

    /// <summary>受理: the first line of the timeline, written once when the case is taken in.</summary>
    public void Register(Actor actor, DateTimeOffset now, string note)
    {
        if (EventCount > 0)
        {
            throw new RuleException("case.already_registered", "该工单已受理", StatusCodes.Status409Conflict);
        }
        Record(CaseEventKind.Register, actor, now, note);
    }

    /// <summary>派单 or 改派 (before the unit signs): sets the lead and assisting units and starts the clocks.</summary>
    public void Dispatch(Actor actor, DateTimeOffset now, string leadUnitId, string leadUnitName, IReadOnlyCollection<string> assistUnitIds,
        CaseDeadlines deadlines, string? note)
    {
        var next = CaseTransitions.Table.Step(Status, CaseAction.Dispatch);
        var assists = assistUnitIds.Where(a => a != leadUnitId).Distinct().ToList();
        var verb = LeadUnitId is null ? "派单" : "改派";
        Move(next, CaseAction.Dispatch, actor, now,
            $"{verb}至{leadUnitName}{(assists.Count > 0 ? $"，协办单位{assists.Count}个" : "")}{Suffix(note)}");
        AssignTo(leadUnitId, assists, now, deadlines);
    }

    /// <param name="note">Why the sign is recorded without a click of 签收, e.g. "随答复签收" (signing implied by the first reply or contact).</param>
    public void Sign(Actor actor, DateTimeOffset now, string? note = null)
    {
        var next = CaseTransitions.Table.Step(Status, CaseAction.Sign);
        Move(next, CaseAction.Sign, actor, now, note);
        MarkSigned(now);
    }

    /// <summary>
    /// The unit's first reply or contact on a case it has not signed yet signs it too, recorded as such (the sign's time is the
    /// reply's, so a late sign stays late).
    /// </summary>
    public void SignIfDispatched(Actor actor, DateTimeOffset now, string how)
    {
        if (SignedByFirstWork)
        {
            Sign(actor, now, $"{how}，视为签收");
        }
    }

    /// <summary>指定承办人: the lead unit's head gives the open case to one of its people.</summary>
    public void Assign(Actor actor, DateTimeOffset now, string assigneeId, string assigneeName)
    {
        if (!IsOpen)
        {
            throw new RuleException("case.not_open", "工单已不在办理中，不能指定承办人", StatusCodes.Status409Conflict);
        }
        AssigneeId = assigneeId;
        AssigneeName = assigneeName;
        Version++;
        Record(CaseEventKind.Assign, actor, now, $"指定承办人：{assigneeName}");
    }

    /// <summary>首次联系: the unit records that it reached the reporter (after signing).</summary>
    /// <summary>The lead unit's first reply or first call to the reporter signs a case still to be signed (视为签收).</summary>
    public bool SignedByFirstWork => Status == CaseStatus.Dispatched;

    /// <summary>The lead unit may reply now: where the transition table allows it, or on a case the reply would sign.</summary>
    public bool AcceptsReply => SignedByFirstWork || CaseTransitions.Table.Allows(Status, CaseAction.Reply);

    /// <summary>The lead unit may record a call to the reporter now: while handling, or on a case the call would sign.</summary>
    public bool AcceptsContact => SignedByFirstWork || IsHandling;

    private bool IsHandling => Status is CaseStatus.Handling or CaseStatus.Reopened;

    public void RecordContact(Actor actor, DateTimeOffset now, string? note)
    {
        if (!IsHandling)
        {
            throw new RuleException("case.not_handling", "签收后才能登记联系诉求人", StatusCodes.Status409Conflict);
        }
        FirstContactAt ??= now;
        Record(CaseEventKind.Contact, actor, now, string.IsNullOrWhiteSpace(note) ? "已联系诉求人" : note.Trim());
    }

    /// <summary>退单申请, within the limit of returns and the window after dispatch (<paramref name="windowEndsAt"/>).</summary>
    public void RequestReturn(Actor actor, DateTimeOffset now, string reason, CaseRules rules, DateTimeOffset? windowEndsAt)
    {
        var next = CaseTransitions.Table.Step(Status, CaseAction.RequestReturn);
        if (ReturnCount >= rules.MaxReturns)
        {
            throw new RuleException("case.return_limit",
                $"此工单已退单{ReturnCount}次，派单员的决定为最终决定，本单位须办理", StatusCodes.Status409Conflict);
        }
        if (windowEndsAt is { } window && now > window)
        {
            throw new RuleException("case.return_window",
                $"退单须在派单后{rules.ReturnWindowWorkdays}个工作日内提出（截至{ChinaTime.Format(window)}），已超过时限", StatusCodes.Status409Conflict);
        }
        Move(next, CaseAction.RequestReturn, actor, now, reason.Trim());
    }

    /// <summary>The dispatcher approves the return and sends the case to another lead unit.</summary>
    public void ApproveReturn(Actor actor, DateTimeOffset now, string newLeadUnitId, string newLeadUnitName, CaseDeadlines deadlines, string? note)
    {
        var next = CaseTransitions.Table.Step(Status, CaseAction.ApproveReturn);
        if (newLeadUnitId == LeadUnitId)
        {
            throw new RuleException("case.same_unit", "改派单位不能是原主办单位", StatusCodes.Status400BadRequest);
        }
        ReturnCount++;
        Move(next, CaseAction.ApproveReturn, actor, now, $"同意退单，改派至{newLeadUnitName}{Suffix(note)}");
        AssignTo(newLeadUnitId, AssistUnits, now, deadlines);
    }

    /// <summary>The dispatcher's ruling binds: the unit handles the case, counted as signed now.</summary>
    public void RejectReturn(Actor actor, DateTimeOffset now, string? note)
    {
        var next = CaseTransitions.Table.Step(Status, CaseAction.RejectReturn);
        ReturnCount++;
        Move(next, CaseAction.RejectReturn, actor, now, $"驳回退单{Suffix(note)}");
        MarkSigned(now);
    }

    /// <summary>延期申请 while handling, within the length and count limits.</summary>
    public void RequestExtension(Actor actor, DateTimeOffset now, int workdays, string reason, CaseRules rules)
    {
        if (Status is not (CaseStatus.Handling or CaseStatus.Reopened))
        {
            throw new RuleException("case.not_handling", "签收后、答复前才能申请延期", StatusCodes.Status409Conflict);
        }
        if (workdays > rules.MaxExtensionWorkdays)
        {
            throw new RuleException("case.extension_too_long", $"延期不能超过{rules.MaxExtensionWorkdays}个工作日", StatusCodes.Status422UnprocessableEntity);
        }
        if (ExtensionCount >= rules.MaxExtensions)
        {
            throw new RuleException("case.extension_limit", $"每件工单最多延期{rules.MaxExtensions}次", StatusCodes.Status409Conflict);
        }
        Record(CaseEventKind.ExtensionRequest, actor, now, $"申请延期{workdays}个工作日：{reason.Trim()}");
    }

    /// <summary>Approved: the handling deadline moves to <paramref name="handle"/>, and time under it is never overdue.</summary>
    public void ApproveExtension(Actor actor, DateTimeOffset now, int workdays, Deadline handle, string? note)
    {
        EnsureStillHandling();
        ExtensionCount++;
        HandleDueAt = handle.DueAt;
        HandleDueWhy = handle.Explanation;
        OverdueLevel = OverdueLevel.None;
        Record(CaseEventKind.ExtensionApprove, actor, now, $"同意延期{workdays}个工作日，办理期限改为{ChinaTime.Format(handle.DueAt)}{Suffix(note)}");
    }

    public void RejectExtension(Actor actor, DateTimeOffset now, string? note)
    {
        EnsureStillHandling();
        Record(CaseEventKind.ExtensionReject, actor, now, $"不同意延期{Suffix(note)}");
    }

    /// <summary>The lead unit's answer; the reporter may rate it until <paramref name="feedbackDue"/>.</summary>
    public void Reply(Actor actor, DateTimeOffset now, string content, ReplyOutcome outcome, DateTimeOffset feedbackDue)
    {
        var next = CaseTransitions.Table.Step(Status, CaseAction.Reply);
        Move(next, CaseAction.Reply, actor, now, $"{OutcomeLabel(outcome)}：{content.Trim()}");
        SetReply(content.Trim(), outcome, now, feedbackDue);
    }

    /// <summary>A consultation answered on the spot by the operator; every other kind must be dispatched.</summary>
    public void DirectAnswer(Actor actor, DateTimeOffset now, string content, DateTimeOffset feedbackDue)
    {
        var next = CaseTransitions.Table.Step(Status, CaseAction.DirectAnswer);
        if (Kind != CaseKind.Consultation)
        {
            throw new RuleException("case.not_consultation", "只有咨询类诉求可以直接答复，其他诉求须派单办理", StatusCodes.Status409Conflict);
        }
        Move(next, CaseAction.DirectAnswer, actor, now, content.Trim());
        SetReply(content.Trim(), ReplyOutcome.Explained, now, feedbackDue);
    }

    /// <summary>并单: this repeat request joins <paramref name="main"/>, whose timeline records it.</summary>
    public void MergeInto(Case main, Actor actor, DateTimeOffset now)
    {
        var next = CaseTransitions.Table.Step(Status, CaseAction.Merge);
        if (main.Id == Id)
        {
            throw new RuleException("case.merge_self", "不能把工单并入它自己", StatusCodes.Status400BadRequest);
        }
        if (main.Status is CaseStatus.Merged or CaseStatus.Closed)
        {
            throw new RuleException("case.merge_target", "主工单已办结或已被并单，不能并入", StatusCodes.Status409Conflict);
        }
        Move(next, CaseAction.Merge, actor, now, $"并入工单 {main.Number}");
        MergedIntoId = main.Id;
        main.Record(CaseEventKind.MergeIn, actor, now, $"并入重复诉求 {Number}");
    }

    /// <summary>The answer was also sent to the reporters of the merged requests.</summary>
    public void RecordMergedAnswer(Actor actor, DateTimeOffset now, IReadOnlyCollection<string> mergedTrackingCodes)
        => Record(CaseEventKind.MergedAnswer, actor, now, $"答复同时告知并单诉求人：{string.Join("、", mergedTrackingCodes)}");

    /// <summary>
    /// The reporter rates the reply. 3–5 stars close the case; 1–2 reopen it for a new round until <paramref name="rework"/>
    /// with a return visit.
    /// </summary>
    public void Rate(DateTimeOffset now, int level, bool resolved, string? comment, Deadline rework)
    {
        var bad = level <= 2;
        var action = bad ? CaseAction.RateBad : CaseAction.RateGood;
        var next = CaseTransitions.Table.Step(Status, action);
        RatingLevel = level;
        RatedResolved = resolved;
        RatedAt = now;
        Move(next, action, Actor.Public, now, $"{RatingLabel(level)}{Suffix(comment)}");
        if (bad)
        {
            Round++;
            HandleDueAt = rework.DueAt;
            HandleDueWhy = rework.Explanation;
            FeedbackDueAt = rework.DueAt;
            OverdueLevel = OverdueLevel.None;
            Record(CaseEventKind.Rework, Actor.System, now, $"差评重办并回访，期限{ChinaTime.Format(rework.DueAt)}");
            if (LeadUnitId is null)
            {
                Requeue(Actor.System, now);
            }
        }
        else
        {
            ClosedAt = now;
        }
    }

    /// <summary>
    /// A consultation answered on the spot has no unit to handle it again after a bad rating: it goes back to 待派单, where the
    /// dispatcher sends it to a unit or the hotline answers it once more.
    /// </summary>
    public void Requeue(Actor actor, DateTimeOffset now)
    {
        var next = CaseTransitions.Table.Step(Status, CaseAction.Requeue);
        Move(next, CaseAction.Requeue, actor, now, "直接答复后差评，转回待派单：派单办理或再次答复");
    }

    /// <summary>结案 without a rating, once the rating window after the reply has passed.</summary>
    public void Close(Actor actor, DateTimeOffset now, string? note, int ratingWindowDays)
    {
        var next = CaseTransitions.Table.Step(Status, CaseAction.Close);
        if (RepliedAt is { } replied && now < replied.AddDays(ratingWindowDays))
        {
            throw new RuleException("case.rating_window", $"评价期（答复后{ratingWindowDays}天）未满，不能直接结案", StatusCodes.Status409Conflict);
        }
        Move(next, CaseAction.Close, actor, now, string.IsNullOrWhiteSpace(note) ? "评价期满未评价，结案" : note.Trim());
        ClosedAt = now;
    }

    /// <summary>回访: the hotline called the reporter back (after the reply, or in a rework round).</summary>
    public void RecordReturnVisit(Actor actor, DateTimeOffset now, string note)
    {
        if (RepliedAt is null && Round == 1)
        {
            throw new RuleException("case.visit_too_early", "工单尚未答复，不能回访", StatusCodes.Status409Conflict);
        }
        Record(CaseEventKind.ReturnVisit, actor, now, note.Trim());
    }

    public void RecordRatingAppeal(Actor actor, DateTimeOffset now, string reason)
        => Record(CaseEventKind.RatingAppeal, actor, now, $"对评价提出申诉：{reason.Trim()}");

    public void RecordAppealDecision(Actor actor, DateTimeOffset now, bool approved, string? note)
        => Record(CaseEventKind.RatingAppealDecision, actor, now,
            approved ? $"申诉成立，该评价不计入满意率：{note?.Trim()}" : $"申诉不成立{Suffix(note)}");

    /// <summary>The case was turned into a problem clue (重复投诉, 重办后再次差评).</summary>
    public void RecordEscalation(DateTimeOffset now, string note) => Record(CaseEventKind.Escalate, Actor.System, now, note);

    /// <summary>The overdue ladder moved up a step (预警 → 黄牌 → 红牌).</summary>
    public void RaiseOverdue(OverdueLevel level, DateTimeOffset now, string note)
    {
        if (level <= OverdueLevel)
        {
            throw new RuleException("case.overdue_level", "超期等级只能升高", StatusCodes.Status409Conflict);
        }
        OverdueLevel = level;
        if (level >= OverdueLevel.YellowCard)
        {
            WasOverdue = true;
        }
        var kind = level switch
        {
            OverdueLevel.Warning => CaseEventKind.Warning,
            OverdueLevel.YellowCard => CaseEventKind.YellowCard,
            _ => CaseEventKind.RedCard,
        };
        Record(kind, Actor.System, now, note);
    }

    /// <summary>Recompute a running deadline after the calendar changed.</summary>
    public void Reschedule(DateTimeOffset now, Deadline? response, Deadline handle)
    {
        if (response is not null)
        {
            ResponseDueAt = response.DueAt;
            ResponseDueWhy = response.Explanation;
        }
        HandleDueAt = handle.DueAt;
        HandleDueWhy = handle.Explanation;
        Record(CaseEventKind.Reschedule, Actor.System, now, $"节假日安排调整，期限重算：{handle.Explanation}");
    }

    private void Move(CaseStatus next, CaseAction action, Actor actor, DateTimeOffset now, string? note)
    {
        Status = next;
        Version++;
        Record(CaseEvents.Of(action), actor, now, note);
    }

    private void Record(CaseEventKind kind, Actor actor, DateTimeOffset now, string? note)
        => Timeline.Add(new CaseEvent
        {
            Id = Data.Ids.New(), CaseId = Id, At = now, Action = kind, ActorId = actor.Id, ActorName = actor.Name,
            UnitId = actor.UnitId, Note = note is { Length: > 2000 } ? note[..2000] : note, Round = Round, Seq = ++EventCount,
        });

    private void EnsureStillHandling()
    {
        if (!IsOpen || Status == CaseStatus.ReturnRequested)
        {
            throw new RuleException("case.not_handling", "工单已不在办理中，无需延期", StatusCodes.Status409Conflict);
        }
    }

    private void AssignTo(string leadUnitId, IEnumerable<string> assistUnitIds, DateTimeOffset now, CaseDeadlines deadlines)
    {
        if (leadUnitId != LeadUnitId)
        {
            AssigneeId = null; // the new unit's head chooses its own person
            AssigneeName = null;
        }
        LeadUnitId = leadUnitId;
        AssistUnitIds = string.Join(",", assistUnitIds.Where(a => a != leadUnitId).Distinct());
        FirstReceiverUnitId ??= leadUnitId;
        FirstDispatchedAt ??= now;
        DispatchedAt = now;
        SignedAt = null;
        ResponseDueAt = deadlines.Response.DueAt;
        ResponseDueWhy = deadlines.Response.Explanation;
        ContactDueAt = deadlines.ContactDueAt;
        HandleDueAt = deadlines.Handle.DueAt;
        HandleDueWhy = deadlines.Handle.Explanation;
        OverdueLevel = OverdueLevel.None;
    }

    private void MarkSigned(DateTimeOffset now)
    {
        SignedAt = now;
        SignedInTime ??= now <= ResponseDueAt;
    }

    private void SetReply(string content, ReplyOutcome outcome, DateTimeOffset now, DateTimeOffset feedbackDue)
    {
        ReplyContent = content;
        Outcome = outcome;
        RepliedAt = now;
        FeedbackDueAt = feedbackDue;
        if (HandleDueAt is { } due && now > due)
        {
            WasOverdue = true;
        }
        OverdueLevel = OverdueLevel.None;
    }

    private static string Suffix(string? note) => string.IsNullOrWhiteSpace(note) ? "" : "：" + note.Trim();

    public static string KindLabel(CaseKind k) => k switch
    {
        CaseKind.Complaint => "投诉",
        CaseKind.Report => "举报",
        CaseKind.Help => "求助",
        CaseKind.Consultation => "咨询",
        CaseKind.Suggestion => "建议",
        _ => "表扬",
    };

    public static string OutcomeLabel(ReplyOutcome? o) => o switch
    {
        ReplyOutcome.Resolved => "已解决",
        ReplyOutcome.Partial => "部分解决",
        ReplyOutcome.Unresolved => "未解决",
        ReplyOutcome.Explained => "已解释说明",
        _ => "",
    };

    public static string RatingLabel(int? level) => level switch
    {
        5 => "非常满意",
        4 => "满意",
        3 => "基本满意",
        2 => "不满意",
        1 => "非常不满意",
        _ => "未评价",
    };
}

/// <summary>The three clocks a dispatch starts: signing (响应), first contact, and handling.</summary>
public sealed record CaseDeadlines(Deadline Response, DateTimeOffset ContactDueAt, Deadline Handle);

/// <summary>Who acted: a user with their unit, or the system, or the public.</summary>
public sealed record Actor(string Id, string Name, string? UnitId)
{
    public static readonly Actor System = new("system", "系统", null);
    public static readonly Actor Public = new("public", "群众", null);
}

/// <summary>One line of a case's timeline (受理、派单、签收 …).</summary>
public sealed class CaseEvent
{
    public required string Id { get; init; }
    public required string CaseId { get; init; }
    public DateTimeOffset At { get; init; }
    public CaseEventKind Action { get; init; }
    public required string ActorId { get; init; }
    public required string ActorName { get; init; }
    public string? UnitId { get; init; }
    public string? Note { get; init; }
    public int Round { get; init; }
    public int Seq { get; init; }
}
