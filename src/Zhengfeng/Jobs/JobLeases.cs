using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Data;

namespace Zhengfeng.Jobs;

/// <summary>
/// Which app instance runs a shared job. Several instances on one database each tick their timers, but only the holder of a
/// job's lease does the work; it renews the lease on every tick, and when it stops renewing (crashed, stopped, cut off) another
/// instance takes the job over once the lease has run out. The jobs' own unique keys still guard every row they write, so even
/// two holders at once (a clock jump) could not double a notice.
/// </summary>
public sealed class JobLease
{
    public required string Job { get; init; }
    public required string Holder { get; init; }
    /// <summary>When the holder took the job over (kept across its renewals).</summary>
    public DateTimeOffset Since { get; init; }
    public DateTimeOffset Until { get; init; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.ToTable(JobLeases.Table);
        b.HasKey(x => x.Job);
        b.Property(x => x.Job).HasMaxLength(64);
        b.Property(x => x.Holder).HasMaxLength(200);
    }
}

/// <summary>Takes and renews <see cref="JobLease"/>s for this instance (one per process start).</summary>
public sealed class JobLeases(IServiceScopeFactory scopes, TimeProvider clock)
{
    internal const string Table = "JobLease";

    /// <summary>This instance's name on its leases: host, process and a random part, so two instances in one process differ too.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// Takes or renews the job's lease for <paramref name="term"/> and says whether this instance holds it. One statement on both
    /// databases: the row is inserted, or updated only when this instance already holds it or the holder's term has run out,
    /// so two instances asking at once never both win. A change of holder is written to the audit log.
    /// </summary>
    public async Task<bool> TryHoldAsync(string job, TimeSpan term, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var until = now + (long)term.TotalMilliseconds;
        var previous = await db.Set<JobLease>().AsNoTracking().Where(l => l.Job == job).Select(l => l.Holder).FirstOrDefaultAsync(ct);
        var held = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "JobLease" ("Job", "Holder", "Since", "Until") VALUES ({job}, {Holder}, {now}, {until})
            ON CONFLICT ("Job") DO UPDATE SET "Holder" = excluded."Holder", "Until" = excluded."Until",
                "Since" = CASE WHEN "JobLease"."Holder" = excluded."Holder" THEN "JobLease"."Since" ELSE excluded."Since" END
            WHERE "JobLease"."Holder" = excluded."Holder" OR "JobLease"."Until" < {now}
            """, ct) == 1;
        if (held && previous != Holder)
        {
            db.RecordEvent("job.take-over", "JobLease", job, JsonSerializer.Serialize(new { Holder, Previous = previous }));
            await db.SaveChangesAsync(ct);
        }
        return held;
    }

    /// <summary>Gives the job up at once (on a clean stop), so another instance need not wait for the term to run out.</summary>
    public async Task ReleaseAsync(string job, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "JobLease" SET "Until" = 0 WHERE "Job" = {job} AND "Holder" = {Holder}""", ct);
    }

    /// <summary>Every lease on record, for the admin's view of who runs what.</summary>
    public async Task<List<JobLease>> ListAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        return await db.Set<JobLease>().AsNoTracking().OrderBy(l => l.Job).ToListAsync(ct);
    }
}
