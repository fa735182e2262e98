using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;

namespace Zhengfeng.Jobs;

/// <summary>
/// Keeps SQLite's planner statistics current the way SQLite advises for long-running applications: <c>PRAGMA optimize</c>
/// over every table at start-up and then every six hours, with an analysis limit so that even a table of millions of rows is
/// sampled in milliseconds. Without statistics the planner guesses, and a unit's list can pick the wrong index once the
/// tables are large. PostgreSQL's autovacuum analyses its tables on its own, so there the job does nothing.
/// </summary>
public sealed class DatabaseOptimize(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DatabaseOptimize> log, JobLeases leases)
    : RecurringJob(clock, log, leases)
{
    public override string Name => "database-optimize";

    public override TimeSpan Interval { get; } = TimeSpan.FromHours(6);

    protected override string? Describe(int done) => null;

    /// <summary>Returns 1 when SQLite's statistics were refreshed, 0 on PostgreSQL.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        if (db.IsPostgres)
        {
            return 0;
        }
        // 0x10002: look at every table, not only those the connection used; analysis_limit samples instead of reading whole indexes.
        await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;", ct);
        return 1;
    }
}
