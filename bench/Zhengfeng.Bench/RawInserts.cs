using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Zhengfeng.Bench;

/// <summary>
/// The floor the API is compared with: one row per transaction into a scratch table of the app's SQLite file,
/// with the pragmas the app sets on every connection (WAL, the same synchronous mode).
/// </summary>
public static class RawInserts
{
    public static Stats Run(string databaseFile, int count, string synchronous)
    {
        using var conn = Sqlite.Open(databaseFile, synchronous);
        Sqlite.Exec(conn, "DROP TABLE IF EXISTS BenchRaw; CREATE TABLE BenchRaw "
            + "(Id TEXT NOT NULL PRIMARY KEY, TrackingCode TEXT NOT NULL, Title TEXT NOT NULL, Content TEXT NOT NULL, RegisteredAt INTEGER NOT NULL);");
        using var insert = conn.CreateCommand();
        insert.CommandText = "INSERT INTO BenchRaw (Id, TrackingCode, Title, Content, RegisteredAt) VALUES ($id, $code, $title, $content, $at)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var code = insert.Parameters.Add("$code", SqliteType.Text);
        insert.Parameters.AddWithValue("$title", "人行道井盖缺失");
        insert.Parameters.AddWithValue("$content", "幸福路与建设街交叉口东侧人行道井盖缺失，夜间行人易跌落，请尽快处理。");
        var at = insert.Parameters.Add("$at", SqliteType.Integer);
        insert.Prepare();
        var latencies = new double[count];
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var tx = conn.BeginTransaction();
            insert.Transaction = tx;
            id.Value = Guid.CreateVersion7().ToString("N");
            code.Value = $"R{i:D9}";
            at.Value = wall.ElapsedMilliseconds;
            insert.ExecuteNonQuery();
            tx.Commit();
            latencies[i] = Stats.Ms(start);
        }
        wall.Stop();
        Sqlite.Exec(conn, "DROP TABLE BenchRaw;");
        return new Stats($"raw INSERT, 1 row per transaction, synchronous={synchronous}", latencies, wall.Elapsed, 0);
    }
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
