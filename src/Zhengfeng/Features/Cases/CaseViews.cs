using System.Text.Json.Serialization;
using Zhengfeng.Features.Assists;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

public sealed record TimelineView(DateTimeOffset At, string Action, string ActorId, string ActorName, string? UnitId, string? Note, int Round);

/// <summary>What leaves the server about a case. The reporter's identity is never in it (see the reporter endpoint).</summary>
public sealed record CaseView(
    string Id, string Number, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TrackingCode,
    string Kind, string CategoryCode, string Title, string Content, string Channel,
    string? Address, double? Lat, double? Lon, bool Urgent, bool Anonymous, string Status, string StatusLabel,
    string? LeadUnitId, IReadOnlyList<string> AssistUnitIds, string? FirstReceiverUnitId, string? MergedIntoId,
    DateTimeOffset RegisteredAt, DateTimeOffset? DispatchedAt, DateTimeOffset? SignedAt, DateTimeOffset? FirstContactAt,
    DateTimeOffset? RepliedAt, DateTimeOffset? ClosedAt,
    DateTimeOffset? ResponseDueAt, string? ResponseDueWhy, DateTimeOffset? ContactDueAt, DateTimeOffset? HandleDueAt, string? HandleDueWhy,
    DateTimeOffset? FeedbackDueAt, bool Overdue, string OverdueLevel, int Round, int ReturnCount, int ExtensionCount,
    string? ReplyContent, string? Outcome, int? RatingLevel, IReadOnlyList<TimelineView>? Timeline)
{
    /// <summary>The assist units' duties of every round with their input or refusal (only on the single case).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<AssistView>? Assists { get; init; }

    /// <summary>The view for <paramref name="viewer"/>: the 查询码 only for those who may see it (never a unit).</summary>
    public static CaseView From(Case c, DateTimeOffset now, CurrentUser viewer, bool withTimeline = true) => new(
        c.Id, c.Number, viewer.MaySeeTrackingCode ? c.TrackingCode : null, c.Kind.ToString().ToLowerInvariant(), c.CategoryCode, c.Title, c.Content, c.Channel,
        c.Address, c.Lat, c.Lon, c.Urgent, c.Anonymous, CaseTransitions.Wire(c.Status), CaseTransitions.Label(c.Status),
        c.LeadUnitId, c.AssistUnits, c.FirstReceiverUnitId, c.MergedIntoId,
        c.RegisteredAt, c.DispatchedAt, c.SignedAt, c.FirstContactAt, c.RepliedAt, c.ClosedAt,
        c.ResponseDueAt, c.ResponseDueWhy, c.ContactDueAt, c.HandleDueAt, c.HandleDueWhy,
        c.FeedbackDueAt, IsOverdue(c, now), c.OverdueLevel.ToString().ToLowerInvariant(), c.Round, c.ReturnCount, c.ExtensionCount,
        c.ReplyContent, c.Outcome?.ToString().ToLowerInvariant(), c.RatingLevel,
        withTimeline ? c.Timeline.OrderBy(e => e.Seq).Select(e => new TimelineView(e.At, CaseEvents.Code(e.Action), e.ActorId, e.ActorName, e.UnitId, e.Note, e.Round)).ToList() : null);

    /// <summary>Open and past its handling deadline (an approved extension has already moved the deadline).</summary>
    public static bool IsOverdue(Case c, DateTimeOffset now) => c.IsOpen && c.HandleDueAt is { } due && now > due;
}

/// <summary>What the public sees by tracking code: no identities, no internal notes, no staff names.</summary>
public sealed record PublicCaseView(
    string TrackingCode, string Kind, string Category, string Title, string Status, string StatusLabel,
    DateTimeOffset RegisteredAt, DateTimeOffset? DispatchedAt, DateTimeOffset? HandleDueAt, DateTimeOffset? RepliedAt, DateTimeOffset? ClosedAt,
    string? Reply, string? Outcome, int? RatingLevel, bool CanRate, IReadOnlyList<PublicStep> Progress, IReadOnlyList<string> ExcludedRatings);

public sealed record PublicStep(DateTimeOffset At, string Step);
