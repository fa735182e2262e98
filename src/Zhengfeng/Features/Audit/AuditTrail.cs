using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Zhengfeng.Data;
using Zhengfeng.Features.Figures;

namespace Zhengfeng.Features.Audit;

/// <summary>
/// The one path every state change takes: the changed rows are turned into audit entries written in the same
/// transaction. On SQLite they are chained to the last entry's hash right there (one writer at a time: in-process
/// by a lock, across processes by SQLite's write lock), and saves that arrive together are written together by
/// <see cref="GroupCommit"/>. On PostgreSQL they are staged unnumbered with the change and numbered and chained in
/// batches just after it commits by <see cref="AuditSequencer"/>, so no save of any instance waits for another's.
/// </summary>
public static class AuditTrail
{
    internal static readonly SemaphoreSlim AppendLock = new(1, 1);

    /// <param name="save">EF Core's own save, told whether to accept the changes once they are written.</param>
    internal static async Task<int> SaveWithAuditAsync(AppDb db, Func<bool, Task<int>> save, bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        var touched = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var changes = touched
            .Where(e => e.Entity is not AuditEntry and not StagedAuditEntry and not DataProtectionKey and not FigureDelta and not MonthlyFigure)
            .ToList();
        if (changes.Count == 0 && db.PendingEvents.Count == 0)
        {
            return await save(acceptAllChangesOnSuccess);
        }
        var deltas = RunningFigures.Track(db, touched, changes); // the counts change in the same transaction as what they count

        // Snapshots are taken before the lock: only numbering, chaining and the write itself are serialised.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(db.Clock.GetUtcNow().ToUnixTimeMilliseconds()); // stored at ms precision
        var pending = changes.Select(c => Describe(db.PendingAction, c)).Concat(db.PendingEvents).ToList();
        db.PendingEvents.Clear();
        if (GroupCommit.Accepts(db))
        {
            var rows = NewRows.Collect(touched.Concat(deltas)); // new rows only: written without EF Core's batches
            return await GroupCommit.For(db).SaveAsync(db, pending, now, save, rows, acceptAllChangesOnSuccess, ct);
        }
        if (db.IsPostgres)
        {
            return await AuditSequencer.SaveStagedAsync(db, pending, now, () => save(acceptAllChangesOnSuccess), ct);
        }
        // The caller holds its own connection or transaction. The connection (and its per-connection settings) is opened
        // before the lock, so only the write itself is serialised.
        await db.Database.OpenConnectionAsync(ct);
        await AppendLock.WaitAsync(ct);
        try
        {
            var ownTransaction = db.Database.CurrentTransaction is null;
            await using var tx = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
            await using var chain = new SqliteChain(db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction());
            var (_, entries) = Chain(db.Actor, pending, now, await chain.HeadAsync());
            await chain.SavepointAsync();
            int written;
            try
            {
                await chain.AppendAsync(entries);
                written = await save(acceptAllChangesOnSuccess);
                await chain.ReleaseAsync();
            }
            catch
            {
                await chain.RollbackAsync();
                throw;
            }
            if (tx is not null)
            {
                await tx.CommitAsync(ct);
            }
            db.PendingAction = null;
            return written;
        }
        finally
        {
            AppendLock.Release();
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The last entry's number and hash: where the next entry is chained.</summary>
    internal sealed record ChainHead(long Seq, string Hash);

    /// <summary>The head as EF Core reads it (the PostgreSQL sequencer; SQLite's writers use <see cref="SqliteChain.HeadAsync"/>).</summary>
    internal static async Task<ChainHead> HeadAsync(AppDb db, CancellationToken ct)
        => await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Seq)
            .Select(a => new ChainHead(a.Seq, a.Hash)).FirstOrDefaultAsync(ct) ?? new ChainHead(0, Genesis);

    /// <summary>One sealed entry per change, chained after <paramref name="head"/>; returns the new head and the entries.</summary>
    internal static (ChainHead Head, List<AuditEntry> Entries) Chain(AuditActor actor, IReadOnlyList<Change> pending, DateTimeOffset now, ChainHead head)
    {
        var entries = new List<AuditEntry>(pending.Count);
        foreach (var p in pending)
        {
            var entry = Seal(head, now, actor.Id, actor.Name, p);
            head = new ChainHead(entry.Seq, entry.Hash);
            entries.Add(entry);
        }
        return (head, entries);
    }

    /// <summary>The entry for <paramref name="change"/> numbered and linked after <paramref name="head"/>, with its hash.</summary>
    internal static AuditEntry Seal(ChainHead head, DateTimeOffset at, string actorId, string actorName, Change change)
    {
        var entry = new AuditEntry
        {
            Seq = head.Seq + 1, At = at, ActorId = actorId, ActorName = actorName, Action = change.Action,
            EntityType = change.EntityType, EntityId = change.EntityId, Before = change.Before, After = change.After, PrevHash = head.Hash,
        };
        entry.Hash = ComputeHash(entry);
        return entry;
    }

    internal sealed record Change(string Action, string EntityType, string EntityId, string? Before, string? After);

    private static Change Describe(string? action, EntityEntry change)
    {
        var type = change.Metadata.ClrType.Name;
        var verb = change.State switch { EntityState.Added => "create", EntityState.Deleted => "delete", _ => "update" };
        var current = change.CurrentValues;
        var key = string.Join("/", change.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(current[p], CultureInfo.InvariantCulture)));
        return new Change(action ?? $"{type.ToLowerInvariant()}.{verb}", type, key,
            change.State == EntityState.Added ? null : Snapshot(change, change.OriginalValues),
            change.State == EntityState.Deleted ? null : Snapshot(change, current));
    }

    // Readable Chinese in the log; the text is stored, never embedded in HTML unescaped.
    private static readonly JsonSerializerOptions SnapshotJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions SnapshotWriter = new() { Encoder = SnapshotJson.Encoder };

    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// A JSON object of the row's columns in ordinal order of their names, sensitive ones masked. For an update only the
    /// changed columns (and the key) are written; for create/delete all of them.
    /// </summary>
    private static string Snapshot(EntityEntry change, PropertyValues values)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, SnapshotWriter))
        {
            json.WriteStartObject();
            foreach (var (property, sensitive) in Columns(change.Metadata))
            {
                if (change.State == EntityState.Modified && !property.IsPrimaryKey() && !change.Property(property).IsModified)
                {
                    continue;
                }
                var value = values[property];
                json.WritePropertyName(property.Name);
                WriteValue(json, sensitive && value is not null ? "***" : value);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The common column types written directly; anything else as the serializer writes it.</summary>
    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string text: json.WriteStringValue(text); break;
            case bool flag: json.WriteBooleanValue(flag); break;
            case int number: json.WriteNumberValue(number); break;
            case long number: json.WriteNumberValue(number); break;
            case double number: json.WriteNumberValue(number); break;
            case decimal number: json.WriteNumberValue(number); break;
            case DateTimeOffset at: json.WriteStringValue(at); break;
            default: JsonSerializer.Serialize(json, value, value.GetType(), SnapshotJson); break;
        }
    }

    private static readonly ConcurrentDictionary<IEntityType, (IProperty Property, bool Sensitive)[]> ColumnsByType = new();

    private static (IProperty Property, bool Sensitive)[] Columns(IEntityType type)
        => ColumnsByType.GetOrAdd(type, static t => t.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (p, p.PropertyInfo?.GetCustomAttribute<SensitiveAttribute>() is not null)).ToArray());

    public static string ComputeHash(AuditEntry e) => Convert.ToHexStringLower(SHA256.HashData(CanonicalBytes(e)));

    /// <summary>
    /// The entry's fields (and the previous hash) joined by U+001F, in UTF-8: what its hash covers, and the leaf of the
    /// Merkle tree over the log (<see cref="AuditLogTree"/>).
    /// </summary>
    public static byte[] CanonicalBytes(AuditEntry e) => Encoding.UTF8.GetBytes(string.Join('\u001f',
        e.Seq.ToString(CultureInfo.InvariantCulture), e.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Before ?? "", e.After ?? "", e.PrevHash));
}
