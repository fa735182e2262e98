using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Inspections;

// 暗访 MysteryInspection: a confidential plan of the supervision office (督查) — units, dates, what to check, who visits — and the
// record sheets (暗访记录表) filled at the visited units. 草稿 Draft → 已下发 Active → 已结束 Closed.
// The visited units never see a plan or a sheet; only a clue made from a finding reaches them through the clue flow.

public enum InspectionStatus { Draft, Active, Closed }

public enum InspectionAction { Issue, Close }

public enum SheetStatus { Draft, Submitted }

public enum SheetAction { Save, Submit }

/// <summary>One checklist line's result on a sheet: 符合, 不符合 or 未检查.</summary>
public enum MarkResult { Unchecked, Conforming, NonConforming }

public sealed class MysteryInspection
{
    public const int MaxChecklist = 30;

    public required string Id { get; init; }
    /// <summary>The plan's number, made from the day and the id: AF20261102-3F9A2C.</summary>
    public required string Number { get; init; }
    public string Title { get; private set; } = "";
    public string Purpose { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    /// <summary>What to check, one item a line (在岗在位、工作纪律、服务态度…); fixed once the plan is issued.</summary>
    public string Checklist { get; private set; } = "";
    public InspectionStatus Status { get; private set; } = InspectionStatus.Draft;
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? IssuedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<string> Items => Lines(Checklist);

    public static IReadOnlyList<string> Lines(string? text)
        => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static readonly StateMachine<InspectionStatus, InspectionAction> Table = new("inspection",
        new Dictionary<(InspectionStatus, InspectionAction), InspectionStatus>
        {
            [(InspectionStatus.Draft, InspectionAction.Issue)] = InspectionStatus.Active,
            [(InspectionStatus.Active, InspectionAction.Close)] = InspectionStatus.Closed,
        }, Label, Label);

    /// <summary>Writes the plan's content; a plan is changed only while it is a draft (its sheets follow its checklist).</summary>
    public void Revise(string title, string purpose, DateOnly startsOn, DateOnly endsOn, string checklist, DateTimeOffset now)
    {
        if (Status != InspectionStatus.Draft)
        {
            throw new RuleException("inspection.not_draft", "暗访计划已下发，不能再修改", StatusCodes.Status409Conflict);
        }
        Title = title;
        Purpose = purpose;
        StartsOn = startsOn;
        EndsOn = endsOn;
        Checklist = checklist;
        Touch(now);
    }

    public void Issue(DateTimeOffset now)
    {
        Status = Table.Step(Status, InspectionAction.Issue);
        IssuedAt = now;
        Touch(now);
    }

    public void Close(DateTimeOffset now)
    {
        Status = Table.Step(Status, InspectionAction.Close);
        ClosedAt = now;
        Touch(now);
    }

    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    public static string Label(InspectionStatus s) => s switch
    {
        InspectionStatus.Draft => "草稿",
        InspectionStatus.Active => "已下发",
        _ => "已结束",
    };

    public static string Label(InspectionAction a) => a == InspectionAction.Issue ? "下发" : "结束";
}

/// <summary>A unit the plan visits.</summary>
public sealed class InspectionTarget
{
    public required string PlanId { get; init; }
    public required string UnitId { get; init; }
}

/// <summary>A visitor of the plan: a staff account or an outside visitor's (暗访员) account.</summary>
public sealed class InspectionVisitor
{
    public required string PlanId { get; init; }
    public required string UserId { get; init; }
}

/// <summary>暗访记录表: one visit of one unit under a plan, filled on a phone; read-only once submitted.</summary>
public sealed class InspectionSheet
{
    public required string Id { get; init; }
    public required string PlanId { get; init; }
    public required string UnitId { get; init; }
    public DateTimeOffset? VisitedAt { get; private set; }
    public string? Place { get; private set; }
    public string? Findings { get; private set; }
    /// <summary>The clue made from the free findings text, if any.</summary>
    public string? FindingsClueId { get; private set; }
    public SheetStatus Status { get; private set; } = SheetStatus.Draft;
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? SubmittedBy { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static readonly StateMachine<SheetStatus, SheetAction> Table = new("inspection_sheet",
        new Dictionary<(SheetStatus, SheetAction), SheetStatus>
        {
            [(SheetStatus.Draft, SheetAction.Save)] = SheetStatus.Draft,
            [(SheetStatus.Draft, SheetAction.Submit)] = SheetStatus.Submitted,
        }, Label, Label);

    public void Fill(DateTimeOffset? visitedAt, string? place, string? findings, DateTimeOffset now)
    {
        Status = Table.Step(Status, SheetAction.Save);
        VisitedAt = visitedAt;
        Place = place;
        Findings = findings;
        UpdatedAt = now;
    }

    public void Submit(string by, DateTimeOffset now)
    {
        Status = Table.Step(Status, SheetAction.Submit);
        SubmittedBy = by;
        SubmittedAt = now;
        UpdatedAt = now;
    }

    public void FindingsBecame(string clueId, DateTimeOffset now)
    {
        FindingsClueId = clueId;
        UpdatedAt = now;
    }

    public static string Label(SheetStatus s) => s == SheetStatus.Draft ? "填写中" : "已提交";

    public static string Label(SheetAction a) => a == SheetAction.Save ? "保存" : "提交";

    public static string Label(MarkResult r) => r switch
    {
        MarkResult.Conforming => "符合",
        MarkResult.NonConforming => "不符合",
        _ => "未检查",
    };
}

/// <summary>One checklist line on a sheet, with the line's text as it stood when the sheet was made.</summary>
public sealed class InspectionMark
{
    public required string Id { get; init; }
    public required string SheetId { get; init; }
    public int Line { get; init; }
    public required string Item { get; init; }
    public MarkResult Result { get; set; }
    public string? Note { get; set; }
    public string? ClueId { get; set; }
}

internal sealed class MysteryInspectionConfiguration : IEntityTypeConfiguration<MysteryInspection>
{
    public void Configure(EntityTypeBuilder<MysteryInspection> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Number).HasMaxLength(32);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.Purpose).HasMaxLength(2000);
        b.Property(x => x.Checklist).HasMaxLength(4000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.CreatedBy).HasMaxLength(32);
        b.Ignore(x => x.Items);
        b.HasIndex(x => new { x.Status, x.StartsOn });
    }
}

internal sealed class InspectionTargetConfiguration : IEntityTypeConfiguration<InspectionTarget>
{
    public void Configure(EntityTypeBuilder<InspectionTarget> b)
    {
        b.HasKey(x => new { x.PlanId, x.UnitId });
        b.Property(x => x.PlanId).HasMaxLength(32);
        b.Property(x => x.UnitId).HasMaxLength(32);
        b.HasOne<MysteryInspection>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InspectionVisitorConfiguration : IEntityTypeConfiguration<InspectionVisitor>
{
    public void Configure(EntityTypeBuilder<InspectionVisitor> b)
    {
        b.HasKey(x => new { x.PlanId, x.UserId });
        b.Property(x => x.PlanId).HasMaxLength(32);
        b.Property(x => x.UserId).HasMaxLength(32);
        b.HasIndex(x => x.UserId);
        b.HasOne<MysteryInspection>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InspectionSheetConfiguration : IEntityTypeConfiguration<InspectionSheet>
{
    public void Configure(EntityTypeBuilder<InspectionSheet> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.PlanId).HasMaxLength(32);
        b.Property(x => x.UnitId).HasMaxLength(32);
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.Findings).HasMaxLength(5000);
        b.Property(x => x.FindingsClueId).HasMaxLength(32);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.CreatedBy).HasMaxLength(32);
        b.Property(x => x.SubmittedBy).HasMaxLength(32);
        b.HasIndex(x => new { x.PlanId, x.UnitId });
        b.HasOne<MysteryInspection>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InspectionMarkConfiguration : IEntityTypeConfiguration<InspectionMark>
{
    public void Configure(EntityTypeBuilder<InspectionMark> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.SheetId).HasMaxLength(32);
        b.Property(x => x.Item).HasMaxLength(200);
        b.Property(x => x.Result).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.ClueId).HasMaxLength(32);
        b.HasIndex(x => new { x.SheetId, x.Line }).IsUnique();
        b.HasOne<InspectionSheet>().WithMany().HasForeignKey(x => x.SheetId).OnDelete(DeleteBehavior.Cascade);
    }
}
