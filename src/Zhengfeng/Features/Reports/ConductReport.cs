using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Features.Audit;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Reports;

// 作风举报 ConductReport: a report of a cadre's or unit's misconduct to the discipline office (纪检), never a citizen case.
// 待受理 Received → 已受理 Accepted → 初核中 Checking → 已办结 Concluded; or 不予受理 NotAccepted; or 已转送 Forwarded.

public enum ReportStatus { Received, Accepted, Checking, Concluded, NotAccepted, Forwarded }

public enum ReportAction { Accept, Reject, Forward, StartCheck, Conclude }

/// <summary>How the report came in: the public form, or entered by 纪检 staff from a call, a letter or a visit.</summary>
public enum ReportChannel { Online, Phone, Letter, Visit }

/// <summary>初核's finding.</summary>
public enum ReportFinding { True, Partial, False }

public sealed class ConductReport
{
    public required string Id { get; init; }
    /// <summary>The ledger number (逐件登记), made from the day and the id like a case's number: JB20261128-3F9A2C.</summary>
    public required string Number { get; init; }
    /// <summary>SHA-256 of the follow-up code; the code itself is shown once to the reporter and never stored.</summary>
    [Sensitive] public required string FollowUpHash { get; init; }
    public ReportChannel Channel { get; init; }
    [Sensitive] public required string Content { get; init; }
    public string? AccusedUnitId { get; init; }
    [Sensitive] public string? AccusedName { get; init; }
    public bool Anonymous { get; init; }
    [Sensitive] public string? ReporterNameEnc { get; init; }
    [Sensitive] public string? ReporterPhoneEnc { get; init; }
    /// <summary>Keyed hash of the reporter's phone: finds the reporter's later cases (protection against retaliation).</summary>
    public string? ReporterPhoneHash { get; init; }
    public ReportStatus Status { get; private set; } = ReportStatus.Received;
    public DateTimeOffset ReceivedAt { get; init; }
    public string? EnteredBy { get; init; }
    /// <summary>A named report is told within 15 working days whether it was accepted.</summary>
    public DateTimeOffset? AcknowledgeDueAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    /// <summary>初核's time limit (3 months by default), set when the report is accepted.</summary>
    public DateTimeOffset? CheckDueAt { get; private set; }
    public ReportFinding? Finding { get; private set; }
    [Sensitive] public string? Conclusion { get; private set; }
    public DateTimeOffset? ConcludedAt { get; private set; }
    /// <summary>A named reporter is told the result within 15 working days of the conclusion.</summary>
    public DateTimeOffset? FeedbackDueAt { get; private set; }
    public DateTimeOffset? FeedbackAt { get; private set; }
    [Sensitive] public string? ForwardedTo { get; private set; }
    public string? ClueId { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool Named => !Anonymous;

    public static readonly StateMachine<ReportStatus, ReportAction> Table = new("report",
        new Dictionary<(ReportStatus, ReportAction), ReportStatus>
        {
            [(ReportStatus.Received, ReportAction.Accept)] = ReportStatus.Accepted,
            [(ReportStatus.Received, ReportAction.Reject)] = ReportStatus.NotAccepted,
            [(ReportStatus.Received, ReportAction.Forward)] = ReportStatus.Forwarded,
            [(ReportStatus.Accepted, ReportAction.StartCheck)] = ReportStatus.Checking,
            [(ReportStatus.Accepted, ReportAction.Conclude)] = ReportStatus.Concluded,
            [(ReportStatus.Checking, ReportAction.Conclude)] = ReportStatus.Concluded,
        }, Label, Label);

    public bool IsOpen => Status is ReportStatus.Received or ReportStatus.Accepted or ReportStatus.Checking;

    /// <summary>The reporter's answer is due (named reports only): acknowledgement first, then the result.</summary>
    public DateTimeOffset? ReplyDueAt => !Named ? null
        : IsOpen && AcknowledgedAt is null ? AcknowledgeDueAt
        : Status == ReportStatus.Concluded && FeedbackAt is null ? FeedbackDueAt
        : null;

    public bool IsOverdue(DateTimeOffset now)
        => ReplyDueAt is { } due && due < now || Status is ReportStatus.Accepted or ReportStatus.Checking && CheckDueAt is { } check && check < now;

    public void Accept(DateTimeOffset now, DateTimeOffset checkDueAt)
    {
        Status = Table.Step(Status, ReportAction.Accept);
        CheckDueAt = checkDueAt;
        Touch(now);
    }

    public void Reject(DateTimeOffset now)
    {
        Status = Table.Step(Status, ReportAction.Reject);
        Touch(now);
    }

    public void Forward(DateTimeOffset now, string to)
    {
        Status = Table.Step(Status, ReportAction.Forward);
        ForwardedTo = to;
        Touch(now);
    }

    public void StartCheck(DateTimeOffset now)
    {
        Status = Table.Step(Status, ReportAction.StartCheck);
        Touch(now);
    }

    public void Conclude(DateTimeOffset now, ReportFinding finding, string conclusion, DateTimeOffset feedbackDueAt)
    {
        Status = Table.Step(Status, ReportAction.Conclude);
        Finding = finding;
        Conclusion = conclusion;
        ConcludedAt = now;
        FeedbackDueAt = Named ? feedbackDueAt : null;
        Touch(now);
    }

    /// <summary>A reply the reporter can read: the first one acknowledges the report, one after the conclusion feeds back its result.</summary>
    public void Replied(DateTimeOffset now)
    {
        AcknowledgedAt ??= now;
        if (Status == ReportStatus.Concluded)
        {
            FeedbackAt ??= now;
        }
        Touch(now);
    }

    public void TransferredTo(string clueId, DateTimeOffset now)
    {
        if (Status != ReportStatus.Concluded || Finding == ReportFinding.False)
        {
            throw new RuleException("report.transfer_not_found", "初核认定属实或部分属实并办结后，才能转为问题线索", StatusCodes.Status409Conflict);
        }
        if (ClueId is not null)
        {
            throw new RuleException("report.already_transferred", "该举报已转为问题线索", StatusCodes.Status409Conflict);
        }
        ClueId = clueId;
        Touch(now);
    }

    private void Touch(DateTimeOffset now) => UpdatedAt = now;

    public static string Label(ReportStatus s) => s switch
    {
        ReportStatus.Received => "待受理",
        ReportStatus.Accepted => "已受理",
        ReportStatus.Checking => "初核中",
        ReportStatus.Concluded => "已办结",
        ReportStatus.NotAccepted => "不予受理",
        _ => "已转送",
    };

    public static string Label(ReportAction a) => a switch
    {
        ReportAction.Accept => "受理",
        ReportAction.Reject => "不予受理",
        ReportAction.Forward => "转送",
        ReportAction.StartCheck => "开始初核",
        _ => "办结",
    };

    public static string Label(ReportChannel c) => c switch
    {
        ReportChannel.Online => "网上举报",
        ReportChannel.Phone => "电话举报",
        ReportChannel.Letter => "来信举报",
        _ => "来访举报",
    };

    public static string Label(ReportFinding? f) => f switch
    {
        ReportFinding.True => "属实",
        ReportFinding.Partial => "部分属实",
        ReportFinding.False => "不属实",
        _ => "",
    };

    /// <summary>What the reporter sees: the state in plain words, nothing of the internal handling.</summary>
    public static string PublicLabel(ReportStatus s) => s switch
    {
        ReportStatus.Received => "已收到，待受理",
        ReportStatus.Accepted or ReportStatus.Checking => "已受理，正在核实",
        ReportStatus.Concluded => "已办结",
        ReportStatus.NotAccepted => "不予受理",
        _ => "已按管辖转送有关机关",
    };
}

public enum ReportMessageKind { Reply, Material, Note }

/// <summary>
/// One message on a report: a reply to the reporter or material the reporter added (both readable with the follow-up code),
/// or an internal note of the discipline office (never shown to the reporter).
/// </summary>
public sealed class ReportMessage
{
    public required string Id { get; init; }
    public required string ReportId { get; init; }
    public ReportMessageKind Kind { get; init; }
    [Sensitive] public required string Text { get; init; }
    public string? AuthorId { get; init; }
    public DateTimeOffset At { get; init; }

    public bool Public => Kind != ReportMessageKind.Note;

    public static string Label(ReportMessageKind k) => k switch
    {
        ReportMessageKind.Reply => "答复举报人",
        ReportMessageKind.Material => "举报人补充材料",
        _ => "内部记录",
    };
}

/// <summary>Every view of a reporter's identity, by whom and why (the view itself is also in the audit log).</summary>
public sealed class ReportIdentityView
{
    public required string Id { get; init; }
    public required string ReportId { get; init; }
    public required string ViewerId { get; init; }
    public required string Purpose { get; init; }
    public DateTimeOffset At { get; init; }
}

internal sealed class ConductReportConfiguration : IEntityTypeConfiguration<ConductReport>
{
    public void Configure(EntityTypeBuilder<ConductReport> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Number).HasMaxLength(32);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.FollowUpHash).HasMaxLength(64);
        b.HasIndex(x => x.FollowUpHash).IsUnique();
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Finding).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Content).HasMaxLength(5000);
        b.Property(x => x.AccusedUnitId).HasMaxLength(32);
        b.Property(x => x.AccusedName).HasMaxLength(100);
        b.Property(x => x.ReporterNameEnc).HasMaxLength(400);
        b.Property(x => x.ReporterPhoneEnc).HasMaxLength(400);
        b.Property(x => x.ReporterPhoneHash).HasMaxLength(64);
        b.Property(x => x.EnteredBy).HasMaxLength(32);
        b.Property(x => x.Conclusion).HasMaxLength(5000);
        b.Property(x => x.ForwardedTo).HasMaxLength(200);
        b.Property(x => x.ClueId).HasMaxLength(32);
        b.Ignore(x => x.Named);
        b.Ignore(x => x.IsOpen);
        b.Ignore(x => x.ReplyDueAt);
        b.HasIndex(x => new { x.Status, x.ReceivedAt });
        b.HasIndex(x => x.ReporterPhoneHash);
    }
}

internal sealed class ReportMessageConfiguration : IEntityTypeConfiguration<ReportMessage>
{
    public void Configure(EntityTypeBuilder<ReportMessage> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.ReportId).HasMaxLength(32);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Text).HasMaxLength(5000);
        b.Property(x => x.AuthorId).HasMaxLength(32);
        b.Ignore(x => x.Public);
        b.HasIndex(x => new { x.ReportId, x.At });
        b.HasOne<ConductReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportIdentityViewConfiguration : IEntityTypeConfiguration<ReportIdentityView>
{
    public void Configure(EntityTypeBuilder<ReportIdentityView> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.ReportId).HasMaxLength(32);
        b.Property(x => x.ViewerId).HasMaxLength(32);
        b.Property(x => x.Purpose).HasMaxLength(200);
        b.HasIndex(x => x.ReportId);
        b.HasOne<ConductReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
