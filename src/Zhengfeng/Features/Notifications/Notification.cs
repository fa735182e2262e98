using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Data;

namespace Zhengfeng.Features.Notifications;

/// <summary>A message in a unit's in-app inbox (every account of the unit sees it).</summary>
public sealed class Notification
{
    public required string Id { get; init; }
    public required string UnitId { get; init; }
    public required string Kind { get; init; }
    public required string Text { get; init; }
    public string? CaseId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }
    public string? ReadBy { get; set; }
}

/// <summary>A message for an SMS or e-mail gateway to pick up; the product itself sends nothing.</summary>
public sealed class OutboxMessage
{
    public required string Id { get; init; }
    public required string Channel { get; init; }
    /// <summary>Whom to reach: "unit:{id}" (the gateway resolves the unit's duty phone) or an address.</summary>
    public required string Recipient { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.Text).HasMaxLength(500);
        b.HasIndex(x => new { x.UnitId, x.ReadAt, x.CreatedAt });
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
        b.HasIndex(x => new { x.SentAt, x.CreatedAt });
    }
}

/// <summary>Adds inbox and outbox rows to the current unit of work; they are saved with the change that caused them.</summary>
public sealed class Notifier(AppDb db, TimeProvider clock)
{
    public void Notify(string unitId, string kind, string text, string? caseId)
    {
        var now = clock.GetUtcNow();
        db.Set<Notification>().Add(new Notification { Id = Ids.New(), UnitId = unitId, Kind = kind, Text = text, CaseId = caseId, CreatedAt = now });
        db.Set<OutboxMessage>().Add(new OutboxMessage { Id = Ids.New(), Channel = "sms", Recipient = "unit:" + unitId, Text = "【正风】" + text, CreatedAt = now });
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
        _ => "通知",
    };
}
