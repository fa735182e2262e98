using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;

namespace Zhengfeng.Features.Audit;

/// <summary>
/// <c>zhengfeng backup --out FILE</c> and <c>zhengfeng restore --from FILE [--force]</c> for the embedded database (PostgreSQL is
/// backed up with pg_dump; see <see cref="PostgresAdvice"/>). A backup is SQLite's online backup of the live file (a consistent
/// copy while the server runs), checked against the latest checkpoint and given a signed checkpoint of its own
/// (<c>FILE.checkpoint</c>). A restore checks the copy before it touches anything: its hash chain, its own checkpoint, and the
/// newest checkpoint in the data folder that it can contain; a copy that fails is refused and the live database stays.
/// Exit codes as <see cref="AuditVerifyCommand"/>: 0 done, 2 the copy's log is broken, 1 nothing done (bad arguments, no file).
/// </summary>
public static class BackupCommand
{
    public const string CheckpointSuffix = ".checkpoint";

    public const string PostgresAdvice = """
        PostgreSQL 数据库请用 pg_dump 备份、pg_restore 恢复，例如：
          pg_dump -Fc -d "<连接串>" -f zhengfeng.dump
          pg_restore --clean --if-exists -d "<连接串>" zhengfeng.dump
        恢复后运行 zhengfeng audit verify --db "<连接串>" --checkpoint <数据目录>/checkpoints/latest 校验恢复的审计日志。
        """;

    public static async Task<int> BackupAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var config = AuditVerifyCommand.Configuration(args);
        if (Database.IsPostgres(config["db"]))
        {
            await error.WriteLineAsync(PostgresAdvice);
            return AuditVerifyCommand.Unusable;
        }
        var dataFolder = AuditVerifyCommand.DataFolder(config);
        var source = AuditVerifyCommand.SqlitePath(config, dataFolder);
        if (source is null || !File.Exists(source))
        {
            await error.WriteLineAsync($"找不到数据库文件：{source ?? "（未指定）"}");
            return AuditVerifyCommand.Unusable;
        }
        if (config["out"] is not { Length: > 0 } named)
        {
            await error.WriteLineAsync("请用 --out 指定备份文件，例如 --out backups/zhengfeng-20261127.db");
            return AuditVerifyCommand.Unusable;
        }
        var target = Path.GetFullPath(named);
        if (File.Exists(target) || File.Exists(target + CheckpointSuffix))
        {
            await error.WriteLineAsync($"备份文件已存在，不覆盖：{target}");
            return AuditVerifyCommand.Unusable;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        Copy(source, target);

        await using var copy = AuditVerifyCommand.OpenSqlite(target, SqliteOpenMode.ReadOnly);
        var chain = await AuditVerifier.VerifyAsync(copy, ct);
        if (!chain.Ok)
        {
            await output.WriteLineAsync($"已写入备份 {target}，但其中的审计日志已被篡改：{chain.Reason}");
            return AuditVerifyCommand.Broken;
        }
        var lines = new List<string> { $"已备份到 {target}：审计日志 {chain.Entries} 条，哈希链校验通过。" };
        var latestFile = Path.Combine(dataFolder, AuditCheckpoints.FolderName, AuditCheckpoints.LatestFile);
        if (File.Exists(latestFile))
        {
            var (latest, _) = await AuditVerifyCommand.ReadCheckpointAsync(config, latestFile, dataFolder, error, ct);
            if (latest is null)
            {
                return AuditVerifyCommand.Unusable;
            }
            if (await AuditVerifyCommand.ExtendsAsync(copy, latest, chain.Entries, ct) is { } broken)
            {
                await output.WriteLineAsync($"已写入备份 {target}，但它与数据目录中最新的检查点不符：{broken}");
                return AuditVerifyCommand.Broken;
            }
            lines.Add($"包含并延续数据目录中最新的检查点（{latest.Size} 条）。");
        }
        if (AuditSigning.Existing(config, KeyFolder.Resolve(config, dataFolder)) is { } key)
        {
            var frontier = new MerkleFrontier();
            await AuditLogTree.ExtendAsync(copy, frontier, null, AuditTrail.Genesis, ct);
            var checkpoint = AuditCheckpoint.Sign(key, frontier.Size, frontier.Root(), TimeProvider.System.GetUtcNow());
            await File.WriteAllTextAsync(target + CheckpointSuffix, checkpoint.Text, ct);
            lines.Add($"备份的检查点：{target}{CheckpointSuffix}（{checkpoint.Size} 条，根哈希 {checkpoint.RootHashHex}，{key.Verifier.AlgorithmName} 签名）。");
        }
        else
        {
            lines.Add("找不到审计签名密钥，备份未附检查点。");
        }
        lines.Add("密钥目录（keys/）不在备份中：请另行保管。");
        foreach (var line in lines)
        {
            await output.WriteLineAsync(line);
        }
        return AuditVerifyCommand.Intact;
    }

    public static async Task<int> RestoreAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var force = args.Contains("--force"); // a flag without a value: the configuration reader would take the next argument as its value
        var config = AuditVerifyCommand.Configuration([.. args.Where(a => a != "--force")]);
        if (Database.IsPostgres(config["db"]))
        {
            await error.WriteLineAsync(PostgresAdvice);
            return AuditVerifyCommand.Unusable;
        }
        var dataFolder = AuditVerifyCommand.DataFolder(config);
        if (config["from"] is not { Length: > 0 } named)
        {
            await error.WriteLineAsync("请用 --from 指定要恢复的备份文件");
            return AuditVerifyCommand.Unusable;
        }
        var from = Path.GetFullPath(named);
        if (!File.Exists(from))
        {
            await error.WriteLineAsync($"找不到备份文件：{from}");
            return AuditVerifyCommand.Unusable;
        }
        var target = AuditVerifyCommand.SqlitePath(config, dataFolder);
        if (target is null)
        {
            await error.WriteLineAsync("恢复的目标必须是 SQLite 数据库文件");
            return AuditVerifyCommand.Unusable;
        }
        if (File.Exists(target) && !force)
        {
            await error.WriteLineAsync($"目标数据库已存在：{target}。请先停止服务，再加 --force 恢复（原数据库会另存为 .before-restore 文件）。");
            return AuditVerifyCommand.Unusable;
        }

        var (code, report) = await CheckCopyAsync(config, from, dataFolder, output, error, ct);
        if (code != AuditVerifyCommand.Intact)
        {
            await output.WriteLineAsync("未恢复：数据库保持原样。");
            return code;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            var kept = $"{target}.before-restore-{TimeProvider.System.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}";
            Copy(target, kept); // the live file with its WAL folded in, so nothing it held is lost
            foreach (var file in new[] { target, target + "-wal", target + "-shm" })
            {
                File.Delete(file);
            }
            report.Add($"原数据库另存为 {kept}。");
        }
        Copy(from, target);
        await using (var restored = AuditVerifyCommand.OpenSqlite(target, SqliteOpenMode.ReadOnly))
        {
            var chain = await AuditVerifier.VerifyAsync(restored, ct);
            if (!chain.Ok)
            {
                await output.WriteLineAsync($"恢复后的审计日志校验失败：{chain.Reason}");
                return AuditVerifyCommand.Broken;
            }
        }
        report.Insert(0, $"已从 {from} 恢复到 {target}。");
        foreach (var line in report)
        {
            await output.WriteLineAsync(line);
        }
        return AuditVerifyCommand.Intact;
    }

    /// <summary>
    /// The backup's hash chain, its own checkpoint (when there is one) and the newest checkpoint of the data folder that it can
    /// contain; what a checkpoint larger than the copy means is reported, not refused (a backup is older than the latest state).
    /// </summary>
    private static async Task<(int Code, List<string> Report)> CheckCopyAsync(IConfiguration config, string from, string dataFolder, TextWriter output,
        TextWriter error, CancellationToken ct)
    {
        var report = new List<string>();
        await using var copy = AuditVerifyCommand.OpenSqlite(from, SqliteOpenMode.ReadOnly);
        try
        {
            await copy.AuditEntries.AsNoTracking().AnyAsync(ct);
        }
        catch (SqliteException e)
        {
            await error.WriteLineAsync($"不是正风的数据库备份：{e.Message}");
            return (AuditVerifyCommand.Unusable, report);
        }
        var chain = await AuditVerifier.VerifyAsync(copy, ct);
        if (!chain.Ok)
        {
            await output.WriteLineAsync($"备份中的审计日志已被篡改：{chain.Reason}（此前 {chain.Entries} 条校验通过）");
            return (AuditVerifyCommand.Broken, report);
        }
        report.Add($"审计日志 {chain.Entries} 条，哈希链校验通过。");

        var candidates = new List<string>();
        if (config["checkpoint"] is { Length: > 0 } given)
        {
            candidates.Add(given);
        }
        else if (File.Exists(from + CheckpointSuffix))
        {
            candidates.Add(from + CheckpointSuffix);
        }
        var saved = Path.Combine(dataFolder, AuditCheckpoints.FolderName);
        var newest = AuditCheckpoints.SavedNames(saved)
            .Select(n => (File: Path.Combine(saved, n), Size: long.Parse(n[..12], CultureInfo.InvariantCulture))).ToList();
        if (newest.FirstOrDefault(c => c.Size <= chain.Entries) is { File: not null } contained)
        {
            candidates.Add(contained.File);
        }
        if (newest.Count > 0 && newest[0].Size > chain.Entries)
        {
            report.Add($"注意：数据目录中最新的检查点有 {newest[0].Size} 条记录，备份只有 {chain.Entries} 条；备份之后写入的记录不在其中。");
        }
        foreach (var file in candidates)
        {
            var (checkpoint, signer) = await AuditVerifyCommand.ReadCheckpointAsync(config, file, dataFolder, error, ct);
            if (checkpoint is null || signer is null)
            {
                return (AuditVerifyCommand.Unusable, report);
            }
            if (await AuditVerifyCommand.ExtendsAsync(copy, checkpoint, chain.Entries, ct) is { } broken)
            {
                await output.WriteLineAsync($"备份与检查点 {Path.GetFileName(file)} 不符：{broken}");
                return (AuditVerifyCommand.Broken, report);
            }
            report.Add($"包含并延续检查点 {Path.GetFileName(file)}（{checkpoint.Size} 条，{signer.AlgorithmName} 签名有效）。");
        }
        if (candidates.Count == 0)
        {
            report.Add("没有可用的检查点：只校验了哈希链。");
        }
        return (AuditVerifyCommand.Intact, report);
    }

    /// <summary>SQLite's online backup: a consistent copy of <paramref name="source"/> (WAL included) even while it is being written.</summary>
    private static void Copy(string source, string target)
    {
        using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ConnectionString);
        using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ConnectionString);
        from.Open();
        to.Open();
        from.BackupDatabase(to);
    }
}
