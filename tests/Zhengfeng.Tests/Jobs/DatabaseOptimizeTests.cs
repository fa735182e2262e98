using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengfeng.Jobs;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Jobs;

/// <summary>The scheduled PRAGMA optimize gives SQLite's planner statistics for the tables the lists and rankings read.</summary>
public sealed class DatabaseOptimizeTests
{
    [Fact]
    public async Task The_optimize_job_leaves_SQLite_with_statistics_for_the_case_table()
    {
        await using var app = await AppFactory.StartAsync();
        var s = await CaseScenario.CreateAsync(app);
        for (var i = 0; i < 3; i++)
        {
            await s.DispatchedCaseAsync();
        }
        var job = app.Services.GetRequiredService<DatabaseOptimize>();
        if (app.IsPostgres)
        {
            Assert.Equal(0, await job.RunOnceAsync(CancellationToken.None)); // autovacuum analyses PostgreSQL's tables
            return;
        }
        Assert.Equal(0, await ScalarAsync(app, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")); // no statistics yet

        Assert.Equal(1, await job.RunOnceAsync(CancellationToken.None));

        Assert.True(await ScalarAsync(app, "SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'Case'") > 0);
    }

    private static async Task<long> ScalarAsync(AppFactory app, string sql)
    {
        long value = 0;
        await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = sql;
            value = Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            await db.Database.CloseConnectionAsync();
        });
        return value;
    }
}
