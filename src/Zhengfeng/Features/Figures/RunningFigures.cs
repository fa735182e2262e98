using System.Data;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Rankings;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Figures;

/// <summary>The running counts of some months: each is the compacted count plus the changes not yet folded in, read in one statement.</summary>
public sealed class FigureSet(IReadOnlyDictionary<(string Metric, string Month, string UnitId), long> counts)
{
    public int Get(string metric, string month, string unitId = "") => (int)counts.GetValueOrDefault((metric, month, unitId));

    /// <summary>A metric's count over all units (and none) in the month, or over some units (and areas) only.</summary>
    public int Total(string metric, string month, IReadOnlySet<string>? within = null)
        => (int)counts.Where(c => c.Key.Metric == metric && c.Key.Month == month && (within is null || within.Contains(c.Key.UnitId))).Sum(c => c.Value);

    /// <summary>The units with a non-zero count of the metric in the month.</summary>
    public IEnumerable<string> Units(string metric, string month)
        => counts.Where(c => c.Key.Metric == metric && c.Key.Month == month && c.Key.UnitId != "" && c.Value != 0).Select(c => c.Key.UnitId);

    internal IReadOnlyDictionary<(string Metric, string Month, string UnitId), long> All => counts;
}

/// <summary>A running count that differs from what its records say.</summary>
public sealed record FigureMismatch(string Metric, string Month, string UnitId, long Stored, long Counted);

public sealed record FigureCheck(int Months, int Figures, IReadOnlyList<FigureMismatch> Mismatches, double Seconds);

/// <summary>
/// The monthly counts behind the dashboard's trend and the monthly ranking, kept as the records change so those pages need
/// not count millions of rows. Every save that adds, changes or removes a case, a rating or a 退单 request adds the
/// difference it makes (<see cref="Track"/>, called from the audit trail's one save path) as <see cref="FigureDelta"/> rows
/// in the same transaction; <c>FigureCompaction</c> folds them into <see cref="MonthlyFigure"/> every minute. A read sums both
/// in one statement, so it sees every committed change exactly once. <see cref="FigureRecount.CheckAsync"/> counts the records
/// again with the drill-down queries and lists any difference; <see cref="FigureRecount.RebuildAsync"/> recounts everything (after a bulk load that
/// bypassed the app, or if a check ever fails).
/// </summary>
public static class RunningFigures
{
    /// <summary>Adds this save's changes to the counts as delta rows (dropping those of an earlier failed attempt of the same save).</summary>
    /// <param name="touched">Every entry the save writes, the deltas of an earlier attempt among them.</param>
    /// <param name="changes">The records among them.</param>
    /// <returns>The entries of the delta rows added.</returns>
    internal static List<EntityEntry> Track(AppDb db, IReadOnlyList<EntityEntry> touched, IReadOnlyList<EntityEntry> changes)
    {
        foreach (var stale in touched.Where(e => e is { Entity: FigureDelta, State: EntityState.Added }))
        {
            stale.State = EntityState.Detached;
        }
        Dictionary<(string, string, string), int>? deltas = null;
        foreach (var e in changes)
        {
            var type = e.Metadata.ClrType;
            if (!FigureMetric.Counts(type))
            {
                continue;
            }
            deltas ??= [];
            if (e.State != EntityState.Added)
            {
                foreach (var key in FigureMetric.Of(type, e.OriginalValues))
                {
                    deltas[key] = deltas.GetValueOrDefault(key) - 1;
                }
            }
            if (e.State != EntityState.Deleted)
            {
                foreach (var key in FigureMetric.Of(type, e.CurrentValues))
                {
                    deltas[key] = deltas.GetValueOrDefault(key) + 1;
                }
            }
        }
        var added = new List<EntityEntry>();
        foreach (var ((metric, month, unit), change) in deltas ?? [])
        {
            if (change != 0)
            {
                added.Add(db.Add(new FigureDelta { Metric = metric, Month = month, UnitId = unit, Change = change }));
            }
        }
        return added;
    }

    public static async Task<FigureSet> ReadAsync(AppDb db, IReadOnlyCollection<string> months, CancellationToken ct)
    {
        var rows = await db.Set<MonthlyFigure>().Where(f => months.Contains(f.Month)).Select(f => new { f.Metric, f.Month, f.UnitId, f.Count })
            .Concat(db.Set<FigureDelta>().Where(d => months.Contains(d.Month)).Select(d => new { d.Metric, d.Month, d.UnitId, Count = (long)d.Change }))
            .GroupBy(r => new { r.Metric, r.Month, r.UnitId })
            .Select(g => new { g.Key.Metric, g.Key.Month, g.Key.UnitId, Count = g.Sum(r => r.Count) })
            .ToListAsync(ct);
        return new FigureSet(rows.ToDictionary(r => (r.Metric, r.Month, r.UnitId), r => r.Count));
    }

    /// <summary>
    /// Cases counted as overdue in the month whose deadline is still ahead of <paramref name="now"/>: the running count takes the
    /// whole month, the dashboard only what has passed. The status list covers every status so the (Status, HandleDueAt) index
    /// serves the range.
    /// </summary>
    public static Task<int> OverdueAheadAsync(AppDb db, string month, DateTimeOffset now, IReadOnlySet<string>? within, CancellationToken ct)
    {
        var (start, end) = RankingService.Month(month);
        if (now >= end)
        {
            return Task.FromResult(0);
        }
        var from = now > start ? now : start;
        var areas = within?.ToList();
        return db.Set<Case>().AsNoTracking()
            .Where(c => AllStatuses.Contains(c.Status) && c.HandleDueAt >= from && c.HandleDueAt < end)
            .Where(FigureMetric.CountsAsOverdue)
            .Where(c => areas == null || areas.Contains(c.AreaId!))
            .CountAsync(ct);
    }

    private static readonly CaseStatus[] AllStatuses = Enum.GetValues<CaseStatus>();

    /// <summary>
    /// Held by a compaction and by a SQLite rebuild: the rebuild relies on no delta row being deleted between its recount and
    /// its write (it checks that too, for a compaction in another process on the same file).
    /// </summary>
    internal static readonly SemaphoreSlim Folding = new(1, 1);

    /// <summary>Folds the delta rows into the monthly counts; returns how many delta rows it folded.</summary>
    public static async Task<int> CompactAsync(AppDb db, CancellationToken ct)
    {
        if (!await db.Set<FigureDelta>().AnyAsync(ct))
        {
            return 0; // a quiet minute: no write transaction at all
        }
        await Folding.WaitAsync(ct);
        try
        {
            return await FoldAsync(db, ct);
        }
        finally
        {
            Folding.Release();
        }
    }

    private static async Task<int> FoldAsync(AppDb db, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            // One statement: the rows it deletes are exactly the rows it adds up, whatever commits meanwhile.
            var moved = await db.Database.SqlQueryRaw<long>("""
                WITH moved AS (DELETE FROM "FigureDelta" RETURNING "Month", "Metric", "UnitId", "Change"),
                folded AS (
                    INSERT INTO "MonthlyFigure" ("Month", "Metric", "UnitId", "Count")
                    SELECT "Month", "Metric", "UnitId", SUM("Change") FROM moved GROUP BY "Month", "Metric", "UnitId"
                    ON CONFLICT ("Month", "Metric", "UnitId") DO UPDATE SET "Count" = "MonthlyFigure"."Count" + excluded."Count")
                SELECT COUNT(*) AS "Value" FROM moved
                """).ToListAsync(ct);
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "MonthlyFigure" WHERE "Count" = 0""", ct);
            return (int)moved[0];
        }
        // SQLite: the transaction takes the write lock as it begins, so no save adds a delta between the sum and the delete.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "MonthlyFigure" ("Month", "Metric", "UnitId", "Count")
            SELECT "Month", "Metric", "UnitId", SUM("Change") FROM "FigureDelta" WHERE true GROUP BY "Month", "Metric", "UnitId"
            ON CONFLICT ("Month", "Metric", "UnitId") DO UPDATE SET "Count" = "MonthlyFigure"."Count" + excluded."Count"
            """, ct);
        var folded = await db.Database.ExecuteSqlRawAsync("""DELETE FROM "FigureDelta" """, ct);
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "MonthlyFigure" WHERE "Count" = 0""", ct);
        await tx.CommitAsync(ct);
        return folded;
    }
}

/// <summary>Counting the records again with the drill-down queries: to check the running counts, or to rebuild them.</summary>
public static class FigureRecount
{
    public sealed record Rebuilt(int Months, int Figures, double Seconds);

    /// <summary>
    /// Recounts every month that has records and replaces the running counts, so that no save is counted twice or not at all.
    /// On SQLite the recount reads one snapshot without the write lock, so saves go on meanwhile (at 10,000,000 cases the
    /// recount takes minutes); a short write then keeps the delta rows saved after the snapshot (their numbers are higher: the
    /// table never reuses one) and replaces the rest with the recount, unless a compaction folded deltas in between, when it
    /// recounts under the lock after all. On PostgreSQL, whose numbers do not follow commit order, saves wait for the lock on
    /// the delta table during the recount (about 10 s at 1,000,000 cases).
    /// </summary>
    public static async Task<Rebuilt> RebuildAsync(AppDb db, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var (months, figures) = !db.IsPostgres && await RebuildFromSnapshotAsync(db, ct) is { } done ? done : await RebuildLockedAsync(db, ct);
        var rebuilt = new Rebuilt(months, figures, Math.Round(clock.Elapsed.TotalSeconds, 2));
        db.RecordEvent("figures.rebuild", "MonthlyFigure", "all", JsonSerializer.Serialize(rebuilt));
        await db.SaveChangesAsync(ct);
        return rebuilt;
    }

    /// <returns>Null when a compaction in another process folded deltas between the recount and the write.</returns>
    private static async Task<(int Months, int Figures)?> RebuildFromSnapshotAsync(AppDb db, CancellationToken ct)
    {
        await RunningFigures.Folding.WaitAsync(ct);
        try
        {
            long counted, before; // the last number the snapshot saw (its change and every earlier one are in the records), and its rows
            (List<string> Months, List<Count> Counts) recount;
            await using (await SnapshotAsync(db, ct))
            {
                counted = await LastDeltaNumberAsync(db, ct);
                before = await db.Set<FigureDelta>().LongCountAsync(ct);
                recount = await RecountAsync(db, ct);
            }
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Nothing deleted since the snapshot: its rows are all there, and every number handed out after it is in the table.
            var kept = await db.Set<FigureDelta>().LongCountAsync(d => d.Id <= counted, ct);
            var since = await db.Set<FigureDelta>().LongCountAsync(d => d.Id > counted, ct);
            if (kept != before || since != await LastDeltaNumberAsync(db, ct) - counted)
            {
                return null;
            }
            await db.Database.ExecuteSqlInterpolatedAsync($"""DELETE FROM "FigureDelta" WHERE "Id" <= {counted}""", ct);
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "MonthlyFigure" """, ct);
            await InsertAsync(db, recount.Counts, ct);
            await tx.CommitAsync(ct);
            return (recount.Months.Count, recount.Counts.Count);
        }
        finally
        {
            RunningFigures.Folding.Release();
        }
    }

    /// <summary>The last number the delta table handed out (SQLite's AUTOINCREMENT counter, which never goes back).</summary>
    private static async Task<long> LastDeltaNumberAsync(AppDb db, CancellationToken ct)
        => (await db.Database.SqlQueryRaw<long>("""SELECT "seq" AS "Value" FROM sqlite_sequence WHERE "name" = 'FigureDelta'""").ToListAsync(ct))
            .FirstOrDefault();

    /// <summary>Recounts and replaces in one transaction, with saves waiting (on SQLite for the write lock it takes as it begins).</summary>
    private static async Task<(int Months, int Figures)> RebuildLockedAsync(AppDb db, CancellationToken ct)
    {
        (List<string> Months, List<Count> Counts) recount;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (db.IsPostgres)
            {
                await db.Database.ExecuteSqlRawAsync("""LOCK TABLE "FigureDelta" IN EXCLUSIVE MODE""", ct);
            }
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "FigureDelta" """, ct);
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "MonthlyFigure" """, ct);
            recount = await RecountAsync(db, ct);
            await InsertAsync(db, recount.Counts, ct);
            await tx.CommitAsync(ct);
        }
        return (recount.Months.Count, recount.Counts.Count);
    }

    private sealed record Count(string Month, string Metric, string Unit, long Value);

    /// <summary>Every month that has records, and its counts.</summary>
    private static async Task<(List<string> Months, List<Count> Counts)> RecountAsync(AppDb db, CancellationToken ct)
    {
        var months = await MonthsWithRecordsAsync(db, ct);
        var counts = new List<Count>();
        foreach (var month in months)
        {
            counts.AddRange((await CountAsync(db, month, ct)).Select(c => new Count(month, c.Key.Metric, c.Key.UnitId, c.Value)));
        }
        return (months, counts);
    }

    private static async Task InsertAsync(AppDb db, List<Count> counts, CancellationToken ct)
    {
        foreach (var (month, metric, unit, count) in counts)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO "MonthlyFigure" ("Month", "Metric", "UnitId", "Count") VALUES ({month}, {metric}, {unit}, {count})""", ct);
        }
    }

    /// <summary>Builds the counts on a database that has cases but none yet (the first start after the upgrade that added them).</summary>
    public static async Task<Rebuilt?> EnsureBuiltAsync(AppDb db, CancellationToken ct)
        => await db.Set<MonthlyFigure>().AnyAsync(ct) || await db.Set<FigureDelta>().AnyAsync(ct) || !await db.Set<Case>().AnyAsync(ct)
            ? null
            : await RebuildAsync(db, ct);

    /// <summary>Compares the running counts with a recount of every month that has records or counts, in one snapshot.</summary>
    public static async Task<FigureCheck> CheckAsync(AppDb db, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var snapshot = await SnapshotAsync(db, ct);
        var months = (await MonthsWithRecordsAsync(db, ct))
            .Union(await db.Set<MonthlyFigure>().Select(f => f.Month).Distinct().ToListAsync(ct))
            .Union(await db.Set<FigureDelta>().Select(f => f.Month).Distinct().ToListAsync(ct))
            .Order(StringComparer.Ordinal).ToList();
        var stored = (await RunningFigures.ReadAsync(db, months, ct)).All;
        var counted = new Dictionary<(string Metric, string Month, string UnitId), long>();
        foreach (var month in months)
        {
            foreach (var (key, count) in await CountAsync(db, month, ct))
            {
                counted[key] = count;
            }
        }
        var mismatches = stored.Keys.Union(counted.Keys)
            .Select(k => new FigureMismatch(k.Metric, k.Month, k.UnitId, stored.GetValueOrDefault(k), counted.GetValueOrDefault(k)))
            .Where(m => m.Stored != m.Counted)
            .OrderBy(m => m.Month, StringComparer.Ordinal).ThenBy(m => m.Metric, StringComparer.Ordinal).ThenBy(m => m.UnitId, StringComparer.Ordinal)
            .ToList();
        return new FigureCheck(months.Count, counted.Count, mismatches, Math.Round(clock.Elapsed.TotalSeconds, 2));
    }

    /// <summary>A read-only transaction that sees one snapshot; on SQLite a deferred one, which takes no write lock.</summary>
    private static async Task<IAsyncDisposable> SnapshotAsync(AppDb db, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        }
        await db.Database.OpenConnectionAsync(ct);
        var tx = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(tx, ct);
        return new SqliteSnapshot(db, tx);
    }

    private sealed class SqliteSnapshot(AppDb db, SqliteTransaction tx) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.UseTransactionAsync(null);
            await tx.DisposeAsync(); // rolls back: nothing was written
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>One month's counts by the same rules as the drill-down queries (zeros left out).</summary>
    internal static async Task<Dictionary<(string Metric, string Month, string UnitId), long>> CountAsync(AppDb db, string month, CancellationToken ct)
    {
        var (start, end) = RankingService.Month(month);
        var counts = new Dictionary<(string, string, string), long>();
        void Put(string metric, string unit, long n)
        {
            if (n != 0)
            {
                counts[(metric, month, unit)] = n;
            }
        }
        var cases = db.Set<Case>().AsNoTracking();
        foreach (var r in await cases.Where(c => c.RegisteredAt >= start && c.RegisteredAt < end).GroupBy(c => c.AreaId)
            .Select(g => new { Area = g.Key, Count = g.Count() }).ToListAsync(ct))
        {
            Put(FigureMetric.Registered, r.Area ?? "", r.Count);
        }
        foreach (var r in await cases.Where(c => c.HandleDueAt >= start && c.HandleDueAt < end).Where(FigureMetric.CountsAsOverdue).GroupBy(c => c.AreaId)
            .Select(g => new { Area = g.Key, Count = g.Count() }).ToListAsync(ct))
        {
            Put(FigureMetric.Overdue, r.Area ?? "", r.Count);
        }
        var dispatched = await cases.Where(c => c.FirstDispatchedAt >= start && c.FirstDispatchedAt < end && c.LeadUnitId != null)
            .GroupBy(c => c.LeadUnitId!)
            .Select(g => new { UnitId = g.Key, Count = g.Count(), InTime = g.Count(c => c.SignedInTime == true) })
            .ToListAsync(ct);
        foreach (var d in dispatched)
        {
            Put(FigureMetric.Dispatched, d.UnitId, d.Count);
            Put(FigureMetric.InTime, d.UnitId, d.InTime);
        }
        var ratings = await db.Set<Rating>().AsNoTracking()
            .Where(r => r.At >= start && r.At < end && !r.Excluded)
            .GroupBy(r => r.UnitId)
            .Select(g => new { UnitId = g.Key, Count = g.Count(), Resolved = g.Count(r => r.Resolved), Satisfied = g.Count(r => r.Level >= 3) })
            .ToListAsync(ct);
        foreach (var r in ratings)
        {
            Put(FigureMetric.Rated, r.UnitId ?? "", r.Count);
            Put(FigureMetric.Resolved, r.UnitId ?? "", r.Resolved);
            Put(FigureMetric.Satisfied, r.UnitId ?? "", r.Satisfied);
        }
        var returns = await db.Set<ReturnRequest>().AsNoTracking()
            .Where(r => r.RequestedAt >= start && r.RequestedAt < end)
            .GroupBy(r => r.UnitId)
            .Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var r in returns)
        {
            Put(FigureMetric.Returns, r.UnitId, r.Count);
        }
        return counts;
    }

    /// <summary>Every month from the earliest to the latest instant any counted record has.</summary>
    private static async Task<List<string>> MonthsWithRecordsAsync(AppDb db, CancellationToken ct)
    {
        var cases = db.Set<Case>().AsNoTracking();
        var ratings = db.Set<Rating>().AsNoTracking();
        var returns = db.Set<ReturnRequest>().AsNoTracking();
        DateTimeOffset?[] instants =
        [
            await cases.MinAsync(c => (DateTimeOffset?)c.RegisteredAt, ct), await cases.MaxAsync(c => (DateTimeOffset?)c.RegisteredAt, ct),
            await cases.MinAsync(c => c.HandleDueAt, ct), await cases.MaxAsync(c => c.HandleDueAt, ct),
            await cases.MinAsync(c => c.FirstDispatchedAt, ct), await cases.MaxAsync(c => c.FirstDispatchedAt, ct),
            await ratings.MinAsync(r => (DateTimeOffset?)r.At, ct), await ratings.MaxAsync(r => (DateTimeOffset?)r.At, ct),
            await returns.MinAsync(r => (DateTimeOffset?)r.RequestedAt, ct), await returns.MaxAsync(r => (DateTimeOffset?)r.RequestedAt, ct),
        ];
        var known = instants.OfType<DateTimeOffset>().ToList();
        if (known.Count == 0)
        {
            return [];
        }
        var months = new List<string>();
        var first = known.Min().ToCst();
        var last = FigureMetric.MonthOf(known.Max());
        for (var m = new DateTime(first.Year, first.Month, 1); ; m = m.AddMonths(1))
        {
            var month = m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            months.Add(month);
            if (month == last)
            {
                return months;
            }
        }
    }
}
