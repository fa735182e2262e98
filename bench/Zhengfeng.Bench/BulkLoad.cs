using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Zhengfeng.Bench;

/// <summary>
/// Fills the Case table straight with SQL to a target size: lead units spread over the given units, first dispatch
/// spread over the last twelve months, older cases mostly closed, recent ones open (some past their handling deadline).
/// Instants are unix milliseconds and enums their names, as the app stores them on both databases (PostgreSQL's Case
/// columns for instants are bigint too). No timeline rows. SQLite gets multi-row INSERTs, PostgreSQL one binary COPY.
/// </summary>
public static class BulkLoad
{
    private static readonly string[] Columns =
    [
        "Id", "TrackingCode", "Kind", "CategoryCode", "Title", "Content", "Channel", "Urgent", "Anonymous", "Status", "LeadUnitId",
        "AssistUnitIds", "RegisteredAt", "DispatchedAt", "FirstDispatchedAt", "SignedAt", "RepliedAt", "ClosedAt", "ResponseDueAt",
        "HandleDueAt", "SignedInTime", "Outcome", "Round", "ReturnCount", "ExtensionCount", "OverdueLevel", "WasOverdue", "Version", "EventCount",
    ];

    /// <summary>The PostgreSQL column types of <see cref="Columns"/> (from the PostgreSQL model snapshot).</summary>
    private static readonly NpgsqlDbType[] PgTypes =
    [
        NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
        NpgsqlDbType.Boolean, NpgsqlDbType.Boolean, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
        NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint,
        NpgsqlDbType.Boolean, NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Boolean,
        NpgsqlDbType.Integer, NpgsqlDbType.Integer,
    ];

    private const int RowsPerStatement = 50;
    private const int RowsPerTransaction = 50_000;
    private const long Hour = 3_600_000;
    private const long Day = 24 * Hour;

    public static TimeSpan Run(string databaseFile, int rows, IReadOnlyList<string> unitIds, string categoryCode, DateTimeOffset now)
    {
        if (rows <= 0)
        {
            return TimeSpan.Zero;
        }
        var wall = Stopwatch.StartNew();
        using var conn = Sqlite.Open(databaseFile);
        Sqlite.Exec(conn, "PRAGMA cache_size=-200000;");
        using var cmd = Insert(conn, RowsPerStatement);
        var rng = new Random(20261123);
        var nowMs = now.ToUnixTimeMilliseconds();
        var done = 0;
        while (done < rows)
        {
            using var tx = conn.BeginTransaction();
            cmd.Transaction = tx;
            var inTx = 0;
            while (inTx < RowsPerTransaction && done < rows)
            {
                var batch = Math.Min(RowsPerStatement, rows - done);
                if (batch < RowsPerStatement)
                {
                    using var tail = Insert(conn, batch);
                    tail.Transaction = tx;
                    for (var r = 0; r < batch; r++)
                    {
                        Fill(tail.Parameters, r * Columns.Length, done + r, rng, nowMs, unitIds, categoryCode);
                    }
                    tail.ExecuteNonQuery();
                }
                else
                {
                    for (var r = 0; r < batch; r++)
                    {
                        Fill(cmd.Parameters, r * Columns.Length, done + r, rng, nowMs, unitIds, categoryCode);
                    }
                    cmd.ExecuteNonQuery();
                }
                done += batch;
                inTx += batch;
            }
            tx.Commit();
        }
        Sqlite.Exec(conn, "PRAGMA wal_checkpoint(TRUNCATE);");
        return wall.Elapsed;
    }

    /// <summary>The same rows into PostgreSQL's Case table with one binary COPY.</summary>
    public static async Task<TimeSpan> RunPostgresAsync(string connectionString, int rows, IReadOnlyList<string> unitIds, string categoryCode, DateTimeOffset now)
    {
        if (rows <= 0)
        {
            return TimeSpan.Zero;
        }
        var wall = Stopwatch.StartNew();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var rng = new Random(20261123);
        var nowMs = now.ToUnixTimeMilliseconds();
        var values = new object?[Columns.Length];
        await using (var writer = await conn.BeginBinaryImportAsync($"COPY \"Case\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)"))
        {
            for (var n = 0; n < rows; n++)
            {
                Row(values, n, rng, nowMs, unitIds, categoryCode);
                await writer.StartRowAsync();
                for (var c = 0; c < values.Length; c++)
                {
                    await (values[c] switch
                    {
                        null => writer.WriteNullAsync(),
                        string text => writer.WriteAsync(text, PgTypes[c]),
                        bool flag => writer.WriteAsync(flag, PgTypes[c]),
                        long number => writer.WriteAsync(number, PgTypes[c]),
                        int number => writer.WriteAsync(number, PgTypes[c]),
                        var other => throw new InvalidOperationException($"no COPY type for {other.GetType()}"),
                    });
                }
            }
            await writer.CompleteAsync();
        }
        return wall.Elapsed;
    }

    private static SqliteCommand Insert(SqliteConnection conn, int rows)
    {
        var cmd = conn.CreateCommand();
        var values = Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", Enumerable.Range(0, Columns.Length).Select(c => $"$p{r * Columns.Length + c}")) + ")");
        cmd.CommandText = $"INSERT INTO \"Case\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES {string.Join(", ", values)}";
        for (var p = 0; p < rows * Columns.Length; p++)
        {
            cmd.Parameters.Add(new SqliteParameter { ParameterName = $"$p{p}" });
        }
        return cmd;
    }

    private static void Fill(SqliteParameterCollection p, int at, int n, Random rng, long nowMs, IReadOnlyList<string> unitIds, string categoryCode)
    {
        var values = new object?[Columns.Length];
        Row(values, n, rng, nowMs, unitIds, categoryCode);
        for (var c = 0; c < values.Length; c++)
        {
            p[at + c].Value = values[c] ?? DBNull.Value;
        }
    }

    /// <summary>Row n's values in the order of <see cref="Columns"/> (null for NULL): string, bool, long or int.</summary>
    private static void Row(object?[] v, int n, Random rng, long nowMs, IReadOnlyList<string> unitIds, string categoryCode)
    {
        var ageDays = rng.NextDouble() * 365;
        var registered = nowMs - (long)(ageDays * Day);
        var recent = ageDays < 30;
        var roll = rng.NextDouble();
        var status = recent
            ? roll switch { < 0.03 => "Registered", < 0.20 => "Dispatched", < 0.50 => "Handling", < 0.55 => "ReturnRequested", < 0.60 => "Reopened", < 0.85 => "Replied", _ => "Closed" }
            : roll switch { < 0.002 => "Registered", < 0.02 => "Dispatched", < 0.05 => "Handling", < 0.15 => "Replied", _ => "Closed" };
        var dispatched = status != "Registered";
        long? first = dispatched ? registered + (long)(rng.NextDouble() * 2 * Hour) : null;
        long? signed = dispatched && status != "Dispatched" ? first + (long)(rng.NextDouble() * 4 * Hour) : null;
        long? replied = status is "Replied" or "Closed" ? signed + (long)(rng.NextDouble() * 10 * Day) : null;
        long? handleDue = first + 7 * Day;
        var open = status is "Dispatched" or "Handling" or "ReturnRequested" or "Reopened";
        var i = 0;
        v[i++] = Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(registered)).ToString("N");
        v[i++] = $"B{n:D9}";
        v[i++] = (n % 6) switch { 0 => "Complaint", 1 => "Report", 2 => "Help", 3 => "Consultation", 4 => "Suggestion", _ => "Praise" };
        v[i++] = categoryCode;
        v[i++] = "人行道井盖缺失";
        v[i++] = "幸福路与建设街交叉口东侧人行道井盖缺失，夜间行人易跌落，请尽快处理。";
        v[i++] = "hotline";
        v[i++] = n % 20 == 0;
        v[i++] = true;
        v[i++] = status;
        v[i++] = dispatched ? unitIds[rng.Next(unitIds.Count)] : null;
        v[i++] = "";
        v[i++] = registered;
        v[i++] = first;
        v[i++] = first;
        v[i++] = signed;
        v[i++] = replied;
        v[i++] = status == "Closed" ? replied!.Value + Day : null;
        v[i++] = dispatched ? first!.Value + 2 * Hour : null;
        v[i++] = handleDue;
        v[i++] = signed is null ? null : signed - first <= 2 * Hour;
        v[i++] = replied is null ? null : "Resolved";
        v[i++] = 1;
        v[i++] = 0;
        v[i++] = 0;
        v[i++] = open && handleDue < nowMs ? "RedCard" : "None";
        v[i++] = open && handleDue < nowMs;
        v[i++] = 1;
        v[i] = 0;
    }
}
