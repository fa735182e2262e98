using Zhengfeng.Data;
using Zhengfeng.Features.Figures;
using Zhengfeng.Jobs;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Operations;

/// <summary>One background job's lease: which instance runs it, since when, and until when unless renewed.</summary>
public sealed record JobView(string Job, string Name, string Holder, bool ThisInstance, DateTimeOffset Since, DateTimeOffset Until, bool Expired);

/// <summary>The read replica as this instance last saw it (null fields when none is configured).</summary>
public sealed record ReplicaView(bool Configured, bool Usable, double? LagSeconds, double? MaxLagSeconds, DateTimeOffset? CheckedAt, string? Problem);

/// <summary>运行状态: this instance, its database, the read replica and who runs each background job.</summary>
public sealed record OperationsStatus(string Instance, string Database, ReplicaView Replica, IReadOnlyList<JobView> Jobs)
{
    public static readonly IReadOnlyDictionary<string, string> JobNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["overdue-sweep"] = "超期预警与黄红牌",
        ["assignment-sweep"] = "交办事项督办提醒",
        ["report-reminders"] = "定期报送提醒",
        ["daily-digest"] = "每日待办消息",
        ["database-optimize"] = "数据库统计信息更新",
        ["figure-compaction"] = "统计数归并",
    };

    public static async Task<OperationsStatus> ReadAsync(AppDb db, JobLeases leases, TimeProvider clock, ReplicaReads? replica, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var jobs = (await leases.ListAsync(ct)).Select(l => new JobView(l.Job, JobNames.GetValueOrDefault(l.Job, l.Job), l.Holder, l.Holder == leases.Holder,
            l.Since, l.Until, l.Until < now)).ToList();
        var state = replica?.State;
        var replicaView = replica is null
            ? new ReplicaView(false, false, null, null, null, null)
            : new ReplicaView(true, state!.Usable, state.LagSeconds, replica.MaxLag.TotalSeconds, state.CheckedAt,
                state.Problem);
        return new OperationsStatus(leases.Holder, db.IsPostgres ? "PostgreSQL" : "SQLite", replicaView, jobs);
    }
}

public static class OperationsApi
{
    public static void MapOperations(this IEndpointRouteBuilder app)
    {
        var ops = app.MapGroup("/api/v1/operations").RequireAuthorization(Policies.Admin).WithTags("运行状态");
        ops.MapGet("/status", async (AppDb db, JobLeases leases, TimeProvider clock, IServiceProvider services, CancellationToken ct)
            => TypedResults.Ok(await OperationsStatus.ReadAsync(db, leases, clock, services.GetService<ReplicaReads>(), ct)));
        // The running counts behind the dashboard and the ranking: compare with a recount of the records, or rebuild from them.
        ops.MapPost("/figures/check", async (AppDb db, CancellationToken ct) => TypedResults.Ok(await FigureRecount.CheckAsync(db, ct)));
        ops.MapPost("/figures/rebuild", async (AppDb db, CancellationToken ct) => TypedResults.Ok(await FigureRecount.RebuildAsync(db, ct)));
    }
}
