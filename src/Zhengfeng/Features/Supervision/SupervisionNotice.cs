using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;
using static Zhengfeng.Features.Supervision.NoticeAction;
using static Zhengfeng.Features.Supervision.NoticeStatus;

namespace Zhengfeng.Features.Supervision;

// 督办单 SupervisionNotice · 提醒 Reminder · 黄牌督办 Yellow · 红牌督办 Red · 约谈建议 Interview
// 回复 Reply · 审核 Judgement (认可 Accept / 退回重报 Reject) · 减负 Burden (what the system asks of a unit)

public enum NoticeLevel { Reminder, Yellow, Red, Interview }

public enum NoticeStatus { Issued, Replied, Accepted }

public enum NoticeAction { Reply, Accept, Reject }

/// <summary>Configurable rules of supervision notices (section "Supervision").</summary>
public sealed class SupervisionRules
{
    /// <summary>The unit replies within this many working days unless the supervisor sets another limit.</summary>
    [Range(1, 30)] public int ReplyWorkdays { get; set; } = 3;

    /// <summary>A red card on a unit that already had this many red notices in the window adds a 约谈建议 and a clue.</summary>
    [Range(1, 50)] public int InterviewAfterRedNotices { get; set; } = 3;

    [Range(1, 365)] public int InterviewWindowDays { get; set; } = 90;
}

/// <summary>
/// 督办单: a formal notice to a unit to act and reply by a date. Issued by a supervisor, or by the overdue ladder
/// (then <see cref="IssuedBy"/> is "system" and <see cref="CaseRound"/> is set, so the unique (case, round, level)
/// key keeps two sweeping instances from issuing it twice).
/// </summary>
public sealed class SupervisionNotice
{
    /// <summary>The notice's life as a table; a rejected reply sends the notice back to 待回复 for a new reply.</summary>
    public static readonly StateMachine<NoticeStatus, NoticeAction> Table = new("supervision",
        new Dictionary<(NoticeStatus, NoticeAction), NoticeStatus>
        {
            [(Issued, NoticeAction.Reply)] = Replied,
            [(Replied, NoticeAction.Accept)] = NoticeStatus.Accepted,
            [(Replied, NoticeAction.Reject)] = Issued,
        }, Label, Label);

    public const string SystemIssuer = "system";

    public required string Id { get; init; }
    public int Year { get; init; }
    public int Seq { get; private set; }
    /// <summary>督〔2026〕12号: sequential per year, assigned when the notice is saved.</summary>
    public string Number { get; private set; } = "";
    public required string UnitId { get; init; }
    public string? CaseId { get; init; }
    /// <summary>Only ladder notices carry the case's handling round; manual ones leave it null so they never collide.</summary>
    public int? CaseRound { get; init; }
    public string? RectificationId { get; init; }
    public string? ClueId { get; init; }
    /// <summary>The 专项整治 this record belongs to, if any.</summary>
    public string? CampaignId { get; private set; }
    /// <summary>The assignment (交办事项) the notice drives.</summary>
    public string? AssignmentId { get; init; }
    /// <summary>Ladder notices on an assignment carry the step (0: the due date, n: milestone n); the unique (assignment, step, level) key issues each once.</summary>
    public int? AssignmentStep { get; init; }
    public NoticeLevel Level { get; init; }
    public required string Reason { get; init; }
    public required string IssuedBy { get; init; }
    public required string IssuedByName { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public int ReplyWorkdays { get; init; }
    public DateTimeOffset ReplyDueAt { get; private set; }
    public string? ReplyDueWhy { get; private set; }
    public NoticeStatus Status { get; private set; } = Issued;
    public string? ReplyContent { get; private set; }
    public DateTimeOffset? RepliedAt { get; private set; }
    public string? RepliedBy { get; private set; }
    public int ReplyCount { get; private set; }
    public bool? Accepted { get; private set; }
    public string? JudgementNote { get; private set; }
    public string? JudgedBy { get; private set; }
    public DateTimeOffset? JudgedAt { get; private set; }
    public int RejectCount { get; private set; }
    public int Version { get; private set; }

    public bool IsSystem => IssuedBy == SystemIssuer;

    /// <summary>Puts the record under a campaign (专项整治); null leaves it as it is.</summary>
    public void JoinCampaign(string? campaignId)
    {
        if (!string.IsNullOrWhiteSpace(campaignId))
        {
            CampaignId = campaignId;
        }
    }

    /// <summary>The notice's 发文字号, taken when it is saved (again, if another issuer took the number first).</summary>
    public void AssignNumber(int seq)
    {
        Seq = seq;
        Number = FormatNumber(Year, seq);
    }

    /// <summary>The reply clock, started when the notice is issued (a rejected reply restarts it in <see cref="Reject"/>).</summary>
    public void StartReplyClock(Calendar.Deadline due)
    {
        if (ReplyDueAt != default)
        {
            throw new RuleException("supervision.clock_started", "督办单的回复时限已设定", StatusCodes.Status409Conflict);
        }
        SetDue(due);
    }

    /// <summary>The target unit's reply.</summary>
    public void Reply(string by, DateTimeOffset now, string content)
    {
        Status = Table.Step(Status, NoticeAction.Reply);
        Version++;
        ReplyCount++;
        RepliedAt = now;
        ReplyContent = content.Trim();
        RepliedBy = by;
    }

    /// <summary>认可: the supervisor accepts the reply and the notice is done.</summary>
    public void Accept(string by, DateTimeOffset now, string? note)
    {
        Status = Table.Step(Status, NoticeAction.Accept);
        Version++;
        Judge(true, note, by, now);
    }

    /// <summary>退回重报 with the reason; the unit replies again by <paramref name="newDue"/>.</summary>
    public void Reject(string by, DateTimeOffset now, string note, Calendar.Deadline newDue)
    {
        var next = Table.Step(Status, NoticeAction.Reject);
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new RuleException("supervision.note_required", "退回重报须写明审核意见", StatusCodes.Status400BadRequest);
        }
        Status = next;
        Version++;
        RejectCount++;
        Judge(false, note, by, now);
        SetDue(newDue);
    }

    private void SetDue(Calendar.Deadline due)
    {
        ReplyDueAt = due.DueAt;
        ReplyDueWhy = due.Explanation;
    }

    private void Judge(bool accepted, string? note, string by, DateTimeOffset at)
    {
        Accepted = accepted;
        JudgementNote = note?.Trim();
        JudgedBy = by;
        JudgedAt = at;
    }

    public bool IsOverdue(DateTimeOffset now) => Status == Issued && now > ReplyDueAt;

    /// <summary>GB/T 9704 发文字号 style: the year in 六角括号, the number unpadded.</summary>
    public static string FormatNumber(int year, int seq) => string.Create(CultureInfo.InvariantCulture, $"督〔{year}〕{seq}号");

    public static string Label(NoticeLevel l) => l switch
    {
        NoticeLevel.Reminder => "提醒",
        NoticeLevel.Yellow => "黄牌督办",
        NoticeLevel.Red => "红牌督办",
        _ => "约谈建议",
    };

    public static string Label(NoticeStatus s) => s switch
    {
        Issued => "待回复",
        Replied => "已回复待审核",
        _ => "已办结",
    };

    public static string Label(NoticeAction a) => a switch
    {
        NoticeAction.Reply => "回复",
        NoticeAction.Accept => "认可回复",
        _ => "退回重报",
    };
}

internal sealed class SupervisionNoticeConfiguration : IEntityTypeConfiguration<SupervisionNotice>
{
    public void Configure(EntityTypeBuilder<SupervisionNotice> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CampaignId);
        b.HasIndex(x => new { x.AssignmentId, x.AssignmentStep, x.Level }).IsUnique(); // NULL steps (manual notices) never collide
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Number).HasMaxLength(40);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.IssuedByName).HasMaxLength(100);
        b.Property(x => x.ReplyDueWhy).HasMaxLength(300);
        b.Property(x => x.ReplyContent).HasMaxLength(5000);
        b.Property(x => x.JudgementNote).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsSystem);
        b.HasIndex(x => new { x.Year, x.Seq }).IsUnique(); // two issuers at once cannot take the same number
        b.HasIndex(x => new { x.CaseId, x.CaseRound, x.Level }).IsUnique(); // NULL rounds (manual notices) never collide
        b.HasIndex(x => new { x.UnitId, x.IssuedAt });
        b.HasIndex(x => new { x.Status, x.ReplyDueAt });
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
