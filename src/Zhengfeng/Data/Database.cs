using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Zhengfeng.Features.Audit;

namespace Zhengfeng.Data;

/// <summary>Chooses the provider from the connection string (contract: --db / ZHENGFENG_DB; default SQLite under --data).</summary>
public static class Database
{
    public static void AddAppDb(this IServiceCollection services, IConfiguration config)
    {
        var db = config["db"];
        if (IsPostgres(db))
        {
            var cs = ToNpgsql(db!);
            services.AddDbContext<AppDb, PostgresAppDb>(o => o.UseNpgsql(cs).AddInterceptors(new AuditSequencer.FlushOnCommit()));
        }
        else
        {
            var cs = string.IsNullOrWhiteSpace(db) ? $"Data Source={Path.Combine(DataFolder(config), "zhengfeng.db")}" : db;
            services.AddDbContext<AppDb, SqliteAppDb>(o => o.UseSqlite(cs).AddInterceptors(new SqlitePragmas()));
        }
    }

    public static string DataFolder(IConfiguration config)
    {
        var dir = Path.GetFullPath(config["data"] ?? "data");
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static bool IsPostgres(string? db)
        => db is not null && (db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || db.Contains("Host=", StringComparison.OrdinalIgnoreCase));

    /// <summary>Accepts both the URL form (postgres://user:pw@host:port/db) and the keyword form.</summary>
    public static string ToNpgsql(string db)
    {
        if (!db.Contains("://", StringComparison.Ordinal))
        {
            return db;
        }
        var uri = new Uri(db);
        var b = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.Port > 0 ? uri.Port : 5432, Database = uri.AbsolutePath.Trim('/') };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            b.Username = Uri.UnescapeDataString(userInfo[0]);
        }
        if (userInfo.Length > 1)
        {
            b.Password = Uri.UnescapeDataString(userInfo[1]);
        }
        return b.ConnectionString;
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        if (!db.IsPostgres)
        {
            // WAL is a property of the file: set once, it stays.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>
    /// Per-connection settings on every SQLite connection (WAL itself is set once on the file at start-up). Pooled
    /// connections keep their settings, so they are applied once per physical connection.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Applied = new();
        private static readonly object Done = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            if (connection is not SqliteConnection { Handle: { } handle } || Applied.TryGetValue(handle, out _))
            {
                return;
            }
            Applied.AddOrUpdate(handle, Done);
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";
            cmd.ExecuteNonQuery();
        }
    }
}
