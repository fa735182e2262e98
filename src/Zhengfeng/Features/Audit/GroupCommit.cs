using System.Collections.Concurrent;
using System.Data;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;
using Zhengfeng.Data;

namespace Zhengfeng.Features.Audit;

/// <summary>
/// SQLite has one writer at a time, and every commit copies each page it touched to the WAL. Saves that arrive
/// while another is being written therefore wait in a queue and are written together: one transaction, one
/// savepoint per save (so a failing save rolls back alone), one commit. No caller hears "saved" before that
/// commit. The writer's turn holds only what must be serialised: EF Core builds each save's commands on the
/// caller's thread, and the caller accepts the changes after the commit. One writer runs per database file in
/// this process; other processes are kept out by SQLite's lock (the transaction begins IMMEDIATE and reads the
/// chain's head inside it).
/// </summary>
internal sealed class GroupCommit
{
    private const int MaxBatch = 64;
    private static readonly ConcurrentDictionary<string, GroupCommit> Writers = new();

    private readonly Channel<Write> _queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private GroupCommit()
    {
        // Its own thread: the commit's fsync blocks it, and it never waits behind request work on the thread pool.
        new Thread(Run) { IsBackground = true, Name = "group-commit" }.Start();
    }

    /// <summary>Only plain saves on SQLite: a caller that holds its own transaction or connection writes alone.</summary>
    public static bool Accepts(AppDb db)
        => db.CanGroupSaves && db.Database.CurrentTransaction is null && db.Database.GetDbConnection().State == ConnectionState.Closed
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
            return Writers.GetOrAdd(cs, static _ => new GroupCommit());
        }
    }

    private static readonly Lock Creating = new();

    private sealed record Write(AppDb Db, IReadOnlyList<AuditTrail.Change> Pending, DateTimeOffset At, IReadOnlyList<ModificationCommandBatch> Batches,
        IReadOnlyList<NewRows.Row> Rows, CancellationToken Ct)
    {
        public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// Saves through the writer. A save of new rows only (<paramref name="rows"/>) is handed to the writer as it is. For any
    /// other, EF Core builds the save's commands here, on the caller's thread, without looking for changes again (the audit
    /// snapshots just did); <see cref="GroupedBatchExecutor"/> hands them to the writer, which runs them with the audit
    /// entries and commits. The changes are accepted here after the commit, also off the writer's turn.
    /// </summary>
    public async Task<int> SaveAsync(AppDb db, IReadOnlyList<AuditTrail.Change> pending, DateTimeOffset at, Func<bool, Task<int>> save,
        IReadOnlyList<NewRows.Row>? rows, bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        var turn = new Turn(this, pending, at, ct);
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        (db.GroupTurn, db.ChangeTracker.AutoDetectChangesEnabled) = (turn, false);
        int written;
        try
        {
            if (rows is not null)
            {
                written = await turn.WriteAsync(db, [], rows);
                NewRows.Accept(rows);
            }
            else
            {
                written = await save(false);
                if (!turn.Taken)
                {
                    written = await turn.WriteAsync(db, [], []); // no row for EF Core to write: the audit entries alone
                }
            }
        }
        finally
        {
            (db.GroupTurn, db.ChangeTracker.AutoDetectChangesEnabled) = (null, detect);
        }
        if (acceptAllChangesOnSuccess)
        {
            db.ChangeTracker.AcceptAllChanges();
        }
        return written;
    }

    /// <summary>One grouped save's place in the queue, taken when its commands are built.</summary>
    internal sealed class Turn(GroupCommit writer, IReadOnlyList<AuditTrail.Change> pending, DateTimeOffset at, CancellationToken ct)
    {
        public bool Taken { get; private set; }

        public async Task<int> WriteAsync(AppDb db, IReadOnlyList<ModificationCommandBatch> batches, IReadOnlyList<NewRows.Row> rows)
        {
            Taken = true;
            var write = new Write(db, pending, at, batches, rows, ct);
            await writer._queue.Writer.WriteAsync(write, CancellationToken.None);
            // Not cancellable from here: the writer may be using this context right now. It skips a write whose request
            // was cancelled before its turn.
            return await write.Done.Task;
        }
    }

    private void Run()
    {
        var batch = new List<Write>(MaxBatch);
        while (WaitForWork())
        {
            AuditTrail.AppendLock.Wait();
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
                    // SQLite's calls complete synchronously, so the batch is written on this thread.
                    WriteAsync(batch).GetAwaiter().GetResult();
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

    /// <summary>
    /// Blocks until a save is queued. It sleeps on a wait handle at once: a task's own wait spins first, and between two batches
    /// that spinning took a noticeable share of the machine's time.
    /// </summary>
    private bool WaitForWork()
    {
        var ready = _queue.Reader.WaitToReadAsync();
        if (ready.IsCompleted)
        {
            return ready.GetAwaiter().GetResult();
        }
        using var task = ready.AsTask(); // disposed once done, which closes its wait handle at once
        ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
        return task.GetAwaiter().GetResult();
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
            await using var chain = new SqliteChain(connection, tx.GetDbTransaction());
            var head = await chain.HeadAsync();
            // Every save's commands run on the first context's connection and transaction: the commands were built by their own
            // contexts, and running them needs only a connection, so no other context is switched over to it.
            var relational = first.GetService<IRelationalConnection>();
            foreach (var write in batch)
            {
                var db = write.Db;
                var (next, entries) = AuditTrail.Chain(db.Actor, write.Pending, write.At, head);
                await chain.SavepointAsync(); // a failing save rolls back alone
                try
                {
                    await chain.AppendAsync(entries);
                    await chain.InsertAsync(write.Rows);
                    var rows = write.Rows.Count;
                    foreach (var commands in write.Batches)
                    {
                        await commands.ExecuteAsync(relational);
                        rows += commands.ModificationCommands.Count;
                    }
                    results[write] = rows;
                    await chain.ReleaseAsync();
                    head = next;
                    db.PendingAction = null;
                }
                catch (Exception e)
                {
                    await chain.RollbackAsync();
                    failures[write] = e;
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
