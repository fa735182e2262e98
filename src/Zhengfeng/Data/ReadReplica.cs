using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Zhengfeng.Features.Audit;

namespace Zhengfeng.Data;

/// <summary>Where a page's figures were read: the primary, or the replica with how far behind it may be.</summary>
/// <param name="From">"primary" or "replica".</param>
/// <param name="StaleSeconds">At most this many seconds behind the primary (replica), or null (primary).</param>
/// <param name="Note">What the page says about it in Chinese, or null when no replica is configured.</param>
public sealed record ReadSource(string From, double? StaleSeconds, string? Note)
{
    public static readonly ReadSource Primary = new("primary", null, null);
}

/// <summary>The replica's state at the last check.</summary>
/// <param name="Usable">Reachable, in recovery, and no further behind than the bound.</param>
/// <param name="LagSeconds">How far its replay was behind the primary's WAL at the check (0 when it had caught up).</param>
/// <param name="CheckedAt">When the check was made (the app's clock).</param>
/// <param name="Problem">Why it is not used, in Chinese, or null.</param>
public sealed record ReplicaState(bool Usable, double? LagSeconds, DateTimeOffset CheckedAt, string? Problem);

/// <summary>
/// A PostgreSQL streaming replica for the heavy reads (dashboard, rankings and their exports), given by
/// <c>Database:ReadReplica</c>. Every <c>Database:ReplicaCheckSeconds</c> (5) the app reads the primary's WAL position and then the
/// replica's replay position: a replica that has replayed past it was at most the check's age behind; one that has not is behind
/// by the time since its last replayed transaction. Reads go to the replica only while that is within
/// <c>Database:ReplicaMaxLagSeconds</c> (30); otherwise, and when it cannot be reached, they go to the primary, and the page says so.
/// Contexts on the replica refuse to save, so no write can go there.
/// </summary>
public sealed class ReplicaReads : IDisposable
{
    private readonly string _primary;
    private readonly PooledDbContextFactory<PostgresAppDb> _contexts;
    private readonly TimeProvider _clock;
    private readonly ILogger<ReplicaReads> _log;
    private readonly SemaphoreSlim _checking = new(1, 1);

    /// <summary>PostgreSQL's WAL page size as built by default (XLOG_BLCKSZ).</summary>
    private const double WalPage = 8192;

    public ReplicaReads(string primary, string replica, IConfiguration config, TimeProvider clock, ILogger<ReplicaReads> log)
    {
        _primary = primary;
        _clock = clock;
        _log = log;
        MaxLag = TimeSpan.FromSeconds(Seconds(config, "Database:ReplicaMaxLagSeconds", 30));
        CheckEvery = TimeSpan.FromSeconds(Seconds(config, "Database:ReplicaCheckSeconds", 5));
        var options = new DbContextOptionsBuilder<PostgresAppDb>().UseNpgsql(replica).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options;
        _contexts = new PooledDbContextFactory<PostgresAppDb>(options);
        State = new ReplicaState(false, null, clock.GetUtcNow(), "尚未检查只读副本");
    }

    public TimeSpan MaxLag { get; }
    public TimeSpan CheckEvery { get; }
    public ReplicaState State { get; private set; }

    public void Dispose() => _checking.Dispose();

    /// <summary>A context on the replica for one request; it refuses to save.</summary>
    internal AppDb CreateContext(AuditActor actor, TimeProvider clock)
    {
        var db = _contexts.CreateDbContext().Lease(actor, clock);
        db.OnReplica = true;
        return db;
    }

    /// <summary>Where a read made now goes, and what the page says about it.</summary>
    public ReadSource Source()
    {
        var state = State;
        if (!state.Usable)
        {
            return new ReadSource("primary", null, $"只读副本暂不可用（{state.Problem}），本页数据直接取自主库");
        }
        // The bound holds between checks too: the lag seen at the last check plus the time since.
        var stale = Math.Ceiling((state.LagSeconds ?? 0) + Math.Max(0, (_clock.GetUtcNow() - state.CheckedAt).TotalSeconds));
        return stale <= MaxLag.TotalSeconds
            ? new ReadSource("replica", stale, $"本页数据取自只读副本，至多滞后约 {stale:0} 秒")
            : new ReadSource("primary", null, $"只读副本已 {stale:0} 秒未确认同步，本页数据直接取自主库");
    }

    /// <summary>Checks the replica now and keeps the result for <see cref="Source"/>.</summary>
    public async Task<ReplicaState> CheckAsync(CancellationToken ct)
    {
        await _checking.WaitAsync(ct);
        try
        {
            State = await MeasureAsync(ct);
            return State;
        }
        finally
        {
            _checking.Release();
        }
    }

    private async Task<ReplicaState> MeasureAsync(CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        try
        {
            string position;
            await using (var primary = new NpgsqlConnection(_primary))
            {
                await primary.OpenAsync(ct);
                // The insert position, not the written one: with synchronous_commit off a commit returns before its record is written.
                await using var cmd = new NpgsqlCommand("SELECT pg_current_wal_insert_lsn()::text", primary);
                position = (string)(await cmd.ExecuteScalarAsync(ct))!;
            }
            await using var db = _contexts.CreateDbContext();
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await connection.OpenAsync(ct);
            await using var probe = new NpgsqlCommand("""
                SELECT pg_is_in_recovery(),
                       pg_wal_lsn_diff(@position::pg_lsn, pg_last_wal_replay_lsn())::float8,
                       EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8,
                       pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::float8
                """, connection);
            probe.Parameters.AddWithValue("position", position);
            await using var reader = await probe.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            if (!reader.GetBoolean(0))
            {
                return new ReplicaState(false, null, now, "所配置的只读副本不是备库");
            }
            var behindBytes = reader.IsDBNull(1) ? (double?)null : reader.GetDouble(1);
            // An insert position on a page boundary points past the next page's header (24 or 40 bytes) that no record fills yet.
            var caughtUp = behindBytes <= 0 || (behindBytes <= 40 && !reader.IsDBNull(3) && reader.GetDouble(3) % WalPage == 0);
            if (!caughtUp && (behindBytes is null || reader.IsDBNull(2)))
            {
                return new ReplicaState(false, null, now, "只读副本尚未回放任何数据");
            }
            var lag = caughtUp ? 0 : Math.Max(0, reader.GetDouble(2));
            return lag <= MaxLag.TotalSeconds
                ? new ReplicaState(true, lag, now, null)
                : new ReplicaState(false, lag, now, $"落后主库约 {Math.Ceiling(lag):0} 秒，超过 {MaxLag.TotalSeconds:0} 秒");
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            _log.LogWarning(e, "The read replica could not be checked; reads go to the primary");
            return new ReplicaState(false, null, now, "无法连接只读副本");
        }
    }

    private static double Seconds(IConfiguration config, string key, double fallback)
    {
        var value = config[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }
        return double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : throw new InvalidOperationException($"配置项 {key} 的值“{value}”无效，应为大于 0 的秒数。");
    }
}

/// <summary>
/// Checks the replica every <see cref="ReplicaReads.CheckEvery"/> on every instance (each decides for its own reads). A check
/// that fails in a way nobody foresaw is logged and the reads stay where the last check put them; it never stops the app.
/// </summary>
public sealed class ReplicaMonitor(ReplicaReads replica, TimeProvider clock, ILogger<ReplicaMonitor> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(replica.CheckEvery, clock);
        do
        {
            try
            {
                await replica.CheckAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Checking the read replica failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>
/// The context a request's heavy reads use: the replica's while it is fresh enough, else the request's own <see cref="AppDb"/>.
/// Chosen once per request, so one page never mixes the two.
/// </summary>
public sealed class ReadDb : IAsyncDisposable
{
    private readonly AppDb? _replicaDb;

    public ReadDb(AppDb primary, AuditActor actor, TimeProvider clock, ReplicaReads? replica = null)
    {
        Source = replica?.Source() ?? ReadSource.Primary;
        _replicaDb = Source.From == "replica" ? replica!.CreateContext(actor, clock) : null;
        Db = _replicaDb ?? primary;
    }

    public AppDb Db { get; }

    public ReadSource Source { get; }

    public ValueTask DisposeAsync() => _replicaDb?.DisposeAsync() ?? ValueTask.CompletedTask;
}
