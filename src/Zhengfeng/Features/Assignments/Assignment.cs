using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Features.Campaigns;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;
using static Zhengfeng.Features.Assignments.AssignmentStatus;

namespace Zhengfeng.Features.Assignments;

// 交办事项 / 重点工作督办 Assignment · 牵头单位 Lead · 配合单位 Assist (AssistDuty) · 施工图、时间表 Milestones
// 进展报告 Progress · 完成报告 Completion · 验收 Acceptance (通过 / 退回) · 交办来源 Source

/// <summary>Where the work comes from (the contract's <c>source</c>).</summary>
public enum AssignmentSource { Campaign, Leader, Meeting, Superior }

/// <summary>The contract's task states: assigned, in_progress, reported, done.</summary>
public enum AssignmentStatus { Assigned, InProgress, Reported, Done }

public enum AssignmentAction { Progress, Complete, Accept, Reject }

/// <summary>What a progress entry records.</summary>
public enum ProgressKind { Progress, Milestone, Completion, Accepted, Rejected }

/// <summary>One step of the 施工图: what is to be done by when, and when the lead unit reported it done.</summary>
public sealed class Milestone
{
    public int Seq { get; init; }
    public required string Title { get; init; }
    public DateOnly DueOn { get; init; }
    public DateOnly? DoneOn { get; internal set; }
    public string? DoneNote { get; internal set; }

    public bool IsOverdue(DateOnly today) => DoneOn is null && today > DueOn;
}

/// <summary>
/// 交办事项: work assigned to a lead unit, with assist units each owing their part (<see cref="Assists.AssistDuty"/>),
/// milestones and a due date. The lead unit reports completion; only a supervisor outside the lead unit accepts it.
/// </summary>
public sealed class Assignment
{
    public static readonly StateMachine<AssignmentStatus, AssignmentAction> Table = new("task",
        new Dictionary<(AssignmentStatus, AssignmentAction), AssignmentStatus>
        {
            [(Assigned, AssignmentAction.Progress)] = InProgress,
            [(InProgress, AssignmentAction.Progress)] = InProgress,
            [(Assigned, AssignmentAction.Complete)] = Reported,
            [(InProgress, AssignmentAction.Complete)] = Reported,
            [(Reported, AssignmentAction.Accept)] = Done,           // 验收通过, by a supervisor outside the lead unit
            [(Reported, AssignmentAction.Reject)] = InProgress,     // 验收退回: the work goes on
        }, Label, Label);

    private readonly List<Milestone> _milestones = [];

    public required string Id { get; init; }
    public int Year { get; init; }
    public int Seq { get; private set; }
    /// <summary>交办〔2026〕12号, numbered per year when saved.</summary>
    public string Number { get; private set; } = "";
    public required string Title { get; init; }
    public string? Content { get; init; }
    public AssignmentSource Source { get; init; }
    /// <summary>The instruction, meeting or document it comes from (e.g. 县委常委会2026年第12次会议纪要).</summary>
    public string? SourceNote { get; init; }
    public string? CampaignId { get; init; }
    public int? PhaseSeq { get; init; }
    public required string LeadUnitId { get; init; }
    public string? ResponsibleName { get; init; }
    public DateOnly DueOn { get; init; }
    public ReportCycle ReportCycle { get; init; }
    public AssignmentStatus Status { get; private set; } = Assigned;
    public required string AssignedBy { get; init; }
    public required string AssignedByName { get; init; }
    public DateTimeOffset AssignedAt { get; init; }
    public DateTimeOffset? ReportedAt { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public string? AcceptedBy { get; private set; }
    public int RejectCount { get; private set; }
    public int ProgressCount { get; private set; }
    public DateTimeOffset? LastProgressAt { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<Milestone> Milestones => _milestones;

    public bool IsOpen => Status is Assigned or InProgress;

    public bool IsOverdue(DateOnly today) => IsOpen && today > DueOn;

    /// <summary>Reported or done after the due date.</summary>
    public bool WasLate => ReportedAt is { } at && at.CstDate() > DueOn;

    public void PlanMilestones(IEnumerable<(string Title, DateOnly DueOn)> plan)
    {
        if (_milestones.Count > 0)
        {
            throw new RuleException("task.milestones_planned", "施工图已制定", StatusCodes.Status409Conflict);
        }
        var i = 0;
        foreach (var (title, due) in plan.OrderBy(p => p.DueOn))
        {
            if (due > DueOn)
            {
                throw new RuleException("task.milestone_after_due", $"节点“{title}”的时间晚于交办事项的完成期限", StatusCodes.Status400BadRequest);
            }
            _milestones.Add(new Milestone { Seq = ++i, Title = title.Trim(), DueOn = due });
        }
    }

    public void AssignNumber(int seq)
    {
        Seq = seq;
        Number = string.Create(CultureInfo.InvariantCulture, $"交办〔{Year}〕{seq}号");
    }

    /// <summary>A progress report by the lead unit or an assist unit; it starts the work if it was only assigned.</summary>
    public ProgressEntry Progress(string unitId, string by, string byName, DateTimeOffset now, string content, string? period)
    {
        Status = Table.Step(Status, AssignmentAction.Progress);
        Version++;
        ProgressCount++;
        LastProgressAt = now;
        return Entry(ProgressKind.Progress, unitId, by, byName, now, content, period);
    }

    /// <summary>The lead unit reports a milestone done.</summary>
    public ProgressEntry CompleteMilestone(int seq, string by, string byName, DateTimeOffset now, string content)
    {
        Status = Table.Step(Status, AssignmentAction.Progress);
        var m = _milestones.FirstOrDefault(x => x.Seq == seq) ?? throw new RuleException("task.unknown_milestone", "该节点不存在", StatusCodes.Status400BadRequest);
        if (m.DoneOn is not null)
        {
            throw new RuleException("task.milestone_done", $"节点“{m.Title}”已报告完成", StatusCodes.Status409Conflict);
        }
        Version++;
        m.DoneOn = now.CstDate();
        m.DoneNote = content.Trim();
        LastProgressAt = now;
        return Entry(ProgressKind.Milestone, LeadUnitId, by, byName, now, $"节点{seq}“{m.Title}”完成：{content.Trim()}", null);
    }

    /// <summary>完成报告 by the lead unit.</summary>
    public ProgressEntry Complete(string by, string byName, DateTimeOffset now, string content)
    {
        Status = Table.Step(Status, AssignmentAction.Complete);
        Version++;
        ReportedAt = now;
        return Entry(ProgressKind.Completion, LeadUnitId, by, byName, now, content, null);
    }

    public ProgressEntry Accept(string by, string byName, DateTimeOffset now, string? note)
    {
        Status = Table.Step(Status, AssignmentAction.Accept);
        Version++;
        DoneAt = now;
        AcceptedBy = by;
        return Entry(ProgressKind.Accepted, LeadUnitId, by, byName, now, string.IsNullOrWhiteSpace(note) ? "验收通过" : note, null);
    }

    public ProgressEntry Reject(string by, string byName, DateTimeOffset now, string? note)
    {
        var next = Table.Step(Status, AssignmentAction.Reject);
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new RuleException("task.note_required", "验收退回须写明理由", StatusCodes.Status400BadRequest);
        }
        Status = next;
        Version++;
        RejectCount++;
        ReportedAt = null;
        return Entry(ProgressKind.Rejected, LeadUnitId, by, byName, now, note, null);
    }

    private ProgressEntry Entry(ProgressKind kind, string unitId, string by, string byName, DateTimeOffset now, string content, string? period)
        => new()
        {
            Id = Data.Ids.New(), AssignmentId = Id, Kind = kind, UnitId = unitId, Content = content.Trim(), Period = period, By = by, ByName = byName, At = now,
        };

    public static string Label(AssignmentStatus s) => s switch
    {
        Assigned => "已交办",
        InProgress => "推进中",
        Reported => "已报完成待验收",
        _ => "已验收办结",
    };

    public static string Label(AssignmentAction a) => a switch
    {
        AssignmentAction.Progress => "报告进展",
        AssignmentAction.Complete => "报告完成",
        AssignmentAction.Accept => "验收通过",
        _ => "验收退回",
    };

    public static string Label(AssignmentSource s) => s switch
    {
        AssignmentSource.Campaign => "专项整治任务",
        AssignmentSource.Leader => "领导批示",
        AssignmentSource.Meeting => "会议议定",
        _ => "上级交办",
    };

    public static string Label(ProgressKind k) => k switch
    {
        ProgressKind.Progress => "进展报告",
        ProgressKind.Milestone => "节点完成",
        ProgressKind.Completion => "完成报告",
        ProgressKind.Accepted => "验收通过",
        _ => "验收退回",
    };
}

/// <summary>One entry of an assignment's record: a progress report, a milestone, the completion report or the acceptance.</summary>
public sealed class ProgressEntry
{
    public required string Id { get; init; }
    public required string AssignmentId { get; init; }
    public ProgressKind Kind { get; init; }
    public required string UnitId { get; init; }
    public required string Content { get; init; }
    /// <summary>The cycle period the report answers (2026-11), when it is a periodic report.</summary>
    public string? Period { get; init; }
    public required string By { get; init; }
    public required string ByName { get; init; }
    public DateTimeOffset At { get; init; }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Number).HasMaxLength(40);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Content).HasMaxLength(4000);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SourceNote).HasMaxLength(300);
        b.Property(x => x.ResponsibleName).HasMaxLength(100);
        b.Property(x => x.ReportCycle).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.AssignedByName).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsOpen);
        b.Ignore(x => x.WasLate);
        b.OwnsMany(x => x.Milestones, m =>
        {
            m.ToTable("AssignmentMilestones");
            m.WithOwner().HasForeignKey("AssignmentId");
            m.HasKey("AssignmentId", nameof(Milestone.Seq));
            m.Property(x => x.Title).HasMaxLength(200);
            m.Property(x => x.DoneNote).HasMaxLength(2000);
        });
        b.Navigation(x => x.Milestones).HasField("_milestones");
        b.HasIndex(x => new { x.Year, x.Seq }).IsUnique();
        b.HasIndex(x => new { x.LeadUnitId, x.Status });
        b.HasIndex(x => new { x.CampaignId, x.LeadUnitId });
        b.HasIndex(x => new { x.Status, x.DueOn });
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProgressEntryConfiguration : IEntityTypeConfiguration<ProgressEntry>
{
    public void Configure(EntityTypeBuilder<ProgressEntry> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Content).HasMaxLength(5000);
        b.Property(x => x.Period).HasMaxLength(20);
        b.Property(x => x.ByName).HasMaxLength(100);
        b.HasIndex(x => new { x.AssignmentId, x.At });
        b.HasOne<Assignment>().WithMany().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
