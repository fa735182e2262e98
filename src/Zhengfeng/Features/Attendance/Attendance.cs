using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Attendance;

// 考勤 Attendance · 打卡 Punch · 考勤机 TerminalModel · 工号 TerminalNo · 迟到 Late · 早退 EarlyLeave · 旷工 Absent
// 请假 Leave (事假 Personal / 病假 Sick / 年休假 Annual / 公出 Business) · 销假 Return · 查岗 SpotCheck

/// <summary>The county's working hours and the thresholds of the attendance rules (section "Attendance").</summary>
public sealed class AttendanceRules
{
    /// <summary>上班时间: a first punch after this plus the grace is late.</summary>
    public TimeOnly WorkStart { get; set; } = new(9, 0);

    /// <summary>下班时间: a last punch before this minus the grace is early leave.</summary>
    public TimeOnly WorkEnd { get; set; } = new(17, 30);

    /// <summary>Minutes of grace either side (terminal clocks drift, queues at the machine).</summary>
    [Range(0, 60)] public int GraceMinutes { get; set; } = 5;

    /// <summary>旷工 days in one month from which a cadre's absence becomes a problem clue.</summary>
    [Range(1, 31)] public int ClueAbsentDays { get; set; } = 3;
}

/// <summary>One punch of a sign-in terminal, as imported. A cadre punches at most once at a given second (the import's idempotence).</summary>
public sealed class Punch
{
    public required string Id { get; init; }
    public required string CadreId { get; init; }
    public required string UnitId { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>The day in China time, for the daily judgement.</summary>
    public DateOnly Day { get; init; }
    public required string Terminal { get; init; }
    public required string ImportId { get; init; }
}

/// <summary>A day on which a unit's terminal records were imported: only covered days can show an absence without a punch.</summary>
public sealed class AttendanceCoverage
{
    public required string UnitId { get; init; }
    public DateOnly Day { get; init; }
}

/// <summary>Marks that a cadre's repeated absence in a month has become a clue, so it becomes one only once.</summary>
public sealed class AbsenceClueMark
{
    public required string CadreId { get; init; }
    /// <summary>The month, yyyy-MM.</summary>
    public required string Month { get; init; }
    public required string ClueId { get; init; }
    public DateTimeOffset At { get; init; }
}

public enum LeaveKind { Personal, Sick, Annual, Business }

public enum LeaveStatus { Pending, Approved, Rejected, Withdrawn, Returned }

public enum LeaveAction { Approve, Reject, Withdraw, Return }

/// <summary>请假: filed by a unit clerk for a cadre, approved by someone else, closed by 销假.</summary>
public sealed class LeaveRequest
{
    public required string Id { get; init; }
    public required string UnitId { get; init; }
    public required string CadreId { get; init; }
    public LeaveKind Kind { get; init; }
    public DateOnly From { get; init; }
    public DateOnly To { get; init; }
    public required string Reason { get; init; }
    public LeaveStatus Status { get; private set; } = LeaveStatus.Pending;
    public required string FiledBy { get; init; }
    public DateTimeOffset FiledAt { get; init; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionNote { get; private set; }
    /// <summary>销假: the first day back at work (the leave ends the day before when that is earlier than planned).</summary>
    public DateOnly? ReturnedOn { get; private set; }
    public string? ReturnedBy { get; private set; }

    public static readonly StateMachine<LeaveStatus, LeaveAction> Table = new("leave",
        new Dictionary<(LeaveStatus, LeaveAction), LeaveStatus>
        {
            [(LeaveStatus.Pending, LeaveAction.Approve)] = LeaveStatus.Approved,
            [(LeaveStatus.Pending, LeaveAction.Reject)] = LeaveStatus.Rejected,
            [(LeaveStatus.Pending, LeaveAction.Withdraw)] = LeaveStatus.Withdrawn,
            [(LeaveStatus.Approved, LeaveAction.Return)] = LeaveStatus.Returned,
        }, Label, Label);

    /// <summary>The days the leave excuses: approved or returned, up to the day before the return.</summary>
    public DateOnly? LastDay => Status switch
    {
        LeaveStatus.Approved => To,
        LeaveStatus.Returned => ReturnedOn is { } back && back.AddDays(-1) < To ? back.AddDays(-1) : To,
        _ => null,
    };

    public bool Covers(DateOnly day) => LastDay is { } last && day >= From && day <= last;

    public void Approve(string by, DateTimeOffset at, string? note) => Decide(LeaveAction.Approve, by, at, note);

    public void Reject(string by, DateTimeOffset at, string? note) => Decide(LeaveAction.Reject, by, at, note);

    public void Withdraw(string by, DateTimeOffset at) => Decide(LeaveAction.Withdraw, by, at, null);

    public void Return(string by, DateOnly returnedOn)
    {
        Status = Table.Step(Status, LeaveAction.Return);
        if (returnedOn < From)
        {
            throw new RuleException("leave.bad_return", "销假日期不能早于请假开始日期", 400);
        }
        ReturnedOn = returnedOn;
        ReturnedBy = by;
    }

    private void Decide(LeaveAction action, string by, DateTimeOffset at, string? note)
    {
        Status = Table.Step(Status, action);
        DecidedBy = by;
        DecidedAt = at;
        DecisionNote = note.TrimToNull();
    }

    public static string Label(LeaveStatus s) => s switch
    {
        LeaveStatus.Pending => "待审批",
        LeaveStatus.Approved => "已批准",
        LeaveStatus.Rejected => "未批准",
        LeaveStatus.Withdrawn => "已撤回",
        _ => "已销假",
    };

    public static string Label(LeaveAction a) => a switch
    {
        LeaveAction.Approve => "批准",
        LeaveAction.Reject => "不批准",
        LeaveAction.Withdraw => "撤回",
        _ => "销假",
    };

    public static string Label(LeaveKind k) => k switch
    {
        LeaveKind.Personal => "事假",
        LeaveKind.Sick => "病假",
        LeaveKind.Annual => "年休假",
        _ => "公出",
    };
}

/// <summary>查岗: a supervisor's unannounced check of who is at their post.</summary>
public sealed class SpotCheck
{
    public required string Id { get; init; }
    public required string UnitId { get; init; }
    public DateTimeOffset At { get; init; }
    public DateOnly Day { get; init; }
    public string? Note { get; init; }
    public required string CheckedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}

/// <summary>One cadre at a spot check: present, or absent with the reason given on the spot.</summary>
public sealed class SpotCheckEntry
{
    public required string Id { get; init; }
    public required string SpotCheckId { get; init; }
    public required string CadreId { get; init; }
    public DateOnly Day { get; init; }
    public bool Present { get; init; }
    public string? Reason { get; init; }
}

internal sealed class PunchConfiguration : IEntityTypeConfiguration<Punch>
{
    public void Configure(EntityTypeBuilder<Punch> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.CadreId).HasMaxLength(32);
        b.Property(x => x.UnitId).HasMaxLength(32);
        b.Property(x => x.Terminal).HasMaxLength(30);
        b.Property(x => x.ImportId).HasMaxLength(32);
        b.HasIndex(x => new { x.CadreId, x.At }).IsUnique();
        b.HasIndex(x => new { x.UnitId, x.Day });
        b.HasOne<Org.Cadre>().WithMany().HasForeignKey(x => x.CadreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttendanceCoverageConfiguration : IEntityTypeConfiguration<AttendanceCoverage>
{
    public void Configure(EntityTypeBuilder<AttendanceCoverage> b)
    {
        b.HasKey(x => new { x.UnitId, x.Day });
        b.Property(x => x.UnitId).HasMaxLength(32);
    }
}

internal sealed class AbsenceClueMarkConfiguration : IEntityTypeConfiguration<AbsenceClueMark>
{
    public void Configure(EntityTypeBuilder<AbsenceClueMark> b)
    {
        b.HasKey(x => new { x.CadreId, x.Month });
        b.Property(x => x.CadreId).HasMaxLength(32);
        b.Property(x => x.Month).HasMaxLength(7);
        b.Property(x => x.ClueId).HasMaxLength(32);
    }
}

internal sealed class LeaveRequestConfiguration : IEntityTypeConfiguration<LeaveRequest>
{
    public void Configure(EntityTypeBuilder<LeaveRequest> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.UnitId).HasMaxLength(32);
        b.Property(x => x.CadreId).HasMaxLength(32);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.FiledBy).HasMaxLength(32);
        b.Property(x => x.DecidedBy).HasMaxLength(32);
        b.Property(x => x.DecisionNote).HasMaxLength(500);
        b.Property(x => x.ReturnedBy).HasMaxLength(32);
        b.Ignore(x => x.LastDay);
        b.HasIndex(x => new { x.UnitId, x.From });
        b.HasIndex(x => new { x.CadreId, x.From });
        b.HasOne<Org.Cadre>().WithMany().HasForeignKey(x => x.CadreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SpotCheckConfiguration : IEntityTypeConfiguration<SpotCheck>
{
    public void Configure(EntityTypeBuilder<SpotCheck> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.UnitId).HasMaxLength(32);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.CheckedBy).HasMaxLength(32);
        b.HasIndex(x => new { x.UnitId, x.Day });
    }
}

internal sealed class SpotCheckEntryConfiguration : IEntityTypeConfiguration<SpotCheckEntry>
{
    public void Configure(EntityTypeBuilder<SpotCheckEntry> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.SpotCheckId).HasMaxLength(32);
        b.Property(x => x.CadreId).HasMaxLength(32);
        b.Property(x => x.Reason).HasMaxLength(200);
        b.HasIndex(x => x.SpotCheckId);
        b.HasIndex(x => new { x.CadreId, x.Day });
        b.HasOne<SpotCheck>().WithMany().HasForeignKey(x => x.SpotCheckId).OnDelete(DeleteBehavior.Cascade);
    }
}
