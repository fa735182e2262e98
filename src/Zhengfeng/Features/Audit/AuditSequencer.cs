using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Zhengfeng.Data;

namespace Zhengfeng.Features.Audit;

/// <summary>
/// Numbers and chains PostgreSQL's audit entries in batches. A save writes its entries unnumbered
/// (<see cref="StagedAuditEntry"/>) in its own transaction, with no lock shared with other saves; after it commits, the
/// saving request asks for a batch and waits for it. A batch takes the one advisory lock (so instances never number
/// at once), moves every committed staged entry into the log after the chain's head, and commits: one lock per batch,
/// held for the numbering only, never across a request's own work. Requests that ask while a batch runs share the next one.
/// </summary>
public sealed class AuditSequencer : IDisposable
{
    /// <summary>The advisory lock that numbers the log; whatever else appends to it (the benchmark's bulk load) takes it too.</summary>
    public const long LockKey = 0x5A46_4155_4449_54;
    private const int BatchRows = 500;
    private static readonly ConcurrentDictionary<string, AuditSequencer> Sequencers = new();

    private readonly DbContextOptions<PostgresAppDb> _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _requested;
    private long _done;

    private AuditSequencer(string connectionString)
        => _options = new DbContextOptionsBuilder<PostgresAppDb>().UseNpgsql(connectionString).Options;

    /// <summary>Sequencers live as long as the process (one per database); this only satisfies the analyzer.</summary>
    public void Dispose() => _gate.Dispose();

    public static AuditSequencer For(AppDb db)
        => Sequencers.GetOrAdd(db.Database.GetConnectionString()!, static cs => new AuditSequencer(cs));

    /// <summary>Stages the entries with the change; when the save is its own transaction, numbers them before returning.</summary>
    internal static async Task<int> SaveStagedAsync(AppDb db, IReadOnlyList<AuditTrail.Change> pending, DateTimeOffset at, Func<Task<int>> save,
        CancellationToken ct)
    {
        var staged = pending.Select(p => new StagedAuditEntry
        {
            At = at, ActorId = db.Actor.Id, ActorName = db.Actor.Name, Action = p.Action,
            EntityType = p.EntityType, EntityId = p.EntityId, Before = p.Before, After = p.After,
        }).ToList();
        db.StagedAuditEntries.AddRange(staged);
        int written;
        try
        {
            written = await save();
        }
        catch
        {
            foreach (var entry in staged)
            {
                db.Entry(entry).State = EntityState.Detached;
            }
            throw;
        }
        db.PendingAction = null;
        if (db.Database.CurrentTransaction is null)
        {
            await For(db).FlushAsync(ct);
        }
        else
        {
            db.AuditStagedInTransaction = true; // numbered when the caller's transaction commits (FlushOnCommit)
        }
        return written;
    }

    /// <summary>
    /// Returns once every entry committed before the call is in the numbered log. A batch that started before the call
    /// may have missed the caller's entries, so the caller waits for one that starts after it.
    /// </summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var ticket = Interlocked.Increment(ref _requested);
        await _gate.WaitAsync(ct);
        try
        {
            if (Volatile.Read(ref _done) >= ticket)
            {
                return;
            }
            var covered = Volatile.Read(ref _requested);
            await SequenceAsync(CancellationToken.None); // not cancelled halfway: it numbers other requests' entries too
            Volatile.Write(ref _done, covered);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SequenceAsync(CancellationToken ct)
    {
        await using var db = new PostgresAppDb(_options);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
        var head = await AuditTrail.HeadAsync(db, ct);
        while (true)
        {
            var staged = await db.StagedAuditEntries.OrderBy(s => s.Id).Take(BatchRows).ToListAsync(ct);
            if (staged.Count == 0)
            {
                break;
            }
            foreach (var row in staged)
            {
                var entry = AuditTrail.Seal(head, row.At, row.ActorId, row.ActorName, row.Change);
                db.AuditEntries.Add(entry);
                head = new AuditTrail.ChainHead(entry.Seq, entry.Hash);
            }
            db.StagedAuditEntries.RemoveRange(staged);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>Numbers the entries a caller's own transaction staged, once that transaction has committed.</summary>
    internal sealed class FlushOnCommit : DbTransactionInterceptor
    {
        public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is AppDb { AuditStagedInTransaction: true } db)
            {
                db.AuditStagedInTransaction = false;
                await For(db).FlushAsync(cancellationToken);
            }
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
        {
            if (eventData.Context is AppDb db)
            {
                db.AuditStagedInTransaction = false;
            }
        }

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            TransactionRolledBack(transaction, eventData);
            return Task.CompletedTask;
        }
    }
}
