using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;
using static Zhengfeng.Features.Rectification.RectificationAction;
using static Zhengfeng.Features.Rectification.RectificationStatus;

namespace Zhengfeng.Features.Rectification;

// 整改台账 RectificationLedger · 立行立改 Immediate · 限期整改 Deadline · 长期坚持 LongTerm
// 销号 SignOff (close) · 回头看 FollowUpCheck · 反弹 Relapse · 纸上整改 PaperRectification

public enum RectificationType { Immediate, Deadline, [System.Text.Json.Serialization.JsonStringEnumMemberName("longterm")] LongTerm }

public enum RectificationStatus { Open, Reported, Verified, Closed }

public enum RectificationAction { Report, VerifyPass, VerifyFail, Close, Reopen }

/// <summary>One line of the rectification ledger: the task that fixes a verified problem.</summary>
public sealed class RectificationItem
{
    /// <summary>The item's life as a table; 销号 only after a passed verification, and a relapse reopens it.</summary>
    public static readonly StateMachine<RectificationStatus, RectificationAction> Table = new("rectification",
        new Dictionary<(RectificationStatus, RectificationAction), RectificationStatus>
        {
            [(Open, RectificationAction.Report)] = Reported,
            [(Reported, RectificationAction.Report)] = Reported,       // further progress before verification
            [(Reported, VerifyPass)] = Verified,
            [(Reported, VerifyFail)] = Open,        // rejected: report again
            [(Verified, RectificationAction.Close)] = Closed,           // 销号, only after a passed verification
            [(Closed, Reopen)] = Open,              // relapse or a failed 回头看
            [(Verified, Reopen)] = Open,
        }, Label, Label);

    public required string Id { get; init; }
    public required string ClueId { get; init; }
    /// <summary>The 专项整治 this record belongs to, if any.</summary>
    public string? CampaignId { get; private set; }
    public required string UnitId { get; init; }
    public required string Measures { get; init; }
    public RectificationType Type { get; init; }
    public DateOnly DueDate { get; init; }
    public string? ResponsiblePersonId { get; init; }
    public RectificationStatus Status { get; private set; } = Open;
    public string? RootCause { get; private set; }
    public int ReportCount { get; private set; }
    public int FailedVerifications { get; private set; }
    public string? LastVerificationNote { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastReportedAt { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public string? VerifiedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    /// <summary>回头看: the date of the effectiveness check after sign-off.</summary>
    public DateOnly? FollowUpDue { get; private set; }
    /// <summary>Why the item looks like rectification on paper (纸上整改), if it does.</summary>
    public string? PaperFlag { get; private set; }
    public int RelapseCount { get; private set; }
    /// <summary>When the 回头看 found the fix still working.</summary>
    public DateTimeOffset? FollowedUpAt { get; private set; }
    public string? FollowUpNote { get; private set; }
    public string? RelapseNote { get; private set; }
    public int Version { get; private set; }

    /// <summary>Puts the record under a campaign (专项整治); null leaves it as it is.</summary>
    public void JoinCampaign(string? campaignId)
    {
        if (!string.IsNullOrWhiteSpace(campaignId))
        {
            CampaignId = campaignId;
        }
    }

    /// <summary>整改进展 by the responsible unit; a root cause given is kept.</summary>
    public void Report(DateTimeOffset now, string? rootCause)
    {
        Status = Table.Step(Status, RectificationAction.Report);
        Version++;
        ReportCount++;
        LastReportedAt = now;
        if (!string.IsNullOrWhiteSpace(rootCause))
        {
            RootCause = rootCause.Trim();
        }
    }

    /// <summary>验收 by someone outside the unit: a failed verification must say why, and sends the item back to 整改中.</summary>
    public void Verify(bool pass, string by, string? note, DateTimeOffset now)
    {
        var next = Table.Step(Status, pass ? VerifyPass : VerifyFail);
        if (!pass && string.IsNullOrWhiteSpace(note))
        {
            throw new RuleException("rectification.note_required", "验收不通过须写明意见", StatusCodes.Status400BadRequest);
        }
        Status = next;
        Version++;
        LastVerificationNote = note?.Trim();
        if (pass)
        {
            VerifiedBy = by;
            VerifiedAt = now;
        }
        else
        {
            FailedVerifications++;
        }
    }

    /// <summary>销号, scheduling the 回头看 and keeping the reason it looks like rectification on paper, if it does.</summary>
    public void Close(string by, DateTimeOffset now, DateOnly followUpDue, string? paperFlag)
    {
        Status = Table.Step(Status, RectificationAction.Close);
        Version++;
        ClosedBy = by;
        ClosedAt = now;
        FollowUpDue = followUpDue;
        FollowedUpAt = null;
        FollowUpNote = null;
        PaperFlag = paperFlag;
    }

    /// <summary>回头看 after sign-off: a fix that held is noted; one that did not reopens the item as a relapse.</summary>
    public void FollowUp(bool held, string? note, DateTimeOffset now)
    {
        if (Status != Closed)
        {
            throw new RuleException("rectification.not_closed", "销号后才能回头看", StatusCodes.Status409Conflict);
        }
        if (!held)
        {
            Relapse($"回头看发现问题仍存在：{note?.Trim()}");
            return;
        }
        FollowedUpAt = now;
        FollowUpNote = note?.Trim();
    }

    /// <summary>反弹: the problem came back, so the item is open again and its sign-off undone.</summary>
    public void Relapse(string why)
    {
        Status = Table.Step(Status, Reopen);
        Version++;
        RelapseCount++;
        RelapseNote = why;
        ClosedAt = null;
        FollowUpDue = null;
    }

    public static string Label(RectificationStatus s) => s switch
    {
        Open => "整改中",
        Reported => "已报告进展",
        Verified => "已验收",
        _ => "已销号",
    };

    public static string Label(RectificationAction a) => a switch
    {
        RectificationAction.Report => "报告整改进展",
        VerifyPass => "验收通过",
        VerifyFail => "验收不通过",
        RectificationAction.Close => "销号",
        _ => "重新整改",
    };

    public static string Label(RectificationType t) => t switch
    {
        RectificationType.Immediate => "立行立改",
        RectificationType.Deadline => "限期整改",
        _ => "长期坚持",
    };
}

/// <summary>A periodic progress report with what was done and why the problem arose.</summary>
public sealed class ProgressReport
{
    public required string Id { get; init; }
    public required string RectificationId { get; init; }
    public required string Content { get; init; }
    public string? RootCause { get; init; }
    public required string ReportedBy { get; init; }
    public DateTimeOffset At { get; init; }
}

internal sealed class RectificationItemConfiguration : IEntityTypeConfiguration<RectificationItem>
{
    public void Configure(EntityTypeBuilder<RectificationItem> b)
    {
        b.ToTable("Rectifications");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CampaignId);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Measures).HasMaxLength(5000);
        b.Property(x => x.RootCause).HasMaxLength(2000);
        b.Property(x => x.LastVerificationNote).HasMaxLength(2000);
        b.Property(x => x.PaperFlag).HasMaxLength(300);
        b.Property(x => x.RelapseNote).HasMaxLength(1000);
        b.Property(x => x.FollowUpNote).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.UnitId, x.Status });
        b.HasIndex(x => new { x.Status, x.DueDate });
        b.HasOne<Clue>().WithMany().HasForeignKey(x => x.ClueId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cadre>().WithMany().HasForeignKey(x => x.ResponsiblePersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Content).HasMaxLength(5000);
        b.Property(x => x.RootCause).HasMaxLength(2000);
        b.HasIndex(x => new { x.RectificationId, x.At });
        b.HasOne<RectificationItem>().WithMany().HasForeignKey(x => x.RectificationId).OnDelete(DeleteBehavior.Cascade);
    }
}
