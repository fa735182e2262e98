using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;
using static Zhengfeng.Features.TypicalCases.TypicalCaseStatus;

namespace Zhengfeng.Features.TypicalCases;

// 典型案例 TypicalCase · 正面典型 Positive · 反面典型/曝光 Negative · 草稿 Draft · 待审核 PendingReview
// 已发布 Published · 已撤回 Withdrawn · 退回修改 Return · 来源记录 Source · 启示/警示 Lesson

public enum TypicalCaseKind { Positive, Negative }

public enum TypicalCaseStatus { Draft, PendingReview, Published, Withdrawn }

public enum TypicalCaseAction { Edit, Submit, Return, Publish, Withdraw }

/// <summary>The kinds of record a typical case may be drawn from.</summary>
public enum TypicalSourceType { Case, Accountability, Exemption, Notice, Rectification, Evaluation }

/// <summary>
/// A positive or negative example published from a real record. The drafter starts from the record's facts, a reviewer
/// other than the drafter publishes it, and what the public sees is the text frozen (and masked) at publication.
/// </summary>
public sealed class TypicalCase
{
    public static readonly StateMachine<TypicalCaseStatus, TypicalCaseAction> Workflow = new("typical",
        new Dictionary<(TypicalCaseStatus, TypicalCaseAction), TypicalCaseStatus>
        {
            [(Draft, TypicalCaseAction.Edit)] = Draft,                // only a draft's text may change
            [(Draft, TypicalCaseAction.Submit)] = PendingReview,
            [(PendingReview, TypicalCaseAction.Return)] = Draft,      // 退回修改
            [(PendingReview, TypicalCaseAction.Publish)] = Published,
            [(Published, TypicalCaseAction.Withdraw)] = Withdrawn,
        },
        Label, Label);

    public required string Id { get; init; }
    public TypicalCaseKind Kind { get; init; }
    public TypicalSourceType SourceType { get; init; }
    public required string SourceId { get; init; }
    public required string UnitId { get; init; }
    public string Title { get; private set; } = "";
    public string Facts { get; private set; } = "";
    public string Lesson { get; private set; } = "";
    public TypicalCaseStatus Status { get; private set; } = Draft;

    public required string DraftedBy { get; init; }
    public required string DraftedByName { get; init; }
    public DateTimeOffset DraftedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? ReviewedBy { get; private set; }
    public string? ReviewedByName { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReviewNote { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? WithdrawnBy { get; private set; }
    public string? WithdrawnByName { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawReason { get; private set; }

    /// <summary>The text the public list shows, fixed at publication with names masked where the rules ask for it.</summary>
    public string? PublicTitle { get; private set; }
    public string? PublicFacts { get; private set; }
    public string? PublicLesson { get; private set; }

    public int Version { get; private set; }

    /// <summary>修改草稿.</summary>
    public void Edit(string title, string facts, string lesson, DateTimeOffset at)
    {
        Step(TypicalCaseAction.Edit);
        Title = title;
        Facts = facts;
        Lesson = lesson;
        UpdatedAt = at;
    }

    /// <summary>提交审核.</summary>
    public void Submit(string by, DateTimeOffset at)
    {
        Step(TypicalCaseAction.Submit);
        SubmittedBy = by;
        SubmittedAt = at;
    }

    /// <summary>退回修改: back to the drafter as a draft, with the reviewer's note.</summary>
    public void Return(string by, string byName, DateTimeOffset at, string? note)
    {
        Step(TypicalCaseAction.Return);
        Reviewed(by, byName, at, note);
        PublishedAt = null;
    }

    /// <summary>发布: freezes the public text, passed through <paramref name="mask"/> (names and numbers hidden where the rules ask).</summary>
    public void Publish(string by, string byName, DateTimeOffset at, string? note, Func<string, string> mask)
    {
        Step(TypicalCaseAction.Publish);
        Reviewed(by, byName, at, note);
        PublishedAt = at;
        PublicTitle = mask(Title);
        PublicFacts = mask(Facts);
        PublicLesson = mask(Lesson);
    }

    /// <summary>撤回: the public list no longer shows it; the frozen text stays on record.</summary>
    public void Withdraw(string by, string byName, DateTimeOffset at, string reason)
    {
        Step(TypicalCaseAction.Withdraw);
        WithdrawnBy = by;
        WithdrawnByName = byName;
        WithdrawnAt = at;
        WithdrawReason = reason;
    }

    private void Reviewed(string by, string byName, DateTimeOffset at, string? note)
    {
        ReviewedBy = by;
        ReviewedByName = byName;
        ReviewedAt = at;
        ReviewNote = note;
    }

    private void Step(TypicalCaseAction action)
    {
        Status = Workflow.Step(Status, action);
        Version++;
    }

    public static string Label(TypicalCaseStatus s) => s switch
    {
        Draft => "草稿",
        PendingReview => "待审核",
        Published => "已发布",
        _ => "已撤回",
    };

    public static string Label(TypicalCaseAction a) => a switch
    {
        TypicalCaseAction.Edit => "修改",
        TypicalCaseAction.Submit => "提交审核",
        TypicalCaseAction.Return => "退回修改",
        TypicalCaseAction.Publish => "发布",
        _ => "撤回",
    };

    public static string Label(TypicalCaseKind k) => k == TypicalCaseKind.Positive ? "正面典型" : "反面典型（曝光）";

    public static string Label(TypicalSourceType t) => t switch
    {
        TypicalSourceType.Case => "诉求工单",
        TypicalSourceType.Accountability => "问责案件",
        TypicalSourceType.Exemption => "容错免责",
        TypicalSourceType.Notice => "督办单",
        TypicalSourceType.Rectification => "整改任务",
        _ => "评议结果",
    };

    /// <summary>The wire name of a kind, for the dashboard's figures.</summary>
}

internal sealed class TypicalCaseConfiguration : IEntityTypeConfiguration<TypicalCase>
{
    public void Configure(EntityTypeBuilder<TypicalCase> b)
    {
        b.ToTable("TypicalCases");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SourceType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SourceId).HasMaxLength(32);
        b.Property(x => x.UnitId).HasMaxLength(32);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Facts).HasMaxLength(5000);
        b.Property(x => x.Lesson).HasMaxLength(2000);
        b.Property(x => x.PublicTitle).HasMaxLength(200);
        b.Property(x => x.PublicFacts).HasMaxLength(5000);
        b.Property(x => x.PublicLesson).HasMaxLength(2000);
        b.Property(x => x.ReviewNote).HasMaxLength(2000);
        b.Property(x => x.WithdrawReason).HasMaxLength(2000);
        b.Property(x => x.DraftedBy).HasMaxLength(32);
        b.Property(x => x.DraftedByName).HasMaxLength(100);
        b.Property(x => x.SubmittedBy).HasMaxLength(32);
        b.Property(x => x.ReviewedBy).HasMaxLength(32);
        b.Property(x => x.ReviewedByName).HasMaxLength(100);
        b.Property(x => x.WithdrawnBy).HasMaxLength(32);
        b.Property(x => x.WithdrawnByName).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Status, x.PublishedAt });
        b.HasIndex(x => new { x.SourceType, x.SourceId });
        b.HasIndex(x => x.UnitId);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
