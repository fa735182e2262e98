using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Zhengfeng.Bench;

/// <summary>
/// The floor the API is compared with: rows inserted into a scratch table of the app's own database, app idle. SQLite with
/// the pragmas the app sets on every connection (WAL, the same synchronous mode); PostgreSQL with a prepared statement on
/// one connection. Either one row per transaction (a commit per row, as each API create commits) or a batch of rows per
/// transaction; a row's latency is that of its transaction.
/// </summary>
public static class RawInserts
{
    private const string Title = "人行道井盖缺失";
    private const string Content = "幸福路与建设街交叉口东侧人行道井盖缺失，夜间行人易跌落，请尽快处理。";

    public static Stats Run(string databaseFile, int count, string synchronous, int rowsPerTransaction = 1)
    {
        using var conn = Sqlite.Open(databaseFile, synchronous);
        Sqlite.Exec(conn, "DROP TABLE IF EXISTS BenchRaw; CREATE TABLE BenchRaw "
            + "(Id TEXT NOT NULL PRIMARY KEY, TrackingCode TEXT NOT NULL, Title TEXT NOT NULL, Content TEXT NOT NULL, RegisteredAt INTEGER NOT NULL);");
        using var insert = conn.CreateCommand();
        insert.CommandText = "INSERT INTO BenchRaw (Id, TrackingCode, Title, Content, RegisteredAt) VALUES ($id, $code, $title, $content, $at)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var code = insert.Parameters.Add("$code", SqliteType.Text);
        insert.Parameters.AddWithValue("$title", Title);
        insert.Parameters.AddWithValue("$content", Content);
        var at = insert.Parameters.Add("$at", SqliteType.Integer);
        insert.Prepare();
        var latencies = new double[count];
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i += rowsPerTransaction)
        {
            var start = Stopwatch.GetTimestamp();
            var rows = Math.Min(rowsPerTransaction, count - i);
            using var tx = conn.BeginTransaction();
            insert.Transaction = tx;
            for (var r = i; r < i + rows; r++)
            {
                id.Value = Guid.CreateVersion7().ToString("N");
                code.Value = $"R{r:D9}";
                at.Value = wall.ElapsedMilliseconds;
                insert.ExecuteNonQuery();
            }
            tx.Commit();
            Array.Fill(latencies, Stats.Ms(start), i, rows);
        }
        wall.Stop();
        Sqlite.Exec(conn, "DROP TABLE BenchRaw;");
        return new Stats(Name(rowsPerTransaction), latencies, wall.Elapsed, 0);
    }

    public static async Task<Stats> RunPostgresAsync(string connectionString, int count, int rowsPerTransaction = 1)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using (var create = new NpgsqlCommand("DROP TABLE IF EXISTS bench_raw; CREATE TABLE bench_raw "
            + "(id text NOT NULL PRIMARY KEY, tracking_code text NOT NULL, title text NOT NULL, content text NOT NULL, registered_at timestamp with time zone NOT NULL)", conn))
        {
            await create.ExecuteNonQueryAsync();
        }
        await using var insert = new NpgsqlCommand("INSERT INTO bench_raw (id, tracking_code, title, content, registered_at) VALUES ($1, $2, $3, $4, $5)", conn);
        var id = new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text };
        var code = new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text };
        var at = new NpgsqlParameter<DateTime> { NpgsqlDbType = NpgsqlDbType.TimestampTz };
        insert.Parameters.Add(id);
        insert.Parameters.Add(code);
        insert.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = Title });
        insert.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = Content });
        insert.Parameters.Add(at);
        await insert.PrepareAsync();
        var latencies = new double[count];
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i += rowsPerTransaction)
        {
            var start = Stopwatch.GetTimestamp();
            var rows = Math.Min(rowsPerTransaction, count - i);
            await using var tx = await conn.BeginTransactionAsync();
            insert.Transaction = tx;
            for (var r = i; r < i + rows; r++)
            {
                id.TypedValue = Guid.CreateVersion7().ToString("N");
                code.TypedValue = $"R{r:D9}";
                at.TypedValue = TimeProvider.System.GetUtcNow().UtcDateTime;
                await insert.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
            Array.Fill(latencies, Stats.Ms(start), i, rows);
        }
        wall.Stop();
        await using (var drop = new NpgsqlCommand("DROP TABLE bench_raw", conn))
        {
            await drop.ExecuteNonQueryAsync();
        }
        return new Stats(Name(rowsPerTransaction), latencies, wall.Elapsed, 0);
    }

    private static string Name(int rows) => rows == 1 ? "raw INSERT: single commits" : $"raw INSERT: batched commits of {rows}";
}

public static class Sqlite
{
    public static SqliteConnection Open(string file, string synchronous = "NORMAL")
    {
        var conn = new SqliteConnection($"Data Source={file}");
        conn.Open();
        Exec(conn, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;");
        return conn;
    }

    public static void Exec(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public static string Text(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    public static long Scalar(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static IReadOnlyList<string> Plan(SqliteConnection conn, string sql, params (string Name, object Value)[] args)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value);
        }
        using var reader = cmd.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(3));
        }
        return lines;
    }
}
