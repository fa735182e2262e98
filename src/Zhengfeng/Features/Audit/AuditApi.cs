using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Audit;

public static class AuditApi
{
    public sealed record AuditView(long Seq, DateTimeOffset At, string ActorId, string ActorName, string Action, string EntityType, string EntityId, string? Before, string? After, string Hash);

    public static IServiceCollection AddAudit(this IServiceCollection services)
        => services.AddScoped<AuditActor>();

    public static void MapAudit(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").RequireAuthorization(Policies.Admin).WithTags("审计");
        audit.MapGet("/verify", async (AppDb db, CancellationToken ct) => TypedResults.Ok(await AuditVerifier.VerifyAsync(db, ct)));
        audit.MapGet("/", Search);
    }

    private static async Task<Ok<Page<AuditView>>> Search(string? entityType, string? entityId, string? actorId, string? action, int? page, int? pageSize, AppDb db, CancellationToken ct)
    {
        var (items, total, p, size) = await SearchAsync(db, new(entityType, entityId, actorId, action), page ?? 1, pageSize ?? 50, ct);
        return TypedResults.Ok(new Page<AuditView>(
            items.Select(e => new AuditView(e.Seq, e.At, e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Before, e.After, e.Hash)).ToList(),
            total, p, size));
    }

    public sealed record Filter(string? EntityType, string? EntityId, string? ActorId, string? Action);

    public static async Task<(List<AuditEntry> Items, int Total, int Page, int PageSize)> SearchAsync(AppDb db, Filter f, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.EntityType))
        {
            q = q.Where(e => e.EntityType == f.EntityType);
        }
        if (!string.IsNullOrWhiteSpace(f.EntityId))
        {
            q = q.Where(e => e.EntityId == f.EntityId);
        }
        if (!string.IsNullOrWhiteSpace(f.ActorId))
        {
            q = q.Where(e => e.ActorId == f.ActorId);
        }
        if (!string.IsNullOrWhiteSpace(f.Action))
        {
            q = q.Where(e => e.Action.StartsWith(f.Action));
        }
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(e => e.Seq).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total, page, pageSize);
    }
}
