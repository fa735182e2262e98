using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Zhengfeng.Data;

namespace Zhengfeng.Features.Audit;

/// <summary>
/// <c>zhengfeng audit verify [--checkpoint FILE [--public-key FILE]] [--db ..] [--data ..]</c>, offline and read-only: no
/// migrations, no key made, nothing written; the SQLite file is opened read-only and a PostgreSQL session is read-only.
/// Exit 0: intact. 2: broken (an entry edited or deleted, the log truncated or rewritten since the checkpoint).
/// 1: nothing to verify (no such database, no audit log in it, an unreadable checkpoint, no key to check its signature).
/// </summary>
public static class AuditVerifyCommand
{
    public const int Intact = 0;
    public const int Unusable = 1;
    public const int Broken = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var config = Configuration(args);
        var dataFolder = DataFolder(config);
        await using var db = Open(config, dataFolder, error);
        if (db is null)
        {
            return Unusable;
        }
        try
        {
            await db.AuditEntries.AsNoTracking().AnyAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await error.WriteLineAsync($"无法读取审计日志（数据库无法连接，或不是正风的数据库）：{e.Message}");
            return Unusable;
        }

        AuditCheckpoint? checkpoint = null;
        AuditVerifierKey? signer = null;
        if (config["checkpoint"] is { } checkpointFile)
        {
            (checkpoint, signer) = await ReadCheckpointAsync(config, checkpointFile, dataFolder, error, ct);
            if (checkpoint is null || signer is null)
            {
                return Unusable;
            }
        }

        var chain = await AuditVerifier.VerifyAsync(db, ct);
        if (!chain.Ok)
        {
            await output.WriteLineAsync($"审计日志已被篡改：{chain.Reason}（此前 {chain.Entries} 条校验通过）");
            return Broken;
        }
        if (checkpoint is null)
        {
            await output.WriteLineAsync($"审计日志完整：共 {chain.Entries} 条，哈希链校验通过。");
            return Intact;
        }

        if (await ExtendsAsync(db, checkpoint, chain.Entries, ct) is { } broken)
        {
            await output.WriteLineAsync($"审计日志已被篡改：{broken}");
            return Broken;
        }
        await output.WriteLineAsync($"审计日志完整：共 {chain.Entries} 条，哈希链校验通过；包含并延续检查点（{checkpoint.Size} 条，根哈希 {checkpoint.RootHashHex}，"
            + $"{signer!.AlgorithmName} 签名有效，{checkpoint.At.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}）。");
        return Intact;
    }

    /// <summary>The offline commands' settings: ZHENGFENG_ environment variables and the command line, no appsettings.json.</summary>
    internal static IConfiguration Configuration(string[] args)
        => new ConfigurationBuilder().AddEnvironmentVariables("ZHENGFENG_").AddCommandLine(args).Build();

    /// <summary>The data folder, not made when missing.</summary>
    internal static string DataFolder(IConfiguration config) => Path.GetFullPath(config["data"] ?? "data");

    /// <summary>Null when the log of <paramref name="size"/> entries contains and extends the checkpoint; otherwise why not.</summary>
    internal static async Task<string?> ExtendsAsync(AppDb db, AuditCheckpoint checkpoint, long size, CancellationToken ct)
    {
        try
        {
            return await ProveExtendsAsync(db, checkpoint, size, ct);
        }
        catch (AuditBrokenException e)
        {
            return e.Message;
        }
    }

    private static async Task<string?> ProveExtendsAsync(AppDb db, AuditCheckpoint checkpoint, long size, CancellationToken ct)
    {
        if (size < checkpoint.Size)
        {
            return $"审计日志只有 {size} 条，少于检查点记录的 {checkpoint.Size} 条：日志被截断（最新的记录被删除）";
        }
        var frontier = new MerkleFrontier();
        var head = await AuditLogTree.ExtendAsync(db, frontier, checkpoint.Size, AuditTrail.Genesis, ct);
        if (!frontier.Root().AsSpan().SequenceEqual(checkpoint.RootHash))
        {
            return $"前 {checkpoint.Size} 条记录的默克尔树根与检查点不符：日志被改写";
        }
        await AuditLogTree.ExtendAsync(db, frontier, size, head, ct);
        var current = frontier.Root();
        var proof = await AuditLogTree.ConsistencyProofAsync(db, checkpoint.Size, size, ct);
        return MerkleTree.VerifyConsistency(checkpoint.Size, size, proof, checkpoint.RootHash, current)
            ? null
            : $"一致性证明不成立：当前日志（{size} 条）不是检查点（{checkpoint.Size} 条）的延续";
    }

    internal static async Task<(AuditCheckpoint?, AuditVerifierKey?)> ReadCheckpointAsync(IConfiguration config, string file, string dataFolder, TextWriter error,
        CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"找不到检查点文件：{file}");
            return (null, null);
        }
        var checkpoint = AuditCheckpoint.Parse(await File.ReadAllTextAsync(file, ct));
        if (checkpoint is null)
        {
            await error.WriteLineAsync($"不是有效的检查点文件：{file}");
            return (null, null);
        }
        var signer = await SignerAsync(config, checkpoint, dataFolder, error, ct);
        return signer is null ? (null, null) : (checkpoint, signer);
    }

    /// <summary>The key (from --public-key, the environment or the key folder) whose signature the checkpoint carries; null with the reason when none.</summary>
    internal static async Task<AuditVerifierKey?> SignerAsync(IConfiguration config, AuditCheckpoint checkpoint, string dataFolder, TextWriter error, CancellationToken ct)
    {
        IReadOnlyList<AuditVerifierKey> keys;
        if (config["public-key"] is { } publicKeyFile)
        {
            var key = File.Exists(publicKeyFile) ? AuditVerifierKey.Parse(await File.ReadAllTextAsync(publicKeyFile, ct)) : null;
            if (key is null)
            {
                await error.WriteLineAsync($"无法读取公钥文件：{publicKeyFile}");
                return null;
            }
            keys = [key];
        }
        else
        {
            keys = AuditSigning.ExistingVerifiers(config, KeyFolder.Resolve(config, dataFolder));
        }
        if (keys.Count == 0)
        {
            await error.WriteLineAsync("找不到用于校验签名的公钥：请用 --public-key 指定公钥文件，或设置 ZHENGFENG_AUDIT_KEY，或用 --data 指向存放签名密钥的数据目录");
            return null;
        }
        var signer = keys.FirstOrDefault(checkpoint.IsSignedBy);
        if (signer is null)
        {
            await error.WriteLineAsync("检查点的签名无效：它不是由所给密钥签发的，或检查点文件被修改过");
        }
        return signer;
    }

    /// <summary>The database, opened read-only; null (with the reason on <paramref name="error"/>) when there is none to open.</summary>
    private static AppDb? Open(IConfiguration config, string dataFolder, TextWriter error)
    {
        var db = config["db"];
        if (Database.IsPostgres(db))
        {
            var pg = new NpgsqlConnectionStringBuilder(Database.ToNpgsql(db!)) { Options = "-c default_transaction_read_only=on" };
            return new PostgresAppDb(new DbContextOptionsBuilder<PostgresAppDb>().UseNpgsql(pg.ConnectionString).Options);
        }
        var sqlite = SqlitePath(config, dataFolder);
        if (sqlite is null || !File.Exists(sqlite))
        {
            error.WriteLine($"找不到数据库文件：{sqlite ?? "（未指定）"}");
            return null;
        }
        return OpenSqlite(sqlite, SqliteOpenMode.ReadOnly);
    }

    /// <summary>The SQLite file that --db names, or the one in the data folder; null for an in-memory or empty data source.</summary>
    internal static string? SqlitePath(IConfiguration config, string dataFolder)
    {
        var db = config["db"];
        var sqlite = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(db) ? $"Data Source={Path.Combine(dataFolder, "zhengfeng.db")}" : db);
        return string.IsNullOrEmpty(sqlite.DataSource) || sqlite.DataSource == ":memory:" ? null : Path.GetFullPath(sqlite.DataSource);
    }

    /// <summary>A context on a SQLite file, outside the app: no migrations, no pooling (the file may be moved or replaced next).</summary>
    internal static AppDb OpenSqlite(string path, SqliteOpenMode mode)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ConnectionString;
        return new SqliteAppDb(new DbContextOptionsBuilder<SqliteAppDb>().UseSqlite(cs).Options);
    }
}
