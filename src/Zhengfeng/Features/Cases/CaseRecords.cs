namespace Zhengfeng.Features.Cases;

public enum RequestDecision { Pending, Approved, Rejected }

/// <summary>退单: a unit says the case is not its duty; the dispatcher rules.</summary>
public sealed class ReturnRequest
{
    public required string Id { get; init; }
    public required string CaseId { get; init; }
    public required string UnitId { get; init; }
    public required string Reason { get; init; }
    public required string RequestedBy { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public RequestDecision Decision { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
    public string? NewLeadUnitId { get; set; }
}

/// <summary>延期: more time, with a reason, decided by a dispatcher or leader.</summary>
public sealed class ExtensionRequest
{
    public required string Id { get; init; }
    public required string CaseId { get; init; }
    public required string UnitId { get; init; }
    public int Workdays { get; init; }
    public required string Reason { get; init; }
    public required string RequestedBy { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public RequestDecision Decision { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
}

/// <summary>好差评: one rating per handling round, given by the reporter through the public link.</summary>
public sealed class Rating
{
    public required string Id { get; init; }
    public required string CaseId { get; init; }
    public int Round { get; init; }
    public int Level { get; init; }
    public bool Resolved { get; init; }
    public string? Comment { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>The lead unit rated (the unit at the time of the rating).</summary>
    public string? UnitId { get; init; }
    /// <summary>申诉复核: excluded from the rates only after a reviewed appeal, with the reason published.</summary>
    public bool Excluded { get; set; }
    public string? AppealReason { get; set; }
    public RequestDecision? AppealDecision { get; set; }
    public string? AppealDecisionNote { get; set; }
}

/// <summary>Every look at a reporter's identity, so the audit log shows who saw whom.</summary>
public sealed class IdentityView
{
    public required string Id { get; init; }
    public required string CaseId { get; init; }
    public required string ViewerId { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Purpose { get; init; }
}

/// <summary>One step of the overdue ladder per case, round and level: the unique key keeps instances from doubling it.</summary>
public sealed class CaseAlert
{
    public required string Id { get; init; }
    public required string CaseId { get; init; }
    public int Round { get; init; }
    public OverdueLevel Level { get; init; }
    public DateTimeOffset At { get; init; }
}
