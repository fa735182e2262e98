using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Features.Audit;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Services;

/// <summary>
/// 服务事项: one thing a unit's window does for the public, with its promised limit (服务承诺制, 承诺时限) inside the legal one
/// (法定时限), the full materials list told at once (一次性告知清单), fees, place, hours and legal basis. Published items make the
/// unit's public service guide (办事指南).
/// </summary>
public sealed class ServiceItem
{
    public required string Id { get; init; }
    public required string UnitId { get; init; }
    public required string Name { get; set; }
    /// <summary>承诺时限 in working days; 0 is 即办件 (done on the day).</summary>
    public int PromisedDays { get; set; }
    /// <summary>法定时限 in working days; the promise never exceeds it.</summary>
    public int LegalDays { get; set; }
    /// <summary>一次性告知清单: one material a line.</summary>
    public string Materials { get; set; } = "";
    public string? Fees { get; set; }
    public string? Place { get; set; }
    public string? Hours { get; set; }
    public string? LegalBasis { get; set; }
    public bool Published { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<string> MaterialLines => Lines(Materials);

    public static IReadOnlyList<string> Lines(string? text)
        => (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    public static string LimitLabel(int days) => days == 0 ? "即办（当场办结）" : $"{days}个工作日";
}

public enum VisitStatus { Received, Told, Transferred, Done }

public enum VisitAction { Tell, Transfer, Complete }

/// <summary>
/// 窗口办件: one visit to a unit's window for a service item. The first receiver (首问负责人) is named; the visit is either done
/// (办结), or the applicant is told the missing materials at once (一次性告知), or it is passed to another unit (转办), which sees
/// it and completes it. The first unit stays answerable for the limit (首问责任制).
/// 已接待 Received → 已一次性告知 Told / 已转办 Transferred / 已办结 Done; Told → Transferred / Done; Transferred → Done.
/// </summary>
public sealed class WindowVisit
{
    public required string Id { get; init; }
    public required string Number { get; init; }
    public required string UnitId { get; init; }
    public required string ServiceItemId { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    [Sensitive] public string? ApplicantNameEnc { get; init; }
    [Sensitive] public string? ApplicantPhoneEnc { get; init; }
    /// <summary>Keyed hash of the applicant's phone: finds a second trip for the same item (跑了第二次).</summary>
    public string? ApplicantPhoneHash { get; init; }
    public required string FirstReceiverId { get; init; }
    public required string FirstReceiverName { get; init; }
    public string? RecordedBy { get; init; }
    /// <summary>The promised limit, counted in working days from the day of the visit.</summary>
    public DateTimeOffset DueAt { get; init; }
    public VisitStatus Status { get; private set; } = VisitStatus.Received;
    /// <summary>一次性告知: the materials that were missing, one a line.</summary>
    public string? MissingMaterials { get; private set; }
    public DateTimeOffset? ToldAt { get; private set; }
    public string? TransferredToUnitId { get; private set; }
    public string? TransferNote { get; private set; }
    public DateTimeOffset? TransferredAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? CompletedBy { get; private set; }
    public bool OnTheSpot { get; private set; }
    /// <summary>The applicant came for the same item within <see cref="ServiceRules.RepeatDays"/> days: the earlier visit.</summary>
    public string? RepeatOfId { get; init; }
    public string? Note { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsRepeat => RepeatOfId is not null;

    public static readonly StateMachine<VisitStatus, VisitAction> Table = new("visit",
        new Dictionary<(VisitStatus, VisitAction), VisitStatus>
        {
            [(VisitStatus.Received, VisitAction.Tell)] = VisitStatus.Told,
            [(VisitStatus.Received, VisitAction.Transfer)] = VisitStatus.Transferred,
            [(VisitStatus.Received, VisitAction.Complete)] = VisitStatus.Done,
            [(VisitStatus.Told, VisitAction.Transfer)] = VisitStatus.Transferred,
            [(VisitStatus.Told, VisitAction.Complete)] = VisitStatus.Done,
            [(VisitStatus.Transferred, VisitAction.Complete)] = VisitStatus.Done,
        }, Label, Label);

    /// <summary>超时: completed after the promised limit, or still open past it.</summary>
    public bool IsOverdue(DateTimeOffset now) => (CompletedAt ?? now) > DueAt;

    public bool DoneOnTime => CompletedAt is { } done && done <= DueAt;

    public void Tell(DateTimeOffset now, IReadOnlyList<string> missing)
    {
        Status = Table.Step(Status, VisitAction.Tell);
        MissingMaterials = string.Join('\n', missing);
        ToldAt = now;
        UpdatedAt = now;
    }

    public void Transfer(DateTimeOffset now, string unitId, string? note)
    {
        Status = Table.Step(Status, VisitAction.Transfer);
        TransferredToUnitId = unitId;
        TransferNote = note;
        TransferredAt = now;
        UpdatedAt = now;
    }

    public void Complete(DateTimeOffset now, string by, bool onTheSpot = false)
    {
        Status = Table.Step(Status, VisitAction.Complete);
        CompletedAt = now;
        CompletedBy = by;
        OnTheSpot = onTheSpot;
        UpdatedAt = now;
    }

    public static string Label(VisitStatus s) => s switch
    {
        VisitStatus.Received => "已接待",
        VisitStatus.Told => "已一次性告知",
        VisitStatus.Transferred => "已转办",
        _ => "已办结",
    };

    public static string Label(VisitAction a) => a switch
    {
        VisitAction.Tell => "一次性告知",
        VisitAction.Transfer => "转办",
        _ => "办结",
    };

    /// <summary>张三 → 张*; a single character is shown as *.</summary>
    public static string MaskName(string? name)
        => string.IsNullOrEmpty(name) ? "" : name.Length == 1 ? "*" : name[0] + new string('*', Math.Min(name.Length - 1, 3));

    /// <summary>13812345678 → 138****5678; short numbers keep only the last two digits.</summary>
    public static string MaskPhone(string? phone)
    {
        var digits = PersonalText.Digits(phone);
        return digits.Length == 0 ? "" : digits.Length >= 7 ? digits[..3] + "****" + digits[^4..] : new string('*', digits.Length - 2) + digits[^2..];
    }
}

public static class ServiceRules
{
    /// <summary>A second visit for the same item by the same phone within this many days counts as a repeat trip.</summary>
    public const int RepeatDays = 30;
}

internal sealed class ServiceItemConfiguration : IEntityTypeConfiguration<ServiceItem>
{
    public void Configure(EntityTypeBuilder<ServiceItem> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.UnitId).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Materials).HasMaxLength(4000);
        b.Property(x => x.Fees).HasMaxLength(500);
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.Hours).HasMaxLength(200);
        b.Property(x => x.LegalBasis).HasMaxLength(1000);
        b.Ignore(x => x.MaterialLines);
        b.HasIndex(x => new { x.UnitId, x.Name }).IsUnique();
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WindowVisitConfiguration : IEntityTypeConfiguration<WindowVisit>
{
    public void Configure(EntityTypeBuilder<WindowVisit> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Number).HasMaxLength(32);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.UnitId).HasMaxLength(32);
        b.Property(x => x.ServiceItemId).HasMaxLength(32);
        b.Property(x => x.ApplicantNameEnc).HasMaxLength(400);
        b.Property(x => x.ApplicantPhoneEnc).HasMaxLength(400);
        b.Property(x => x.ApplicantPhoneHash).HasMaxLength(64);
        b.Property(x => x.FirstReceiverId).HasMaxLength(32);
        b.Property(x => x.FirstReceiverName).HasMaxLength(100);
        b.Property(x => x.RecordedBy).HasMaxLength(32);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.MissingMaterials).HasMaxLength(4000);
        b.Property(x => x.TransferredToUnitId).HasMaxLength(32);
        b.Property(x => x.TransferNote).HasMaxLength(1000);
        b.Property(x => x.CompletedBy).HasMaxLength(32);
        b.Property(x => x.RepeatOfId).HasMaxLength(32);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Ignore(x => x.IsRepeat);
        b.Ignore(x => x.DoneOnTime);
        b.HasIndex(x => new { x.UnitId, x.ReceivedAt });
        b.HasIndex(x => x.TransferredToUnitId);
        b.HasIndex(x => new { x.ApplicantPhoneHash, x.ServiceItemId });
        b.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ServiceItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
