using Zhengfeng.Features.Audit;
using Zhengfeng.Features.Calendar;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

public enum CaseKind { Complaint, Report, Help, Consultation, Suggestion, Praise }

public enum ReplyOutcome { Resolved, Partial, Unresolved, Explained }

/// <summary>0 none, then the overdue ladder: 预警 → 黄牌 (at the deadline) → 红牌 (after the grace period).</summary>
public enum OverdueLevel { None, Warning, YellowCard, RedCard }

/// <summary>
/// A citizen's or firm's request (诉求/工单). Its status changes only through <see cref="Apply"/>, which looks the
/// step up in <see cref="CaseTransitions.Next"/> and writes the timeline.
/// </summary>
public sealed class Case
{
    public required string Id { get; init; }
    public required string TrackingCode { get; init; }
    public CaseKind Kind { get; init; }
    public required string CategoryCode { get; set; }
    public string Title { get; set; } = "";
    public required string Content { get; set; }
    public string Channel { get; init; } = "hotline";
    public string? Address { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public bool Urgent { get; set; }
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
    public string? MergedIntoId { get; private set; }

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

    /// <summary>The one way to change status: refuses any step not in the table, then records it.</summary>
    public void Apply(CaseAction action, Actor actor, DateTimeOffset now, string? note = null)
    {
        if (!CaseTransitions.Next.TryGetValue((Status, action), out var next))
        {
            throw new RuleException("case.illegal_transition",
                $"当前状态为“{CaseTransitions.Label(Status)}”，不能{CaseTransitions.Label(action)}", StatusCodes.Status409Conflict);
        }
        Status = next;
        Version++;
        Record(action.ToString().ToLowerInvariant(), actor, now, note);
    }

    public void Record(string action, Actor actor, DateTimeOffset now, string? note)
        => Timeline.Add(new CaseEvent
        {
            Id = Data.Ids.New(), CaseId = Id, At = now, Action = action, ActorId = actor.Id, ActorName = actor.Name,
            UnitId = actor.UnitId, Note = note is { Length: > 2000 } ? note[..2000] : note, Round = Round, Seq = ++EventCount,
        });

    public void AssignTo(string leadUnitId, IEnumerable<string> assistUnitIds, DateTimeOffset now, Deadline response, DateTimeOffset contactDue, Deadline handle)
    {
        LeadUnitId = leadUnitId;
        AssistUnitIds = string.Join(",", assistUnitIds.Where(a => a != leadUnitId).Distinct());
        FirstReceiverUnitId ??= leadUnitId;
        FirstDispatchedAt ??= now;
        DispatchedAt = now;
        SignedAt = null;
        ResponseDueAt = response.DueAt;
        ResponseDueWhy = response.Explanation;
        ContactDueAt = contactDue;
        HandleDueAt = handle.DueAt;
        HandleDueWhy = handle.Explanation;
        OverdueLevel = OverdueLevel.None;
    }

    public void MarkSigned(DateTimeOffset now)
    {
        SignedAt = now;
        SignedInTime ??= now <= ResponseDueAt;
    }

    public void MarkContacted(DateTimeOffset now) => FirstContactAt ??= now;

    public void CountReturn() => ReturnCount++;

    public void Extend(Deadline handle)
    {
        ExtensionCount++;
        HandleDueAt = handle.DueAt;
        HandleDueWhy = handle.Explanation;
        if (OverdueLevel != OverdueLevel.None)
        {
            OverdueLevel = OverdueLevel.None; // time under an approved extension is never overdue
        }
    }

    public void SetReply(string content, ReplyOutcome outcome, DateTimeOffset now, DateTimeOffset feedbackDue)
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

    public void SetRating(int level, bool resolved, DateTimeOffset now)
    {
        RatingLevel = level;
        RatedResolved = resolved;
        RatedAt = now;
    }

    /// <summary>A bad rating: a new handling round with its own deadline and a return visit.</summary>
    public void StartRework(Deadline handle)
    {
        Round++;
        HandleDueAt = handle.DueAt;
        HandleDueWhy = handle.Explanation;
        FeedbackDueAt = handle.DueAt;
        OverdueLevel = OverdueLevel.None;
    }

    public void MarkClosed(DateTimeOffset now) => ClosedAt = now;

    public void MarkMerged(string intoId) => MergedIntoId = intoId;

    public void RaiseOverdue(OverdueLevel level)
    {
        OverdueLevel = level;
        if (level >= OverdueLevel.YellowCard)
        {
            WasOverdue = true;
        }
    }

    /// <summary>Recompute a running deadline after the calendar changed.</summary>
    public void Reschedule(Deadline? response, Deadline? handle)
    {
        if (response is not null)
        {
            ResponseDueAt = response.DueAt;
            ResponseDueWhy = response.Explanation;
        }
        if (handle is not null)
        {
            HandleDueAt = handle.DueAt;
            HandleDueWhy = handle.Explanation;
        }
    }

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
    public required string Action { get; init; }
    public required string ActorId { get; init; }
    public required string ActorName { get; init; }
    public string? UnitId { get; init; }
    public string? Note { get; init; }
    public int Round { get; init; }
    public int Seq { get; init; }
}
