using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Notifications;

/// <summary>Outbox rules (section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>Failed deliveries after which a message stays failed until an admin retries it.</summary>
    [Range(1, 100)] public int MaxAttempts { get; set; } = 5;
}

/// <summary>Which messages a list shows: <c>unsent</c> (the gateway's queue, the default), <c>sent</c>, <c>failed</c> or <c>all</c>.</summary>
public enum OutboxFilter
{
    Unsent,
    Sent,
    Failed,
    All,
}

/// <summary>What the gateway reports for one message.</summary>
public enum OutboxResult
{
    Sent,
    Failed,
}

public sealed record OutboxAckItem
{
    [Required(ErrorMessage = "请填写消息编号 id")]
    [StringLength(64, ErrorMessage = "消息编号 id 过长")]
    public required string Id { get; init; }

    public required OutboxResult Result { get; init; }

    [StringLength(OutboxMessage.MaxErrorLength, ErrorMessage = "失败原因 error 不能超过200字")]
    public string? Error { get; init; }
}

public sealed record OutboxAckRequest
{
    public const int MaxItems = 500;

    [Required(ErrorMessage = "请填写回执列表 items")]
    [Length(1, MaxItems, ErrorMessage = "回执列表 items 应有1至500条")]
    public required List<OutboxAckItem> Items { get; init; }
}

/// <summary>Per id: <c>sent</c>, <c>unsent</c> (failed, will be retried) or <c>failed</c> (gave up) after the ack.</summary>
public sealed record OutboxAckOutcome(string Id, OutboxStatus Status, int Attempts);

public sealed record OutboxAckResponse(IReadOnlyList<OutboxAckOutcome> Items, IReadOnlyList<string> Unknown);

public sealed record OutboxMessageView(string Id, string Channel, string Recipient, string Text, DateTimeOffset CreatedAt, OutboxStatus Status,
    DateTimeOffset? SentAt, int Attempts, DateTimeOffset? LastAttemptAt, string? LastError, DateTimeOffset? FailedAt)
{
    public static OutboxMessageView From(OutboxMessage m)
        => new(m.Id, m.Channel, m.Recipient, m.Text, m.CreatedAt, m.Status, m.SentAt, m.Attempts, m.LastAttemptAt, m.LastError, m.FailedAt);
}

/// <summary>The gateway's queue and its acknowledgements; every change is saved through the audit log.</summary>
public sealed class OutboxService(AppDb db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<OutboxOptions> options)
{
    public static string Label(OutboxStatus status) => status switch
    {
        OutboxStatus.Sent => "已发送",
        OutboxStatus.Failed => "发送失败",
        _ => "待发送",
    };

    /// <summary>Oldest first, so that the gateway sends in the order the messages were queued.</summary>
    public IQueryable<OutboxMessage> Query(OutboxFilter filter)
    {
        var q = db.Set<OutboxMessage>().AsNoTracking();
        q = filter switch
        {
            OutboxFilter.Unsent => q.Where(m => m.SentAt == null && m.FailedAt == null),
            OutboxFilter.Sent => q.Where(m => m.SentAt != null),
            OutboxFilter.Failed => q.Where(m => m.SentAt == null && m.FailedAt != null),
            _ => q,
        };
        return q.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id);
    }

    public async Task<Page<OutboxMessage>> ListAsync(OutboxFilter filter, int page, int pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Check(page, pageSize);
        var q = Query(filter);
        var total = await q.CountAsync(ct);
        var items = await q.Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new Page<OutboxMessage>(items, total, p, size);
    }

    /// <summary>
    /// Records what the gateway did. Acknowledging twice changes nothing the second time; ids that name no message are
    /// reported back, not refused, so that one stale id does not block the rest of the batch.
    /// </summary>
    public async Task<OutboxAckResponse> AckAsync(OutboxAckRequest request, CancellationToken ct)
    {
        if (request.Items is not { Count: > 0 and <= OutboxAckRequest.MaxItems })
        {
            throw new RuleException("bad_value", $"字段“items”：回执列表应有1至{OutboxAckRequest.MaxItems}条", StatusCodes.Status400BadRequest);
        }
        foreach (var item in request.Items)
        {
            if (string.IsNullOrWhiteSpace(item.Id))
            {
                throw new RuleException("bad_value", "字段“items”：每条回执都要有消息编号 id", StatusCodes.Status400BadRequest);
            }
            if (item.Error?.Length > OutboxMessage.MaxErrorLength)
            {
                throw new RuleException("bad_value", $"字段“error”：失败原因不能超过{OutboxMessage.MaxErrorLength}字", StatusCodes.Status400BadRequest);
            }
        }
        var ids = request.Items.Select(i => i.Id.Trim()).Distinct().ToList();
        var messages = await db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var now = clock.GetUtcNow();
        var max = options.Value.MaxAttempts;
        foreach (var item in request.Items)
        {
            if (messages.TryGetValue(item.Id.Trim(), out var m))
            {
                _ = item.Result == OutboxResult.Sent ? m.MarkSent(now) : m.MarkFailed(item.Error, now, max);
            }
        }
        db.PendingAction = "outbox.ack";
        await db.SaveChangesAsync(ct);
        return new OutboxAckResponse(
            [.. ids.Where(messages.ContainsKey).Select(id => new OutboxAckOutcome(id, messages[id].Status, messages[id].Attempts))],
            [.. ids.Where(id => !messages.ContainsKey(id))]);
    }

    /// <summary>An admin puts a failed message back in the queue.</summary>
    public async Task<OutboxMessage> RetryAsync(string id, CancellationToken ct)
    {
        var m = await db.Set<OutboxMessage>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("待发消息");
        m.Retry();
        db.PendingAction = "outbox.retry";
        await db.SaveChangesAsync(ct);
        return m;
    }

    /// <summary>An admin records a message as sent (delivered by other means, or the gateway's receipt was lost).</summary>
    public async Task<OutboxMessage> MarkSentAsync(string id, CancellationToken ct)
    {
        var m = await db.Set<OutboxMessage>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("待发消息");
        if (m.MarkSent(clock.GetUtcNow()))
        {
            db.PendingAction = "outbox.mark-sent";
            await db.SaveChangesAsync(ct);
        }
        return m;
    }
}
