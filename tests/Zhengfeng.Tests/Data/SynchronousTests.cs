using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Zhengfeng.Tests.Data;

/// <summary>Database:Synchronous: an acknowledged save is on disk (FULL) unless the operator chooses otherwise.</summary>
public sealed class SynchronousTests
{
    private sealed class SettingApp(string value) : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:Synchronous", value);
        }
    }

    private static async Task<long> SynchronousOfAsync(AppFactory app)
    {
        long mode = -1;
        await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync(); // the per-connection pragmas are applied here
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = "PRAGMA synchronous;";
            mode = Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            await db.Database.CloseConnectionAsync();
        });
        return mode;
    }

    [Fact]
    public async Task SQLite_connections_sync_every_commit_by_default_and_follow_the_setting()
    {
        await using var app = await AppFactory.StartAsync();
        if (app.IsPostgres)
        {
            return; // a SQLite setting: PostgreSQL keeps its own fsync settings
        }
        Assert.Equal(2, await SynchronousOfAsync(app)); // 2 = FULL

        await using var normal = new SettingApp("normal");
        await normal.InitializeAsync();
        Assert.Equal(1, await SynchronousOfAsync(normal)); // 1 = NORMAL, case does not matter
    }

    [Fact]
    public async Task An_unknown_synchronous_mode_stops_the_start_with_a_message_naming_the_setting()
    {
        await using var app = new SettingApp("fast");
        var e = await Assert.ThrowsAnyAsync<Exception>(app.InitializeAsync);
        var messages = string.Join(" | ", Chain(e).Select(x => x.Message));
        Assert.Contains("Database:Synchronous", messages);
        Assert.Contains("FULL", messages);
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
        }
    }
}
