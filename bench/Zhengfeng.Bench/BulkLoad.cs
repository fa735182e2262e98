using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Zhengfeng.Features.Audit;
using Zhengfeng.Features.Cases;

namespace Zhengfeng.Bench;

/// <summary>
/// Fills the database straight with SQL to a target size: each case with its timeline, ratings, 退单 and 延期 requests and
/// audit entries, in the proportions of <see cref="Proportions"/>. Cases are made in order of registration over the last
/// twelve months (so the keys grow as they do in a running system), older ones mostly closed, recent ones open (some past
/// their handling deadline). Instants are unix milliseconds and enums their stored names, as the app keeps them on both
/// databases. The audit entries continue the app's hash chain from its head (the public <see cref="AuditTrail.ComputeHash"/>),
/// so the audit check still passes. Written in chunks of <see cref="CasesPerChunk"/> cases, one transaction each: SQLite with
/// multi-row INSERTs, PostgreSQL with binary COPY, nothing more than a chunk in memory.
/// </summary>
public static class BulkLoad
{
    public const string Proportions = """
        per case: timeline 受理 → 派单 → 签收 → 答复 → 评价/结案 (about 5–6 events), one audit entry per saved step (about 5);
        status by age: older than 30 days ~85 % 已办结, ~10 % 已答复, ~5 % open; the last 30 days ~60 % open (some past the deadline);
        ~8 % of signed cases with a 退单 request (60 % approved and sent to another unit, 40 % rejected; pending while 退单中);
        ~5 % of signed cases with a 延期 request (75 % approved for 5 workdays, 25 % rejected; some pending while 办理中);
        ~70 % of replied cases rated, levels 5/4/3/2/1 at 55/25/12/5/3 % (不满意 = levels 1–2: rework round 2, re-reply, rated again 60 %);
        the rest closed without a rating after 3 days; titles from 12 everyday problems (search word: 井盖)
        """;

    public const int CasesPerChunk = 10_000;

    private static readonly string[] Titles =
    [
        "人行道井盖缺失", "小区夜间施工噪音扰民", "路灯不亮影响出行", "农贸市场占道经营", "供暖温度不达标", "自来水水质浑浊",
        "窨井盖松动异响", "垃圾清运不及时", "违规停车堵塞消防通道", "公交站台破损", "企业开办办理缓慢", "医保报销手续繁琐",
    ];

    private sealed record Table(string Name, string[] Columns, NpgsqlDbType[] Types);

    private static readonly Table CaseTable = new("Case",
    [
        "Id", "TrackingCode", "Kind", "CategoryCode", "Title", "Content", "Channel", "Address", "Urgent", "Anonymous", "Status", "LeadUnitId",
        "FirstReceiverUnitId", "AssistUnitIds", "RegisteredAt", "DispatchedAt", "FirstDispatchedAt", "SignedAt", "RepliedAt", "ClosedAt",
        "ResponseDueAt", "HandleDueAt", "FeedbackDueAt", "SignedInTime", "Outcome", "ReplyContent", "RatingLevel", "RatedResolved", "RatedAt",
        "Round", "ReturnCount", "ExtensionCount", "OverdueLevel", "WasOverdue", "Version", "EventCount",
    ],
    [
        V, V, V, V, V, V, V, V, B, B, V, V,
        V, V, L, L, L, L, L, L,
        L, L, L, B, V, V, I, B, L,
        I, I, I, V, B, I, I,
    ]);

    private static readonly Table EventTable = new("CaseEvent",
        ["Id", "CaseId", "At", "Action", "ActorId", "ActorName", "UnitId", "Note", "Round", "Seq"], [V, V, L, V, V, V, V, V, I, I]);

    private static readonly Table RatingTable = new("Rating",
        ["Id", "CaseId", "Round", "Level", "Resolved", "Comment", "At", "UnitId", "Excluded"], [V, V, I, I, B, V, L, V, B]);

    private static readonly Table ReturnTable = new("ReturnRequest",
        ["Id", "CaseId", "UnitId", "Reason", "RequestedBy", "RequestedAt", "Decision", "DecidedBy", "DecidedAt", "DecisionNote", "NewLeadUnitId"],
        [V, V, V, V, V, L, V, V, L, V, V]);

    private static readonly Table ExtensionTable = new("ExtensionRequest",
        ["Id", "CaseId", "UnitId", "Workdays", "Reason", "RequestedBy", "RequestedAt", "Decision", "DecidedBy", "DecidedAt", "DecisionNote"],
        [V, V, V, I, V, V, L, V, V, L, V]);

    private static readonly Table AuditTable = new("AuditEntries",
        ["Seq", "At", "ActorId", "ActorName", "Action", "EntityType", "EntityId", "Before", "After", "PrevHash", "Hash"], [L, L, V, V, V, V, V, V, V, V, V]);

    private const NpgsqlDbType V = NpgsqlDbType.Varchar;
    private const NpgsqlDbType B = NpgsqlDbType.Boolean;
    private const NpgsqlDbType L = NpgsqlDbType.Bigint;
    private const NpgsqlDbType I = NpgsqlDbType.Integer;

    // One row per prepared statement: Microsoft.Data.Sqlite binds parameters by name, and SQLite looks each name up in a
    // list, so a statement of many rows costs time quadratic in its parameters (50 rows per statement loaded at half the rate, 5 rows at two thirds).
    private const int RowsPerStatement = 1;
    private const long Hour = 3_600_000;
    private const long Day = 24 * Hour;

    /// <summary>Rows written per table and the wall time.</summary>
    public sealed class Result
    {
        public TimeSpan Elapsed { get; set; }
        public TimeSpan Generating { get; set; }
        public TimeSpan Hashing { get; set; }
        public int Rechained { get; set; }
        public long Cases { get; set; }
        public long Events { get; set; }
        public long Ratings { get; set; }
        public long Returns { get; set; }
        public long Extensions { get; set; }
        public long AuditEntries { get; set; }
        public long Closed { get; set; }
        public long RatedClosed { get; set; }
        public long Unsatisfied { get; set; }
        public long Rows => Cases + Events + Ratings + Returns + Extensions + AuditEntries;

        public string Describe()
        {
            string Per(long n) => Cases == 0 ? "-" : ((double)n / Cases).ToString("F2", CultureInfo.InvariantCulture);
            string Pct(long n, long of) => of == 0 ? "-" : (100.0 * n / of).ToString("F1", CultureInfo.InvariantCulture) + " %";
            return $"rows loaded: {Cases:N0} cases, {Events:N0} timeline events ({Per(Events)}/case), {AuditEntries:N0} audit entries ({Per(AuditEntries)}/case), "
                + $"{Ratings:N0} ratings ({Pct(RatedClosed, Closed)} of closed cases rated, {Pct(Unsatisfied, Ratings)} of ratings 不满意), "
                + $"{Returns:N0} 退单 requests ({Pct(Returns, Cases)} of cases), {Extensions:N0} 延期 requests ({Pct(Extensions, Cases)} of cases); "
                + $"{Rows:N0} rows in {Elapsed.TotalSeconds:F1} s = {Rows / Math.Max(Elapsed.TotalSeconds, 0.001):N0} rows/s, "
                + $"{Cases / Math.Max(Elapsed.TotalSeconds, 0.001):N0} cases/s (making the rows and chaining the audit entries took {Generating.TotalSeconds:F1} s on a second thread; "
                + $"{Rechained} chunks chained again after an entry the app appended meanwhile, {Hashing.TotalSeconds:F1} s)";
        }
    }

    /// <summary>One chunk of generated rows, table by table; audit entries get their Seq and hashes when the chunk is written.</summary>
    private sealed class Chunk
    {
        public readonly List<object?[]> Cases = [];
        public readonly List<object?[]> Events = [];
        public readonly List<object?[]> Ratings = [];
        public readonly List<object?[]> Returns = [];
        public readonly List<object?[]> Extensions = [];
        public readonly List<AuditEntry> Audit = [];

        /// <summary>The head the audit entries were chained after while the chunk was made (the writer re-chains them if it moved).</summary>
        public (long Seq, string Hash) SealedAfter;

        public void Clear()
        {
            Cases.Clear();
            Events.Clear();
            Ratings.Clear();
            Returns.Clear();
            Extensions.Clear();
            Audit.Clear();
        }
    }

    public static Result Run(string databaseFile, int cases, IReadOnlyList<string> unitIds, string categoryCode, DateTimeOffset now, Action<string>? progress = null)
    {
        var result = new Result();
        if (cases <= 0)
        {
            return result;
        }
        var wall = Stopwatch.StartNew();
        using var conn = Sqlite.Open(databaseFile);
        Sqlite.Exec(conn, "PRAGMA cache_size=-400000;");
        var inserts = new Dictionary<(Table, int), SqliteCommand>();
        using var cancel = new CancellationTokenSource();
        using var chunks = new System.Collections.Concurrent.BlockingCollection<Chunk>(2);
        (long, string) start;
        using (var read = conn.BeginTransaction())
        {
            start = SqliteHead(conn, read);
        }
        var producer = Produce(new Generator(cases, unitIds, categoryCode, now, result), start, chunks, result, cancel.Token);
        try
        {
            foreach (var chunk in chunks.GetConsumingEnumerable(cancel.Token))
            {
                using var tx = conn.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the audit head read below stays the head
                Rechain(result, chunk, SqliteHead(conn, tx));
                Insert(conn, tx, inserts, CaseTable, chunk.Cases);
                Insert(conn, tx, inserts, EventTable, chunk.Events);
                Insert(conn, tx, inserts, RatingTable, chunk.Ratings);
                Insert(conn, tx, inserts, ReturnTable, chunk.Returns);
                Insert(conn, tx, inserts, ExtensionTable, chunk.Extensions);
                Insert(conn, tx, inserts, AuditTable, chunk.Audit.Select(AuditRow).ToList());
                tx.Commit();
                Count(result, chunk);
                Report(progress, result, wall);
            }
            producer.GetAwaiter().GetResult();
        }
        finally
        {
            cancel.Cancel();
            foreach (var cmd in inserts.Values)
            {
                cmd.Dispose();
            }
        }
        Sqlite.Exec(conn, "PRAGMA wal_checkpoint(TRUNCATE);");
        result.Elapsed = wall.Elapsed;
        return result;
    }

    /// <summary>The same rows into PostgreSQL with binary COPY, a transaction per chunk holding the app's audit sequencer lock.</summary>
    public static async Task<Result> RunPostgresAsync(string connectionString, int cases, IReadOnlyList<string> unitIds, string categoryCode, DateTimeOffset now,
        Action<string>? progress = null)
    {
        var result = new Result();
        if (cases <= 0)
        {
            return result;
        }
        var wall = Stopwatch.StartNew();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        using var cancel = new CancellationTokenSource();
        using var chunks = new System.Collections.Concurrent.BlockingCollection<Chunk>(2);
        var producer = Produce(new Generator(cases, unitIds, categoryCode, now, result), await PostgresHeadAsync(conn, null), chunks, result, cancel.Token);
        try
        {
            foreach (var chunk in chunks.GetConsumingEnumerable(cancel.Token))
            {
                await using var tx = await conn.BeginTransactionAsync();
                // The lock the app's AuditSequencer takes before it numbers entries: no instance appends while this chunk is chained.
                await using (var lockCmd = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({Zhengfeng.Features.Audit.AuditSequencer.LockKey})", conn, tx))
                {
                    await lockCmd.ExecuteNonQueryAsync();
                }
                Rechain(result, chunk, await PostgresHeadAsync(conn, tx));
                await CopyAsync(conn, CaseTable, chunk.Cases);
                await CopyAsync(conn, EventTable, chunk.Events);
                await CopyAsync(conn, RatingTable, chunk.Ratings);
                await CopyAsync(conn, ReturnTable, chunk.Returns);
                await CopyAsync(conn, ExtensionTable, chunk.Extensions);
                await CopyAsync(conn, AuditTable, chunk.Audit.Select(AuditRow).ToList());
                await tx.CommitAsync();
                Count(result, chunk);
                Report(progress, result, wall);
            }
            await producer;
        }
        finally
        {
            cancel.Cancel();
        }
        result.Elapsed = wall.Elapsed;
        return result;
    }

    /// <summary>
    /// Makes the chunks on a thread of their own, at most two ahead of the writer, so making and writing overlap; their audit
    /// entries are chained there too, after the head as it will be if nothing else appends meanwhile.
    /// </summary>
    private static Task Produce(Generator generator, (long Seq, string Hash) head, System.Collections.Concurrent.BlockingCollection<Chunk> chunks, Result result,
        CancellationToken ct)
        => Task.Run(() =>
        {
            try
            {
                var chunk = new Chunk();
                while (Timed(result, () => generator.Next(chunk)))
                {
                    chunk.SealedAfter = head;
                    Timed(result, () => Seal(chunk.Audit, head));
                    head = chunk.Audit.Count == 0 ? head : (chunk.Audit[^1].Seq, chunk.Audit[^1].Hash);
                    chunks.Add(chunk, ct);
                    chunk = new Chunk();
                }
            }
            finally
            {
                chunks.CompleteAdding();
            }
        }, ct);

    private static void Count(Result result, Chunk chunk)
    {
        result.Cases += chunk.Cases.Count;
        result.Events += chunk.Events.Count;
        result.Ratings += chunk.Ratings.Count;
        result.Returns += chunk.Returns.Count;
        result.Extensions += chunk.Extensions.Count;
        result.AuditEntries += chunk.Audit.Count;
    }

    /// <summary>Chains the chunk's entries again after the head the transaction sees, when the app appended meanwhile.</summary>
    private static void Rechain(Result result, Chunk chunk, (long Seq, string Hash) head)
    {
        if (head != chunk.SealedAfter)
        {
            result.Rechained++;
            Hashed(result, () => Seal(chunk.Audit, head));
        }
    }

    private static async Task<(long Seq, string Hash)> PostgresHeadAsync(NpgsqlConnection conn, NpgsqlTransaction? tx)
    {
        await using var cmd = new NpgsqlCommand("SELECT \"Seq\", \"Hash\" FROM \"AuditEntries\" ORDER BY \"Seq\" DESC LIMIT 1", conn, tx);
        await using var reader = await cmd.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditTrail.Genesis);
    }

    private static T Timed<T>(Result result, Func<T> work)
    {
        var start = Stopwatch.GetTimestamp();
        var value = work();
        result.Generating += Stopwatch.GetElapsedTime(start);
        return value;
    }

    private static void Timed(Result result, Action work) => Timed(result, () =>
    {
        work();
        return 0;
    });

    private static void Hashed(Result result, Action work)
    {
        var start = Stopwatch.GetTimestamp();
        work();
        result.Hashing += Stopwatch.GetElapsedTime(start);
    }

    private static void Report(Action<string>? progress, Result result, Stopwatch wall)
    {
        if (progress is not null && result.Cases % 1_000_000 == 0)
        {
            progress($"  ... {result.Cases:N0} cases, {result.Rows:N0} rows, {wall.Elapsed.TotalSeconds:F0} s ({result.Rows / wall.Elapsed.TotalSeconds:N0} rows/s)");
        }
    }

    private static (long Seq, string Hash) SqliteHead(SqliteConnection conn, SqliteTransaction tx)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT \"Seq\", \"Hash\" FROM \"AuditEntries\" ORDER BY \"Seq\" DESC LIMIT 1";
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditTrail.Genesis);
    }

    /// <summary>Numbers the chunk's entries after the head and chains their hashes as the app does.</summary>
    private static void Seal(List<AuditEntry> entries, (long Seq, string Hash) head)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var sealedEntry = new AuditEntry
            {
                Seq = head.Seq + 1, At = e.At, ActorId = e.ActorId, ActorName = e.ActorName, Action = e.Action, EntityType = e.EntityType,
                EntityId = e.EntityId, Before = e.Before, After = e.After, PrevHash = head.Hash,
            };
            sealedEntry.Hash = AuditTrail.ComputeHash(sealedEntry);
            entries[i] = sealedEntry;
            head = (sealedEntry.Seq, sealedEntry.Hash);
        }
    }

    private static object?[] AuditRow(AuditEntry e)
        => [e.Seq, e.At.ToUnixTimeMilliseconds(), e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Before, e.After, e.PrevHash, e.Hash];

    private static void Insert(SqliteConnection conn, SqliteTransaction tx, Dictionary<(Table, int), SqliteCommand> inserts, Table table, List<object?[]> rows)
    {
        for (var at = 0; at < rows.Count; at += RowsPerStatement)
        {
            var batch = Math.Min(RowsPerStatement, rows.Count - at);
            if (!inserts.TryGetValue((table, batch), out var cmd))
            {
                cmd = InsertCommand(conn, table, batch);
                cmd.Prepare();
                inserts[(table, batch)] = cmd;
            }
            cmd.Transaction = tx;
            var width = table.Columns.Length;
            for (var r = 0; r < batch; r++)
            {
                var values = rows[at + r];
                for (var c = 0; c < width; c++)
                {
                    cmd.Parameters[r * width + c].Value = values[c] ?? DBNull.Value;
                }
            }
            cmd.ExecuteNonQuery();
        }
    }

    private static SqliteCommand InsertCommand(SqliteConnection conn, Table table, int rows)
    {
        var cmd = conn.CreateCommand();
        var width = table.Columns.Length;
        var values = Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", Enumerable.Range(0, width).Select(c => $"$p{r * width + c}")) + ")");
        cmd.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))}) VALUES {string.Join(", ", values)}";
        for (var p = 0; p < rows * width; p++)
        {
            cmd.Parameters.Add(new SqliteParameter { ParameterName = $"$p{p}" });
        }
        return cmd;
    }

    private static async Task CopyAsync(NpgsqlConnection conn, Table table, List<object?[]> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }
        await using var writer = await conn.BeginBinaryImportAsync(
            $"COPY \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
        foreach (var values in rows)
        {
            await writer.StartRowAsync();
            for (var c = 0; c < values.Length; c++)
            {
                var type = table.Types[c];
                await (values[c] switch
                {
                    null => writer.WriteNullAsync(),
                    string text => writer.WriteAsync(text, type),
                    bool flag => writer.WriteAsync(flag, type),
                    long number => writer.WriteAsync(number, type),
                    int number => writer.WriteAsync(number, type),
                    var other => throw new InvalidOperationException($"no COPY type for {other.GetType()}"),
                });
            }
        }
        await writer.CompleteAsync();
    }

    /// <summary>Makes the cases one after the other, in order of registration, with everything that belongs to each.</summary>
    private sealed class Generator(int total, IReadOnlyList<string> unitIds, string categoryCode, DateTimeOffset now, Result result)
    {
        private readonly Random _rng = new(20261123);
        private readonly long _nowMs = now.ToUnixTimeMilliseconds();
        private readonly long _startMs = now.ToUnixTimeMilliseconds() - 365 * Day;
        private readonly long _stepMs = Math.Max(1, 365 * Day / Math.Max(total, 1));
        private int _n;

        // the case being made
        private readonly List<(long At, string Action, string Actor, string? Unit, string? Note, int Round)> _events = [];

        public bool Next(Chunk chunk)
        {
            chunk.Clear();
            if (_n >= total)
            {
                return false;
            }
            var end = Math.Min(total, _n + CasesPerChunk);
            for (; _n < end; _n++)
            {
                One(chunk, _n);
            }
            return true;
        }

        private long Later(long t, long maxDelta) => Math.Min(t + (long)(_rng.NextDouble() * maxDelta), _nowMs - 60_000);

        private string Unit() => unitIds[_rng.Next(unitIds.Count)];

        private int Level()
        {
            var roll = _rng.NextDouble();
            return roll switch { < 0.55 => 5, < 0.80 => 4, < 0.92 => 3, < 0.97 => 2, _ => 1 };
        }

        private void One(Chunk chunk, int n)
        {
            _events.Clear();
            var registered = Math.Min(_startMs + n * _stepMs + _rng.NextInt64(_stepMs), _nowMs - Hour);
            var ageDays = (double)(_nowMs - registered) / Day;
            var roll = _rng.NextDouble();
            var status = ageDays < 30
                ? roll switch { < 0.03 => "Registered", < 0.20 => "Dispatched", < 0.48 => "Handling", < 0.52 => "ReturnRequested", < 0.57 => "Reopened", < 0.80 => "Replied", _ => "Closed" }
                : roll switch { < 0.002 => "Registered", < 0.01 => "Dispatched", < 0.04 => "Handling", < 0.05 => "Reopened", < 0.15 => "Replied", _ => "Closed" };
            var id = Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(registered)).ToString("N");
            var title = Titles[n % Titles.Length];
            var kind = (n % 6) switch { 0 => "Complaint", 1 => "Report", 2 => "Help", 3 => "Consultation", 4 => "Suggestion", _ => "Praise" };
            var version = 1;
            _events.Add((registered, "register", "operator", null, null, 1));

            string? lead = null, firstUnit = null, outcome = null, replyContent = null, overdue = "None";
            long? dispatchedAt = null, firstDispatched = null, signedAt = null, repliedAt = null, closedAt = null, responseDue = null, handleDue = null;
            long? feedbackDue = null, ratedAt = null;
            bool? signedInTime = null, ratedResolved = null;
            int? ratingLevel = null;
            int round = 1, returns = 0, extensions = 0;
            var wasOverdue = false;
            var t = registered;
            if (status != "Registered")
            {
                firstDispatched = dispatchedAt = t = Later(registered, 2 * Hour);
                lead = firstUnit = Unit();
                responseDue = t + 2 * Hour;
                handleDue = t + 7 * Day;
                _events.Add((t, "dispatch", "dispatcher", lead, null, 1));
            }
            if (status is not ("Registered" or "Dispatched"))
            {
                signedAt = t = Later(t, 4 * Hour);
                signedInTime = signedAt - firstDispatched <= 2 * Hour;
                _events.Add((t, "sign", "unit", lead, null, 1));
                if (status == "ReturnRequested" || _rng.NextDouble() < 0.08)
                {
                    returns = 1;
                    t = Later(t, Day);
                    var requested = t;
                    _events.Add((requested, "requestreturn", "unit", lead, "不属于本单位职责", 1));
                    string decision = "Pending";
                    long? decidedAt = null;
                    string? newLead = null;
                    if (status != "ReturnRequested")
                    {
                        decidedAt = t = Later(t, 4 * Hour);
                        if (_rng.NextDouble() < 0.6)
                        {
                            decision = "Approved";
                            newLead = Unit();
                            _events.Add((t, "approvereturn", "dispatcher", firstUnit, null, 1));
                            _events.Add((t, "dispatch", "dispatcher", newLead, "退单改派", 1));
                            lead = newLead;
                            dispatchedAt = t;
                            handleDue = t + 7 * Day;
                            signedAt = t = Later(t, 4 * Hour);
                            _events.Add((t, "sign", "unit", lead, null, 1));
                        }
                        else
                        {
                            decision = "Rejected";
                            _events.Add((t, "rejectreturn", "dispatcher", firstUnit, "属于本单位职责，请办理", 1));
                        }
                    }
                    chunk.Returns.Add([Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(requested)).ToString("N"), id, firstUnit, "不属于本单位职责",
                        "unit", requested, decision, decidedAt is null ? null : "dispatcher", decidedAt, decision == "Rejected" ? "属于本单位职责，请办理" : null, newLead]);
                }
                if (status != "ReturnRequested" && _rng.NextDouble() < 0.05)
                {
                    extensions = 1;
                    t = Later(t, 3 * Day);
                    var requested = t;
                    _events.Add((requested, "extension-request", "unit", lead, "需协调多个部门", round));
                    var pending = status == "Handling" && _rng.NextDouble() < 0.3;
                    var decision = pending ? "Pending" : _rng.NextDouble() < 0.75 ? "Approved" : "Rejected";
                    long? decidedAt = null;
                    if (!pending)
                    {
                        decidedAt = t = Later(t, Day);
                        _events.Add((t, decision == "Approved" ? "extension-approve" : "extension-reject", "dispatcher", lead, null, round));
                        if (decision == "Approved")
                        {
                            handleDue += 7 * Day;
                        }
                    }
                    chunk.Extensions.Add([Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(requested)).ToString("N"), id, lead, 5, "需协调多个部门",
                        "unit", requested, decision, decidedAt is null ? null : "dispatcher", decidedAt, null]);
                }
            }
            if (status is "Replied" or "Closed" or "Reopened")
            {
                repliedAt = t = Later(t, (long)(Math.Pow(_rng.NextDouble(), 1.5) * 10 * Day));
                outcome = _rng.NextDouble() < 0.85 ? "Resolved" : "Partial";
                replyContent = $"经核查，{title}问题已处理完毕。";
                wasOverdue = repliedAt > handleDue;
                _events.Add((t, "reply", "unit", lead, replyContent, 1));
            }
            if (status is "Closed" or "Reopened")
            {
                result.Closed += status == "Closed" ? 1 : 0;
                var rated = status == "Reopened" || _rng.NextDouble() < 0.70;
                if (rated)
                {
                    result.RatedClosed += status == "Closed" ? 1 : 0;
                    var level = status == "Reopened" ? _rng.Next(1, 3) : Level();
                    ratedAt = t = Later(t, 3 * Day);
                    AddRating(chunk, id, 1, level, t, lead);
                    ratingLevel = level;
                    ratedResolved = level >= 3;
                    if (level <= 2)
                    {
                        round = 2;
                        _events.Add((t, "ratebad", "public", lead, Case.RatingLabel(level), 1));
                        handleDue = feedbackDue = t + 7 * Day;
                        _events.Add((t, "rework", "system", lead, "差评重办并回访", 2));
                        if (status == "Closed")
                        {
                            repliedAt = t = Later(t, 5 * Day);
                            _events.Add((t, "reply", "unit", lead, replyContent, 2));
                            if (_rng.NextDouble() < 0.6)
                            {
                                var second = Math.Max(3, Level());
                                ratedAt = closedAt = t = Later(t, 3 * Day);
                                AddRating(chunk, id, 2, second, t, lead);
                                ratingLevel = second;
                                ratedResolved = true;
                                _events.Add((t, "rategood", "public", lead, Case.RatingLabel(second), 2));
                            }
                            else
                            {
                                closedAt = t = Later(t, 3 * Day);
                                _events.Add((t, "return-visit", "operator", lead, "回访：群众认可整改", 2));
                                _events.Add((t, "close", "operator", lead, null, 2));
                            }
                        }
                    }
                    else
                    {
                        closedAt = t;
                        _events.Add((t, "rategood", "public", lead, Case.RatingLabel(level), 1));
                    }
                }
                else
                {
                    closedAt = t = Later(t, 3 * Day);
                    _events.Add((t, "close", "system", lead, "超过评价期限自动办结", 1));
                }
            }
            var open = status is "Dispatched" or "Handling" or "ReturnRequested" or "Reopened";
            if (open && handleDue < _nowMs)
            {
                overdue = "RedCard";
                wasOverdue = true;
            }

            var seq = 0;
            string? prevStatus = null;
            foreach (var (at, action, actor, unit, note, r) in _events)
            {
                seq++;
                chunk.Events.Add([Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(at)).ToString("N"), id, at, action, Actor(actor).Id, Actor(actor).Name, unit, note, r, seq]);
                if (actor == "system" && action == "rework")
                {
                    continue; // saved with the rating
                }
                version++;
                var after = StatusAfter(action, prevStatus);
                var (actorId, actorName) = Actor(actor);
                chunk.Audit.Add(new AuditEntry
                {
                    At = DateTimeOffset.FromUnixTimeMilliseconds(at), ActorId = actorId, ActorName = actorName, Action = AuditAction(action, seq),
                    EntityType = "Case", EntityId = id,
                    Before = prevStatus is null ? null : $"{{\"Id\":\"{id}\",\"Status\":\"{prevStatus}\",\"Version\":{version - 1}}}",
                    After = prevStatus is null
                        ? $"{{\"Id\":\"{id}\",\"Kind\":\"{kind}\",\"Status\":\"Registered\",\"Title\":\"{title}\",\"TrackingCode\":\"B{n:D9}\",\"Version\":1}}"
                        : $"{{\"Id\":\"{id}\",\"Status\":\"{after}\",\"Version\":{version}}}",
                    PrevHash = "",
                });
                prevStatus = after;
            }
            if (prevStatus != status)
            {
                throw new InvalidOperationException($"bulk load: case {n} ends as {prevStatus} by its timeline but {status} by its row");
            }

            chunk.Cases.Add([
                id, $"B{n:D9}", kind, categoryCode, title, $"幸福路与建设街交叉口附近{title}，影响群众生活，请尽快处理。编号{n}", "hotline", "幸福路与建设街交叉口",
                n % 20 == 0, true, status, lead,
                firstUnit, "", registered, dispatchedAt, firstDispatched, signedAt, repliedAt, closedAt,
                responseDue, handleDue, feedbackDue, signedInTime, outcome, replyContent, ratingLevel, ratedResolved, ratedAt,
                round, returns, extensions, overdue, wasOverdue, version, _events.Count,
            ]);
        }

        private void AddRating(Chunk chunk, string caseId, int round, int level, long at, string? unit)
        {
            result.Unsatisfied += level <= 2 ? 1 : 0;
            chunk.Ratings.Add([Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(at)).ToString("N"), caseId, round, level, level >= 3,
                level <= 2 ? "问题没有解决" : null, at, unit, false]);
        }

        private static (string Id, string Name) Actor(string who) => who switch
        {
            "operator" => ("bulk-operator", "话务员"),
            "dispatcher" => ("bulk-dispatcher", "派单员"),
            "unit" => ("bulk-unit", "承办人"),
            "public" => ("public", "群众"),
            _ => ("system", "系统"),
        };

        private static string AuditAction(string eventCode, int seq) => eventCode switch
        {
            "register" => "case.register",
            "dispatch" => seq <= 2 ? "case.dispatch" : "case.redispatch",
            "sign" => "case.sign",
            "requestreturn" => "case.return-request",
            "approvereturn" => "case.return-approve",
            "rejectreturn" => "case.return-reject",
            "extension-request" => "case.extension-request",
            "extension-approve" => "case.extension-approve",
            "extension-reject" => "case.extension-reject",
            "reply" => "case.reply",
            "rategood" => "case.rate",
            "ratebad" => "case.rate-bad",
            "return-visit" => "case.return-visit",
            _ => "case.close",
        };

        /// <summary>The status after a timeline step (the steps that leave it alone keep it).</summary>
        private static string StatusAfter(string eventCode, string? before) => eventCode switch
        {
            "register" => "Registered",
            "dispatch" or "approvereturn" => "Dispatched",
            "sign" or "rejectreturn" => "Handling",
            "requestreturn" => "ReturnRequested",
            "reply" => "Replied",
            "ratebad" => "Reopened",
            "rategood" or "close" => "Closed",
            _ => before!,
        };
    }
}
