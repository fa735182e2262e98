using Zhengfeng.Features.Assists;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Assignments;

public sealed record AssignmentMilestoneView(int Seq, string Title, DateOnly DueOn, DateOnly? DoneOn, string? DoneNote, bool Overdue)
{
    public static AssignmentMilestoneView From(Milestone m, DateOnly today) => new(m.Seq, m.Title, m.DueOn, m.DoneOn, m.DoneNote, m.IsOverdue(today));
}

/// <summary>An assist unit's part and what became of it: its duty's status and input, as the lead unit sees them.</summary>
public sealed record AssignmentAssistView(string DutyId, string UnitId, string Part, DateTimeOffset DueAt, string Status, string StatusLabel, string? Input,
    string? RefusalReason, DateTimeOffset? AnsweredAt, bool Late, bool Failure)
{
    public static AssignmentAssistView From(AssistDuty d, DateTimeOffset now) => new(d.Id, d.UnitId, d.Part, d.DueAt, WireEnum.Name(d.Status), AssistDuty.Label(d.Status),
        d.Input, d.RefusalReason, d.AnsweredAt, d.Late, d.IsFailure(now));
}

public sealed record AssignmentProgressView(string Id, string Kind, string KindLabel, string UnitId, string Content, string By, string ByName, DateTimeOffset At, string? Period)
{
    public static AssignmentProgressView From(ProgressEntry e) => new(e.Id, WireEnum.Name(e.Kind), Assignment.Label(e.Kind), e.UnitId, e.Content, e.By, e.ByName, e.At, e.Period);
}

/// <summary>A supervision notice on the assignment: the ladder's (with its step) or one issued by hand.</summary>
public sealed record AssignmentNoticeView(string Id, string Number, string UnitId, int? Step, string Level, string LevelLabel, string Status, string StatusLabel,
    DateTimeOffset IssuedAt, bool IssuedBySystem)
{
    public static AssignmentNoticeView From(SupervisionNotice n) => new(n.Id, n.Number, n.UnitId, n.AssignmentStep, WireEnum.Name(n.Level), SupervisionNotice.Label(n.Level),
        WireEnum.Name(n.Status), SupervisionNotice.Label(n.Status), n.IssuedAt, n.IsSystem);
}

/// <summary>The contract's task: <c>{id, status, leadUnitId, dueOn, progress}</c> and everything its page shows.</summary>
public sealed record AssignmentView(string Id, string Number, string Title, string? Content, string Source, string SourceLabel, string? SourceNote,
    string? CampaignId, int? PhaseSeq, string LeadUnitId, string? ResponsibleName, DateOnly DueOn, int DaysLeft, string ReportCycle, string Status,
    string StatusLabel, string AssignedBy, string AssignedByName, DateTimeOffset AssignedAt, DateTimeOffset? ReportedAt, DateTimeOffset? DoneAt,
    int RejectCount, bool Overdue, IReadOnlyList<string> AssistUnitIds, IReadOnlyList<AssignmentMilestoneView> Milestones, IReadOnlyList<AssignmentAssistView> Assists,
    IReadOnlyList<AssignmentProgressView> Progress, IReadOnlyList<AssignmentNoticeView> Notices)
{
    public static AssignmentView From(AssignmentRecord r, DateTimeOffset now)
    {
        var a = r.Assignment;
        var today = now.CstDate();
        return new AssignmentView(a.Id, a.Number, a.Title, a.Content, WireEnum.Name(a.Source), Assignment.Label(a.Source), a.SourceNote, a.CampaignId, a.PhaseSeq,
            a.LeadUnitId, a.ResponsibleName, a.DueOn, a.DueOn.DayNumber - today.DayNumber, WireEnum.Name(a.ReportCycle), WireEnum.Name(a.Status),
            Assignment.Label(a.Status), a.AssignedBy, a.AssignedByName, a.AssignedAt, a.ReportedAt, a.DoneAt, a.RejectCount, a.IsOverdue(today),
            r.Duties.Select(d => d.UnitId).Distinct().ToList(), a.Milestones.OrderBy(m => m.Seq).Select(m => AssignmentMilestoneView.From(m, today)).ToList(),
            r.Duties.Select(d => AssignmentAssistView.From(d, now)).ToList(), r.Progress.Select(AssignmentProgressView.From).ToList(), r.Notices.Select(AssignmentNoticeView.From).ToList());
    }
}

/// <summary>A row of the assignment list.</summary>
public sealed record AssignmentListItem(string Id, string Number, string Title, string Source, string SourceLabel, string? CampaignId, string LeadUnitId,
    string? ResponsibleName, DateOnly DueOn, int DaysLeft, string Status, string StatusLabel, bool Overdue, int MilestonesDone, int MilestonesTotal,
    IReadOnlyList<int> OverdueMilestones, int ProgressCount, DateTimeOffset? LastProgressAt)
{
    public static AssignmentListItem From(Assignment a, DateOnly today) => new(a.Id, a.Number, a.Title, WireEnum.Name(a.Source), Assignment.Label(a.Source),
        a.CampaignId, a.LeadUnitId, a.ResponsibleName, a.DueOn, a.DueOn.DayNumber - today.DayNumber, WireEnum.Name(a.Status), Assignment.Label(a.Status),
        a.IsOverdue(today), a.Milestones.Count(m => m.DoneOn is not null), a.Milestones.Count,
        a.IsOpen ? a.Milestones.Where(m => m.IsOverdue(today)).Select(m => m.Seq).ToList() : [], a.ProgressCount, a.LastProgressAt);
}
