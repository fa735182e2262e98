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
        return services.AddScoped<Notifier>().AddScoped<NotificationInbox>().AddScoped<OutboxService>();
    }

    public static void MapNotifications(this IEndpointRouteBuilder app)
    {
        var inbox = app.MapGroup("/api/v1/notifications").RequireAuthorization().WithTags("消息");
        inbox.MapGet("/", List);
        inbox.MapPost("/{id}/read", MarkRead);
        inbox.MapPost("/read-all", async (NotificationInbox mine, CancellationToken ct) => TypedResults.Ok(new { marked = await mine.MarkAllReadAsync(ct) }));
        // The SMS gateway signs in as an admin account; Open311 keys are for filing requests and do not open the outbox.
        var outbox = app.MapGroup("/api/v1/outbox").RequireAuthorization(Policies.Admin).WithTags("消息");
        outbox.MapGet("/", Outbox);
        outbox.MapPost("/ack", Ack);
        outbox.MapPost("/{id}/retry", async (string id, OutboxService service, CancellationToken ct)
            => TypedResults.Ok(OutboxMessageView.From(await service.RetryAsync(id, ct))));
    }

    /// <summary>The messages of the user's unit and those for the user in person, unread first.</summary>
    private static async Task<Ok<Page<NotificationView>>> List(bool? unread, int? page, int? pageSize, NotificationInbox inbox, CancellationToken ct)
    {
        var found = await inbox.ListAsync(unread == true, page ?? 1, pageSize ?? 50, ct);
        return TypedResults.Ok(new Page<NotificationView>(found.Items.Select(View).ToList(), found.Total, found.PageNumber, found.PageSize));
    }

    public static NotificationView View(Notification n) => new(n.Id, n.Kind, Notifier.KindLabel(n.Kind), n.Text, n.CaseId, n.CreatedAt, n.ReadAt != null);

    private static async Task<NoContent> MarkRead(string id, NotificationInbox inbox, CancellationToken ct)
    {
        await inbox.MarkReadAsync(id, ct);
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
