using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Update;
using Npgsql;
using Zhengfeng.Features.Audit;

namespace Zhengfeng.Data;

/// <summary>Chooses the provider from the connection string (contract: --db / ZHENGFENG_DB; default SQLite under --data).</summary>
public static class Database
{
    public static void AddAppDb(this IServiceCollection services, IConfiguration config)
    {
        var db = config["db"];
        var synchronous = Synchronous(config); // checked on PostgreSQL too, so that a mistyped value never passes unnoticed
        if (IsPostgres(db))
        {
            var cs = ToNpgsql(db!);
            services.AddPooled<PostgresAppDb>(o => o.UseNpgsql(cs).AddInterceptors(new AuditSequencer.FlushOnCommit()));
            if (config["Database:ReadReplica"] is { Length: > 0 } replica)
            {
                services.AddSingleton(sp => new ReplicaReads(cs, ToNpgsql(replica), config, sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<ReplicaReads>>()));
                services.AddHostedService<ReplicaMonitor>();
            }
        }
        else if (!string.IsNullOrWhiteSpace(config["Database:ReadReplica"]))
        {
            throw new InvalidOperationException("配置项 Database:ReadReplica 只能与 PostgreSQL 主库同用（SQLite 没有只读副本）。");
        }
        else
        {
            var cs = string.IsNullOrWhiteSpace(db) ? $"Data Source={Path.Combine(DataFolder(config), "zhengfeng.db")}" : db;
            var pragmas = new SqlitePragmas(synchronous);
            services.AddPooled<SqliteAppDb>(o => o.UseSqlite(cs).AddInterceptors(pragmas).ReplaceService<IBatchExecutor, GroupedBatchExecutor>());
        }
        services.AddReadDb();
    }

    /// <summary>
    /// Contexts come from a pool: setting up a fresh context's services cost about a tenth of a case's creation.
    /// Each request's scope leases one with its own actor and returns it when the scope ends.
    /// </summary>
    /// <summary>
    /// The heavy reads' context for each request: the replica's while it is fresh enough, else the request's own. With a replica
    /// configured, the response says where it read: <c>X-Read-From: replica; stale-seconds=N</c> or <c>X-Read-From: primary</c>.
    /// </summary>
    public static void AddReadDb(this IServiceCollection services)
        => services.AddScoped(sp =>
        {
            var replica = sp.GetService<ReplicaReads>();
            var read = new ReadDb(sp.GetRequiredService<AppDb>(), sp.GetRequiredService<AuditActor>(), sp.GetRequiredService<TimeProvider>(), replica);
            if (replica is not null && sp.GetService<IHttpContextAccessor>()?.HttpContext?.Response is { HasStarted: false } response)
            {
                response.Headers["X-Read-From"] = read.Source.StaleSeconds is { } stale
                    ? $"{read.Source.From}; stale-seconds={stale.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
                    : read.Source.From;
            }
            return read;
        });

    private static void AddPooled<TDb>(this IServiceCollection services, Action<DbContextOptionsBuilder> configure) where TDb : AppDb
    {
        // The only entities loaded with several collections are campaigns and assignments with their owned lists (phases,
        // leaders, units, milestones): a few rows each, so one query is right and EF Core need not warn about it.
        services.AddPooledDbContextFactory<TDb>(o => configure(o.ConfigureWarnings(w => w.Ignore(RelationalEventId.MultipleCollectionIncludeWarning))));
        services.AddScoped<AppDb>(sp => sp.GetRequiredService<IDbContextFactory<TDb>>().CreateDbContext()
            .Lease(sp.GetRequiredService<AuditActor>(), sp.GetRequiredService<TimeProvider>()));
    }

    /// <summary>
    /// SQLite's <c>synchronous</c> mode from <c>Database:Synchronous</c>: FULL (the default) syncs the WAL on every commit,
    /// so a save that was acknowledged survives a power cut; NORMAL may lose the last commits; EXTRA also syncs the folder.
    /// </summary>
    public static string Synchronous(IConfiguration config)
    {
        var value = config["Database:Synchronous"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return "FULL";
        }
        var mode = value.Trim().ToUpperInvariant();
        return mode is "FULL" or "NORMAL" or "EXTRA"
            ? mode
            : throw new InvalidOperationException($"配置项 Database:Synchronous 的值“{value}”无效，只能是 FULL（默认）、NORMAL 或 EXTRA。");
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
    private sealed class SqlitePragmas(string synchronous) : DbConnectionInterceptor
    {
        private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Applied = new();
        private static readonly object Done = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private void Apply(DbConnection connection)
        {
            if (connection is not SqliteConnection { Handle: { } handle } || Applied.TryGetValue(handle, out _))
            {
                return;
            }
            Applied.AddOrUpdate(handle, Done);
            using var cmd = connection.CreateCommand();
            // temp_store=MEMORY: a savepoint's journal stays in memory instead of a temporary file opened for every batch.
            cmd.CommandText = $"PRAGMA synchronous={synchronous}; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA temp_store=MEMORY;";
            cmd.ExecuteNonQuery();
        }
    }
}
