using System.Collections.Concurrent;
using System.Data;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Zhengfeng.Data;

namespace Zhengfeng.Features.Audit;

/// <summary>
/// SQLite has one writer at a time, and every commit copies each page it touched to the WAL. Saves that arrive
/// while another is being written therefore wait in a queue and are written together: one transaction, one
/// savepoint per save (so a failing save rolls back alone), one commit. No caller hears "saved" before that
/// commit. One writer runs per database file in this process; other processes are kept out by SQLite's lock
/// (the transaction begins IMMEDIATE and reads the chain's head inside it).
/// </summary>
internal sealed class GroupCommit
{
    private const int MaxBatch = 64;
    private static readonly ConcurrentDictionary<string, GroupCommit> Writers = new();

    private readonly Channel<Write> _queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _connectionString;

    private GroupCommit(string connectionString)
    {
        _connectionString = connectionString;
        _ = Task.Run(RunAsync);
    }

    /// <summary>Only plain saves on SQLite: a caller that holds its own transaction or connection writes alone.</summary>
    public static bool Accepts(AppDb db)
        => !db.IsPostgres && db.Database.CurrentTransaction is null && db.Database.GetDbConnection().State == ConnectionState.Closed
            && db.Database.GetConnectionString() is not null;

    public static GroupCommit For(AppDb db)
    {
        var cs = db.Database.GetConnectionString()!;
        if (Writers.TryGetValue(cs, out var writer))
        {
            return writer;
        }
        lock (Creating)
        {
            return Writers.GetOrAdd(cs, static k => new GroupCommit(k));
        }
    }

    private static readonly Lock Creating = new();

    private sealed record Write(AppDb Db, IReadOnlyList<AuditTrail.Change> Pending, DateTimeOffset At, Func<Task<int>> Save, CancellationToken Ct)
    {
        public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async Task<int> SaveAsync(AppDb db, IReadOnlyList<AuditTrail.Change> pending, DateTimeOffset at, Func<Task<int>> save, CancellationToken ct)
    {
        var write = new Write(db, pending, at, save, ct);
        await _queue.Writer.WriteAsync(write, CancellationToken.None);
        // Not cancellable from here: the writer may be using this context right now. It skips a write whose request
        // was cancelled before its turn.
        return await write.Done.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<Write>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            await AuditTrail.AppendLock.WaitAsync();
            try
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
                {
                    if (write.Ct.IsCancellationRequested)
                    {
                        write.Done.TrySetCanceled(write.Ct);
                        continue;
                    }
                    batch.Add(write);
                }
                if (batch.Count > 0)
                {
                    await WriteAsync(batch);
                }
            }
            catch (Exception e)
            {
                foreach (var write in batch)
                {
                    write.Done.TrySetException(e);
                }
            }
            finally
            {
                AuditTrail.AppendLock.Release();
                batch.Clear();
            }
        }
    }

    private async Task WriteAsync(List<Write> batch)
    {
        var first = batch[0].Db;
        var results = new Dictionary<Write, int>();
        var failures = new Dictionary<Write, Exception>();
        await first.Database.OpenConnectionAsync(); // the per-connection settings are applied here
        try
        {
            await using var tx = await first.Database.BeginTransactionAsync();
            var connection = first.Database.GetDbConnection();
            var head = await AuditTrail.HeadAsync(first, CancellationToken.None);
            foreach (var write in batch)
            {
                var db = write.Db;
                var borrowed = !ReferenceEquals(db, first);
                if (borrowed)
                {
                    db.Database.SetDbConnection(connection, contextOwnsConnection: false);
                    await db.Database.UseTransactionAsync(tx.GetDbTransaction());
                }
                var (next, entries) = AuditTrail.Chain(db, write.Pending, write.At, head);
                try
                {
                    // Inside a transaction EF Core saves under a savepoint and rolls back to it on failure.
                    results[write] = await write.Save();
                    head = next;
                    db.PendingAction = null;
                }
                catch (Exception e)
                {
                    foreach (var entry in entries)
                    {
                        db.Entry(entry).State = EntityState.Detached;
                    }
                    failures[write] = e;
                }
                finally
                {
                    if (borrowed)
                    {
                        // Drop the borrowed connection itself, not only its string: a pooled context would keep it.
                        await db.Database.UseTransactionAsync(null);
                        db.Database.SetDbConnection(null);
                        db.Database.SetConnectionString(_connectionString);
                    }
                }
            }
            await tx.CommitAsync();
        }
        finally
        {
            await first.Database.CloseConnectionAsync();
        }
        foreach (var write in batch)
        {
            if (failures.TryGetValue(write, out var e))
            {
                write.Done.TrySetException(e);
            }
            else
            {
                write.Done.TrySetResult(results[write]);
            }
        }
    }
}
