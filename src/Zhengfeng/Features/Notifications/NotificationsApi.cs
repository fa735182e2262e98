using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Notifications;

public static class NotificationsApi
{
    public sealed record NotificationView(string Id, string Kind, string KindLabel, string Text, string? CaseId, DateTimeOffset CreatedAt, bool Read);

    public static IServiceCollection AddNotifications(this IServiceCollection services)
        => services.AddScoped<Notifier>();

    public static void MapNotifications(this IEndpointRouteBuilder app)
    {
        var inbox = app.MapGroup("/api/v1/notifications").RequireAuthorization().WithTags("消息");
        inbox.MapGet("/", List);
        inbox.MapPost("/{id}/read", MarkRead);
        app.MapGet("/api/v1/outbox", Outbox).RequireAuthorization(Policies.Admin).WithTags("消息");
    }

    /// <summary>The messages of the user's unit, unread first.</summary>
    private static async Task<Ok<Page<NotificationView>>> List(bool? unread, int? page, int? pageSize, AppDb db, CurrentUser user, CancellationToken ct)
    {
        var (p, size) = Paging.Check(page ?? 1, pageSize ?? 50);
        var q = db.Set<Notification>().AsNoTracking().Where(n => n.UnitId == user.UnitId);
        if (unread == true)
        {
            q = q.Where(n => n.ReadAt == null);
        }
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(n => n.ReadAt != null).ThenByDescending(n => n.CreatedAt).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Page<NotificationView>(
            items.Select(n => new NotificationView(n.Id, n.Kind, Notifier.KindLabel(n.Kind), n.Text, n.CaseId, n.CreatedAt, n.ReadAt != null)).ToList(),
            total, p, size));
    }

    private static async Task<NoContent> MarkRead(string id, AppDb db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var n = await db.Set<Notification>().FirstOrDefaultAsync(x => x.Id == id && x.UnitId == user.UnitId, ct) ?? throw new NotFoundException("消息");
        if (n.ReadAt is null)
        {
            n.ReadAt = clock.GetUtcNow();
            n.ReadBy = user.Id;
            db.PendingAction = "notification.read";
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.NoContent();
    }

    /// <summary>What a gateway would send, oldest unsent first.</summary>
    private static async Task<Ok<List<OutboxMessage>>> Outbox(AppDb db, CancellationToken ct)
        => TypedResults.Ok(await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.SentAt == null).OrderBy(m => m.CreatedAt).Take(500).ToListAsync(ct));
}
