using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Notifications;

/// <summary>A message in a unit's in-app inbox (every account of the unit sees it).</summary>
public sealed class Notification
{
    public required string Id { get; init; }
    public required string UnitId { get; init; }
    /// <summary>A message for one person of the unit (a case given to them, their daily digest); null for the whole unit.</summary>
    public string? UserId { get; init; }
    /// <summary>Makes a scheduled message idempotent, e.g. "digest:{user}:{day}".</summary>
    public string? Key { get; init; }
    public required string Kind { get; init; }
    public required string Text { get; init; }
    public string? CaseId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }
    public string? ReadBy { get; set; }
}

/// <summary>
/// A message for an SMS or e-mail gateway to pick up; the product itself sends nothing. The gateway acknowledges each
/// message: sent, or failed with a short reason. A failed message goes back to the queue until it has failed
/// <c>Outbox:MaxAttempts</c> times; then it stays failed until an admin retries it.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxErrorLength = 200;

    public required string Id { get; init; }
    public required string Channel { get; init; }
    /// <summary>Whom to reach: "unit:{id}" (the gateway resolves the unit's duty phone) or an address.</summary>
    public required string Recipient { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; private set; }
    /// <summary>Failed deliveries since the message was queued (or last retried by an admin).</summary>
    public int Attempts { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>Set when the gateway gave up: the message has failed as often as allowed.</summary>
    public DateTimeOffset? FailedAt { get; private set; }

    public OutboxStatus Status => SentAt is not null ? OutboxStatus.Sent : FailedAt is not null ? OutboxStatus.Failed : OutboxStatus.Unsent;

    /// <summary>Idempotent: a message already sent stays as it was.</summary>
    public bool MarkSent(DateTimeOffset now)
    {
        if (SentAt is not null)
        {
            return false;
        }
        SentAt = now;
        LastAttemptAt = now;
        FailedAt = null;
        return true;
    }

    /// <summary>One failed delivery; at <paramref name="maxAttempts"/> failures the message leaves the queue as failed.</summary>
    public bool MarkFailed(string? error, DateTimeOffset now, int maxAttempts)
    {
        if (SentAt is not null || FailedAt is not null)
        {
            return false; // a late or repeated failure report does not undo a delivery nor count twice after giving up
        }
        Attempts++;
        LastAttemptAt = now;
        LastError = string.IsNullOrWhiteSpace(error) ? null : error.Trim()[..Math.Min(error.Trim().Length, MaxErrorLength)];
        if (Attempts >= maxAttempts)
        {
            FailedAt = now;
        }
        return true;
    }

    /// <summary>An admin puts a failed message back in the queue with a fresh count of attempts.</summary>
    public void Retry()
    {
        if (Status != OutboxStatus.Failed)
        {
            throw new RuleException("outbox.not_failed", "只有发送失败的消息可以重发", StatusCodes.Status409Conflict);
        }
        FailedAt = null;
        Attempts = 0;
    }
}

public enum OutboxStatus
{
    Unsent,
    Sent,
    Failed,
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.Text).HasMaxLength(500);
        b.Property(x => x.UserId).HasMaxLength(32);
        b.Property(x => x.Key).HasMaxLength(100);
        b.HasIndex(x => new { x.UnitId, x.ReadAt, x.CreatedAt });
        b.HasIndex(x => x.Key).IsUnique();
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Channel).HasMaxLength(20);
        b.Property(x => x.Recipient).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(500);
        b.Property(x => x.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
        b.Ignore(x => x.Status);
        b.HasIndex(x => new { x.SentAt, x.CreatedAt });
        b.HasIndex(x => new { x.FailedAt, x.CreatedAt });
    }
}

/// <summary>Adds inbox and outbox rows to the current unit of work; they are saved with the change that caused them.</summary>
public sealed class Notifier(AppDb db, TimeProvider clock)
{
    /// <param name="userId">One person of the unit (their bell and their phone); null for the whole unit.</param>
    /// <param name="key">Makes a scheduled message idempotent: a second message with the same key is not written.</param>
    public void Notify(string unitId, string kind, string text, string? caseId, string? userId = null, string? key = null)
    {
        var now = clock.GetUtcNow();
        db.Set<Notification>().Add(new Notification { Id = Ids.New(), UnitId = unitId, UserId = userId, Key = key, Kind = kind, Text = text, CaseId = caseId, CreatedAt = now });
        var recipient = userId is null ? "unit:" + unitId : "user:" + userId;
        db.Set<OutboxMessage>().Add(new OutboxMessage { Id = Ids.New(), Channel = "sms", Recipient = recipient, Text = "【正风】" + text, CreatedAt = now });
    }

    public static string KindLabel(string kind) => kind switch
    {
        "dispatch" => "新派单",
        "warning" => "即将超期",
        "overdue" => "已超期",
        "rating" => "收到评价",
        "return" => "退单裁定",
        "extension" => "延期审批",
        "supervision" => "督办单",
        "assist" => "协办",
        "task" => "交办事项",
        "report" => "报送提醒",
        "assign" => "交我办理",
        "digest" => "每日待办",
        _ => "通知",
    };
}
