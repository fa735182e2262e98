using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Zhengfeng.Data;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Data;

/// <summary>
/// Database:ReadReplica: rankings and the dashboard read from a PostgreSQL streaming replica (test.sh starts one beside the
/// throw-away primary) while it is within the staleness bound, say so on the page and in a header, fall back to the primary
/// when it falls behind, and never write to it.
/// </summary>
public sealed class ReadReplicaTests
{
    private static readonly string? ReplicaServer = Environment.GetEnvironmentVariable("ZHENGFENG_TEST_PG_REPLICA") is { Length: > 0 } r ? r : null;

    private sealed class ReplicaApp : AppFactory
    {
        public string ReplicaConnectionString
            => new NpgsqlConnectionStringBuilder(ReplicaServer) { Database = new NpgsqlConnectionStringBuilder(ConnectionString).Database }.ConnectionString;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:ReadReplica", ReplicaConnectionString);
            builder.UseSetting("Database:ReplicaMaxLagSeconds", "2");
            builder.UseSetting("Database:ReplicaCheckSeconds", "3600"); // the test checks when it wants to
        }
    }

    [Fact]
    public async Task Rankings_read_from_the_replica_within_the_bound_and_from_the_primary_beyond_it_and_writes_never_go_there()
    {
        if (Environment.GetEnvironmentVariable("ZHENGFENG_TEST_PG") is not { Length: > 0 })
        {
            return; // a PostgreSQL feature: SQLite has no replica
        }
        if (ReplicaServer is null)
        {
            Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")), "test.sh starts a streaming replica and sets ZHENGFENG_TEST_PG_REPLICA");
            return;
        }
        await using var app = new ReplicaApp();
        await app.InitializeAsync();
        var replica = app.Services.GetRequiredService<ReplicaReads>();
        var s = await CaseScenario.CreateAsync(app);
        var leader = await s.Admin.UserAsync(app, await s.Admin.RootUnitIdAsync(), "leader");
        await s.DispatchedCaseAsync();
        // Within the bound the replica may still be a moment behind: wait until it has replayed the dispatch.
        await UntilReplicaShowsAsync(replica, leader, s.LeadUnit, 1);

        var (from, dispatched) = await RankingAsync(leader, s.LeadUnit);
        Assert.StartsWith("replica; stale-seconds=", from);
        Assert.Equal(1, dispatched);
        Assert.Contains("本页数据取自只读副本", await PageAsync(leader, "/rankings?period=2026-11"));
        Assert.Contains("本页数据取自只读副本", await PageAsync(leader, "/dashboard"));

        await using var standby = new NpgsqlConnection(app.ReplicaConnectionString);
        await standby.OpenAsync();
        await ExecAsync(standby, "SELECT pg_wal_replay_pause()");
        try
        {
            await UntilAsync(async () =>
            {
                await using var state = new NpgsqlCommand("SELECT pg_get_wal_replay_pause_state()", standby);
                return (string?)await state.ExecuteScalarAsync() == "paused";
            });
            // A write while the replica stands still: it goes to the primary (the standby would refuse it), and the replica's
            // figures, still within the bound, do not have it yet.
            await s.DispatchedCaseAsync();
            (from, dispatched) = await RankingAsync(leader, s.LeadUnit);
            Assert.StartsWith("replica", from);
            Assert.Equal(1, dispatched);

            // Past the bound the reads go to the primary, and the page says why.
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            var state = await replica.CheckAsync(CancellationToken.None);
            Assert.False(state.Usable);
            Assert.Contains("超过 2 秒", state.Problem);
            (from, dispatched) = await RankingAsync(leader, s.LeadUnit);
            Assert.Equal("primary", from);
            Assert.Equal(2, dispatched);
            Assert.Contains("本页数据直接取自主库", await PageAsync(leader, "/rankings?period=2026-11"));
        }
        finally
        {
            await ExecAsync(standby, "SELECT pg_wal_replay_resume()");
        }

        // Caught up again, the replica serves the reads and has both cases.
        await UntilReplicaShowsAsync(replica, leader, s.LeadUnit, 2);

        // The bound holds between checks too: unconfirmed for longer than the bound, the replica is not read.
        app.Clock.Advance(TimeSpan.FromSeconds(3));
        (from, _) = await RankingAsync(leader, s.LeadUnit);
        Assert.Equal("primary", from);
        Assert.Contains("秒未确认同步", await PageAsync(leader, "/dashboard"));
        await UntilAsync(async () => (await replica.CheckAsync(CancellationToken.None)).Usable);

        // A context on the replica refuses to save.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var read = scope.ServiceProvider.GetRequiredService<ReadDb>();
            Assert.Equal("replica", read.Source.From);
            read.Db.Settings.Add(new AppSetting { Key = "written-to-replica", Value = "1" });
            await Assert.ThrowsAsync<InvalidOperationException>(() => read.Db.SaveChangesAsync());
        }

        // The admin's 运行状态 page shows the replica in use.
        var status = await s.Admin.GetOkAsync("/api/v1/operations/status");
        Assert.True(status.GetProperty("replica").GetProperty("usable").GetBoolean());
        Assert.Contains("从只读副本读取", await PageAsync(s.Admin, "/operations"));
    }

    private static async Task<(string From, int Dispatched)> RankingAsync(HttpClient client, string unitId)
    {
        var response = await client.GetAsync("/api/v1/rankings/units?period=2026-11");
        response.EnsureSuccessStatusCode();
        var rows = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var row = rows.EnumerateArray().FirstOrDefault(r => r.GetProperty("unitId").GetString() == unitId);
        return (response.Headers.GetValues("X-Read-From").Single(), row.ValueKind == JsonValueKind.Undefined ? 0 : row.GetProperty("dispatched").GetInt32());
    }

    private static async Task UntilReplicaShowsAsync(ReplicaReads replica, HttpClient client, string unitId, int dispatched)
        => await UntilAsync(async () =>
        {
            await replica.CheckAsync(CancellationToken.None);
            var (from, count) = await RankingAsync(client, unitId);
            return from.StartsWith("replica", StringComparison.Ordinal) && count == dispatched;
        });

    private static async Task<string> PageAsync(HttpClient client, string url) => System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(url));

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(200);
        }
        Assert.Fail("the replica did not reach the expected state within 30 s");
    }

    private static async Task ExecAsync(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
