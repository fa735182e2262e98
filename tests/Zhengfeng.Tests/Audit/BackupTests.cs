using System.Net;
using Microsoft.Data.Sqlite;
using Zhengfeng.Features.Audit;

namespace Zhengfeng.Tests.Audit;

/// <summary>
/// <c>zhengfeng backup</c> copies the live SQLite database while the server runs and signs a checkpoint of the copy;
/// <c>zhengfeng restore</c> checks a copy against its checkpoint and the data folder's before it replaces anything.
/// </summary>
public sealed class BackupTests
{
    [Fact]
    public async Task A_backup_taken_while_serving_restores_and_verifies_against_its_checkpoint()
    {
        await using var app = await AppFactory.StartAsync();
        var admin = await app.AdminAsync();
        if (app.IsPostgres)
        {
            var pg = await ZhengfengCommand.RunAsync("backup", "--db", app.ConnectionString, "--out", Path.Combine(app.DataDir, "x.db"));
            Assert.Equal(1, pg.Code);
            Assert.Contains("pg_dump", pg.Error);
            return;
        }
        await admin.CreateUnitAsync(app, name: "备份前的单位");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/audit/checkpoints", null)).StatusCode);
        await admin.CreateUnitAsync(app); // the log goes on after the checkpoint
        var folder = Directory.CreateTempSubdirectory("zf-backup-").FullName;
        try
        {
            var backup = Path.Combine(folder, "zhengfeng-backup.db");
            var run = await ZhengfengCommand.RunAsync("backup", "--data", app.DataDir, "--out", backup);
            Assert.True(run.Code == 0, run.Output + run.Error);
            Assert.Contains("包含并延续数据目录中最新的检查点", run.Output);
            Assert.True(File.Exists(backup + BackupCommand.CheckpointSuffix));
            Assert.Equal(1, (await ZhengfengCommand.RunAsync("backup", "--data", app.DataDir, "--out", backup)).Code); // never overwritten

            await admin.CreateUnitAsync(app, name: "备份后的单位");
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/audit/checkpoints", null)).StatusCode);

            // Into a fresh data folder with the server's keys: checked against the backup's own checkpoint.
            var keys = Path.Combine(app.DataDir, "keys");
            var fresh = Path.Combine(folder, "fresh");
            run = await ZhengfengCommand.RunAsync("restore", "--from", backup, "--data", fresh, "--Security:KeysFolder", keys);
            Assert.True(run.Code == 0, run.Output + run.Error);
            Assert.Contains("zhengfeng-backup.db.checkpoint", run.Output);
            var restored = Path.Combine(fresh, "zhengfeng.db");
            Assert.Equal(1, await CountAsync(restored, "SELECT COUNT(*) FROM Units WHERE Name = '备份前的单位'"));
            Assert.Equal(0, await CountAsync(restored, "SELECT COUNT(*) FROM Units WHERE Name = '备份后的单位'"));
            run = await ZhengfengCommand.RunAsync("audit", "verify", "--data", fresh, "--checkpoint", backup + BackupCommand.CheckpointSuffix, "--Security:KeysFolder", keys);
            Assert.True(run.Code == 0, run.Output + run.Error);

            run = await ZhengfengCommand.RunAsync("restore", "--from", backup, "--data", fresh, "--Security:KeysFolder", keys);
            Assert.Equal(1, run.Code);
            Assert.Contains("--force", run.Error);
            run = await ZhengfengCommand.RunAsync("restore", "--from", backup, "--force", "--data", fresh, "--Security:KeysFolder", keys);
            Assert.True(run.Code == 0, run.Output + run.Error);
            Assert.Single(Directory.GetFiles(fresh, "zhengfeng.db.before-restore-*"));

            // Against the live data folder: its newest checkpoint is newer than the backup, which is said, and the older one is proved.
            run = await ZhengfengCommand.RunAsync("restore", "--from", backup, "--data", app.DataDir, "--db", $"Data Source={Path.Combine(folder, "second.db")}");
            Assert.True(run.Code == 0, run.Output + run.Error);
            Assert.Contains("备份之后写入的记录不在其中", run.Output);
            Assert.Contains("包含并延续检查点 0000", run.Output);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_backup_cut_short_or_edited_is_refused_and_nothing_is_replaced()
    {
        await using var app = await AppFactory.StartAsync();
        if (app.IsPostgres)
        {
            return; // PostgreSQL is restored with pg_restore; the first test checks the advice
        }
        var admin = await app.AdminAsync();
        await admin.CreateUnitAsync(app);
        await admin.CreateUnitAsync(app);
        var folder = Directory.CreateTempSubdirectory("zf-backup-").FullName;
        try
        {
            var backup = Path.Combine(folder, "b.db");
            Assert.Equal(0, (await ZhengfengCommand.RunAsync("backup", "--data", app.DataDir, "--out", backup)).Code);
            var cut = Path.Combine(folder, "cut.db");
            File.Copy(backup, cut);
            File.Copy(backup + BackupCommand.CheckpointSuffix, cut + BackupCommand.CheckpointSuffix);
            var size = await CountAsync(cut, "SELECT MAX(Seq) FROM AuditEntries");
            await CountAsync(cut, $"DELETE FROM AuditEntries WHERE Seq > {size - 3}");

            var target = Path.Combine(folder, "target");
            var keys = Path.Combine(app.DataDir, "keys");
            var run = await ZhengfengCommand.RunAsync("restore", "--from", cut, "--data", target, "--Security:KeysFolder", keys);
            Assert.Equal(2, run.Code);
            Assert.Contains("截断", run.Output);
            Assert.False(File.Exists(Path.Combine(target, "zhengfeng.db")));

            var edited = Path.Combine(folder, "edited.db");
            File.Copy(backup, edited);
            await CountAsync(edited, "UPDATE AuditEntries SET ActorName = '别人' WHERE Seq = 2");
            run = await ZhengfengCommand.RunAsync("restore", "--from", edited, "--data", target, "--Security:KeysFolder", keys);
            Assert.Equal(2, run.Code);
            Assert.Contains("篡改", run.Output);
            Assert.False(File.Exists(Path.Combine(target, "zhengfeng.db")));

            var missing = await ZhengfengCommand.RunAsync("restore", "--from", Path.Combine(folder, "none.db"), "--data", target);
            Assert.Equal(1, missing.Code);
            Assert.Contains("找不到备份文件", missing.Error);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<long> CountAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
