using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Rectification;

public sealed record RectificationView(string Id, string ClueId, string UnitId, string Measures, string Type, string TypeLabel, DateOnly DueDate,
    string? ResponsiblePersonId, string Status, string StatusLabel, string? RootCause, int ReportCount, int FailedVerifications,
    string? LastVerificationNote, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, DateOnly? FollowUpDue, string? PaperFlag, int RelapseCount, string? RelapseNote, bool Overdue)
{
    public static RectificationView From(RectificationItem i, DateOnly today) => new(i.Id, i.ClueId, i.UnitId, i.Measures,
        i.Type.ToString().ToLowerInvariant(), RectificationItem.Label(i.Type), i.DueDate, i.ResponsiblePersonId,
        i.Status.ToString().ToLowerInvariant(), RectificationItem.Label(i.Status), i.RootCause, i.ReportCount, i.FailedVerifications,
        i.LastVerificationNote, i.CreatedAt, i.ClosedAt, i.FollowUpDue, i.PaperFlag, i.RelapseCount, i.RelapseNote,
        i.Status is RectificationStatus.Open or RectificationStatus.Reported && i.DueDate < today);
}

public static class RectificationsApi
{
    public static void MapRectifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/rectifications").RequireAuthorization().WithTags("整改台账");
        group.MapPost("/", Create).RequireAuthorization(Policies.Supervise);
        group.MapGet("/", Search);
        group.MapGet("/{id}", async (string id, RectificationWorkflow flow, TimeProvider clock, CancellationToken ct)
            => TypedResults.Ok(RectificationView.From(await flow.LoadAsync(id, ct), clock.GetUtcNow().CstDate())));
        group.MapGet("/{id}/progress", Progress);
        group.MapPost("/{id}/progress", (string id, ProgressRequest r, RectificationWorkflow flow, TimeProvider clock, CancellationToken ct) => Run(flow.ReportAsync(id, r, ct), clock));
        group.MapPost("/{id}/verification", (string id, VerifyRectificationRequest r, RectificationWorkflow flow, TimeProvider clock, CancellationToken ct) => Run(flow.VerifyAsync(id, r, ct), clock));
        group.MapPost("/{id}/close", (string id, RectificationWorkflow flow, TimeProvider clock, CancellationToken ct) => Run(flow.CloseAsync(id, ct), clock));
        group.MapPost("/{id}/follow-up", (string id, VerifyRectificationRequest r, RectificationWorkflow flow, TimeProvider clock, CancellationToken ct) => Run(flow.FollowUpAsync(id, r, ct), clock));
    }

    private static async Task<Ok<RectificationView>> Run(Task<RectificationItem> action, TimeProvider clock)
        => TypedResults.Ok(RectificationView.From(await action, clock.GetUtcNow().CstDate()));

    private static async Task<Created<RectificationView>> Create(CreateRectificationRequest r, RectificationWorkflow flow, TimeProvider clock, CancellationToken ct)
    {
        var item = await flow.CreateAsync(r, ct);
        return TypedResults.Created($"/api/v1/rectifications/{item.Id}", RectificationView.From(item, clock.GetUtcNow().CstDate()));
    }

    private static async Task<Ok<List<ProgressReport>>> Progress(string id, RectificationWorkflow flow, AppDb db, CancellationToken ct)
    {
        await flow.LoadAsync(id, ct);
        return TypedResults.Ok(await db.Set<ProgressReport>().AsNoTracking().Where(p => p.RectificationId == id).OrderBy(p => p.At).ToListAsync(ct));
    }

    private static async Task<Ok<Page<RectificationView>>> Search(string? status, string? unitId, bool? overdue, bool? relapsed, int? page, int? pageSize,
        AppDb db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var p = Math.Max(1, page ?? 1);
        var size = Math.Clamp(pageSize ?? 20, 1, 200);
        var today = clock.GetUtcNow().CstDate();
        var q = await QueryAsync(status, unitId, overdue, relapsed, today, db, user, ct);
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(i => i.DueDate).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Page<RectificationView>(items.Select(i => RectificationView.From(i, today)).ToList(), total, p, size));
    }

    /// <summary>The ledger lines the filter selects within the user's unit scope, unordered.</summary>
    public static async Task<IQueryable<RectificationItem>> QueryAsync(string? status, string? unitId, bool? overdue, bool? relapsed, DateOnly today,
        AppDb db, CurrentUser user, CancellationToken ct)
    {
        var q = db.Set<RectificationItem>().AsNoTracking();
        var visible = await user.VisibleUnitsAsync(ct);
        if (visible is not null)
        {
            var ids = visible.ToList();
            q = q.Where(i => ids.Contains(i.UnitId));
        }
        if (Enum.TryParse<RectificationStatus>(status, true, out var s))
        {
            q = q.Where(i => i.Status == s);
        }
        if (!string.IsNullOrWhiteSpace(unitId))
        {
            q = q.Where(i => i.UnitId == unitId);
        }
        if (overdue == true)
        {
            q = q.Where(i => (i.Status == RectificationStatus.Open || i.Status == RectificationStatus.Reported) && i.DueDate < today);
        }
        if (relapsed == true)
        {
            q = q.Where(i => i.RelapseCount > 0);
        }
        return q;
    }
}
