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
    {
        services.AddOptions<OutboxOptions>().BindConfiguration("Outbox").ValidateDataAnnotations().ValidateOnStart();
        return services.AddScoped<Notifier>().AddScoped<OutboxService>();
    }

    public static void MapNotifications(this IEndpointRouteBuilder app)
    {
        var inbox = app.MapGroup("/api/v1/notifications").RequireAuthorization().WithTags("消息");
        inbox.MapGet("/", List);
        inbox.MapPost("/{id}/read", MarkRead);
        // The SMS gateway signs in as an admin account; Open311 keys are for filing requests and do not open the outbox.
        var outbox = app.MapGroup("/api/v1/outbox").RequireAuthorization(Policies.Admin).WithTags("消息");
        outbox.MapGet("/", Outbox);
        outbox.MapPost("/ack", Ack);
        outbox.MapPost("/{id}/retry", async (string id, OutboxService service, CancellationToken ct)
            => TypedResults.Ok(OutboxMessageView.From(await service.RetryAsync(id, ct))));
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

    /// <summary>What a gateway would send, oldest first: unsent by default, or <c>status=sent|failed|all</c>, page by page.</summary>
    private static async Task<Ok<Page<OutboxMessageView>>> Outbox(string? status, int? page, int? pageSize, OutboxService service, CancellationToken ct)
    {
        var filter = WireEnum.ParseOptional<OutboxFilter>(status, "status") ?? OutboxFilter.Unsent;
        var result = await service.ListAsync(filter, page ?? 1, pageSize ?? 100, ct);
        return TypedResults.Ok(new Page<OutboxMessageView>([.. result.Items.Select(OutboxMessageView.From)], result.Total, result.PageNumber, result.PageSize));
    }

    private static async Task<Ok<OutboxAckResponse>> Ack(OutboxAckRequest request, OutboxService service, CancellationToken ct)
        => TypedResults.Ok(await service.AckAsync(request, ct));
}
