using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Notifications;

/// <summary>
/// 消息提醒: what the bell counts and the messages page lists — the messages of the user's unit, and those for the user in
/// person (a case given to them, their daily digest); never another person's.
/// </summary>
public sealed class NotificationInbox(AppDb db, CurrentUser user, TimeProvider clock)
{
    private IQueryable<Notification> Mine()
    {
        var (unitId, userId) = (user.UnitId, user.Id);
        return db.Set<Notification>().Where(n => n.UnitId == unitId && (n.UserId == null || n.UserId == userId));
    }

    public Task<int> UnreadCountAsync(CancellationToken ct) => Mine().CountAsync(n => n.ReadAt == null, ct);

    /// <summary>Unread first, newest first.</summary>
    public async Task<Page<Notification>> ListAsync(bool unreadOnly, int page, int pageSize, CancellationToken ct)
    {
        (page, pageSize) = Paging.Check(page, pageSize);
        var q = Mine().AsNoTracking();
        if (unreadOnly)
        {
            q = q.Where(n => n.ReadAt == null);
        }
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(n => n.ReadAt != null).ThenByDescending(n => n.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<Notification>(items, total, page, pageSize);
    }

    public async Task<Notification> MarkReadAsync(string id, CancellationToken ct)
    {
        var n = await Mine().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("消息");
        if (n.ReadAt is null)
        {
            n.ReadAt = clock.GetUtcNow();
            n.ReadBy = user.Id;
            db.PendingAction = "notification.read";
            await db.SaveChangesAsync(ct);
        }
        return n;
    }

    /// <summary>全部标为已读: returns how many were unread.</summary>
    public async Task<int> MarkAllReadAsync(CancellationToken ct)
    {
        var unread = await Mine().Where(n => n.ReadAt == null).Take(1000).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var n in unread)
        {
            n.ReadAt = now;
            n.ReadBy = user.Id;
        }
        if (unread.Count > 0)
        {
            db.PendingAction = "notification.read-all";
            await db.SaveChangesAsync(ct);
        }
        return unread.Count;
    }
}
