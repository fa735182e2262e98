using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengfeng.Features.Figures;
using Zhengfeng.Jobs;
using Zhengfeng.Tests.Campaigns;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Figures;

/// <summary>Moves the clock and tampers with the counts: its own app.</summary>
public sealed class RunningFiguresTests
{
    [Fact]
    public async Task The_running_counts_follow_every_change_match_a_recount_and_can_be_rebuilt()
    {
        await using var app = await AppFactory.StartAsync();
        var s = await CaseScenario.CreateAsync(app); // Monday 2026-11-02 09:00
        var reporter = app.Anonymous();
        var (_, goodCode) = await s.RepliedCaseAsync();
        var (appealed, appealedCode) = await s.RepliedCaseAsync();
        var (returned, _) = await s.DispatchedCaseAsync();
        await s.DispatchedCaseAsync(); // left open: past its deadline after the clock moves
        await reporter.PostOkAsync($"/public/v1/cases/{goodCode}/rating", new { level = 5, resolved = true });
        await reporter.PostOkAsync($"/public/v1/cases/{appealedCode}/rating", new { level = 1, resolved = false });
        var request = await s.LeadStaff.PostOkAsync($"/api/v1/cases/{returned}/return-requests", new { reason = "属于交通部门职责" });
        await s.Dispatcher.PostOkAsync($"/api/v1/cases/{returned}/return-requests/{request.Id()}/decision", new { approve = true, newLeadUnitId = s.OtherUnit });

        var ranking = await RowAsync(s.Dispatcher, s.LeadUnit);
        // 4 first dispatched to the lead unit, one since moved to the other unit; two ratings; one 退单.
        Assert.Equal((3, 2, 1, 1), (ranking.GetProperty("dispatched").GetInt32(), ranking.GetProperty("rated").GetInt32(),
            ranking.GetProperty("satisfied").GetInt32(), ranking.GetProperty("returnCount").GetInt32()));
        Assert.Equal(1, (await RowAsync(s.Dispatcher, s.OtherUnit)).GetProperty("dispatched").GetInt32());
        Assert.True(await CountAsync<FigureDelta>(app) > 0, "the saves left their changes as delta rows");
        // The open cases are counted under their deadline's month, but the dashboard shows only deadlines already passed.
        var root = await s.Admin.RootUnitIdAsync();
        Assert.Equal(0, await OverdueAsync(await s.Admin.UserAsync(app, root, "leader")));
        await AssertMatchesRecountAsync(s.Admin);

        // An upheld appeal takes the one-star rating out of the counts, in the same save.
        var supervisor = await s.Admin.UserAsync(app, s.OtherUnit, "supervisor");
        await s.LeadStaff.PostOkAsync($"/api/v1/cases/{appealed}/rating-appeal", new { reason = "诉求人与本案无关，系恶意评价" });
        await supervisor.PostOkAsync($"/api/v1/cases/{appealed}/rating-appeal/decision", new { approve = true, note = "经核实系恶意评价" });
        Assert.Equal((1, 1), await RatedAsync(s.Dispatcher, s.LeadUnit));

        // Compaction folds every delta into the monthly counts and changes no figure.
        var folded = await app.Services.GetRequiredService<FigureCompaction>().RunOnceAsync(CancellationToken.None);
        Assert.True(folded > 0);
        Assert.Equal(0, await CountAsync<FigureDelta>(app));
        Assert.True(await CountAsync<MonthlyFigure>(app) > 0);
        Assert.Equal((1, 1), await RatedAsync(s.Dispatcher, s.LeadUnit));
        await AssertMatchesRecountAsync(s.Admin);

        // A week later the sweep flags the open cases overdue (a change of WasOverdue); the counts follow.
        app.Clock.Advance(TimeSpan.FromDays(8));
        await app.Services.GetRequiredService<OverdueSweep>().RunOnceAsync(CancellationToken.None);
        var admin = await app.AdminAsync();
        await AssertMatchesRecountAsync(admin);
        var leader = await admin.UserAsync(app, root, "leader");
        var overdue = await OverdueAsync(leader);
        Assert.True(overdue > 0);
        Assert.Equal(overdue, (await leader.GetOkAsync("/api/v1/dashboard/drill?metric=overdue&month=2026-11")).GetArrayLength());

        // Counts changed behind the app's back are found by the check, shown on 运行状态, and put right by a rebuild.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""UPDATE "MonthlyFigure" SET "Count" = "Count" + 5 WHERE "Metric" = 'registered'"""));
        var check = await admin.PostOkAsync("/api/v1/operations/figures/check", new { });
        var mismatch = Assert.Single(check.GetProperty("mismatches").EnumerateArray());
        Assert.Equal(("registered", "2026-11"), (mismatch.GetProperty("metric").GetString(), mismatch.GetProperty("month").GetString()));
        Assert.Equal(mismatch.GetProperty("counted").GetInt64() + 5, mismatch.GetProperty("stored").GetInt64());
        var page = WebUtility.HtmlDecode(await (await CampaignScenario.PostFormAsync(admin, "/operations?handler=Check")).Content.ReadAsStringAsync());
        Assert.Contains("有 1 项与记录不一致，请重算统计数", page);

        var rebuilt = await CampaignScenario.PostFormAsync(admin, "/operations?handler=Rebuild");
        Assert.Equal(HttpStatusCode.Redirect, rebuilt.StatusCode);
        Assert.Equal("/operations", rebuilt.Headers.Location?.OriginalString);
        await AssertMatchesRecountAsync(admin);
        var audit = await admin.GetOkAsync("/api/v1/audit?action=figures.rebuild");
        Assert.Single(audit.GetProperty("items").EnumerateArray());
        var dispatcher = await admin.UserAsync(app, root, "dispatcher"); // last week's tokens have expired
        Assert.Equal((1, 1), await RatedAsync(dispatcher, s.LeadUnit));
    }

    [Fact]
    public async Task A_database_with_cases_but_no_counts_gets_them_at_start_up()
    {
        await using var app = await AppFactory.StartAsync();
        var s = await CaseScenario.CreateAsync(app);
        await s.RepliedCaseAsync();
        await s.DispatchedCaseAsync();
        var before = await RowAsync(s.Dispatcher, s.LeadUnit);
        // As after the upgrade that added the counts: the records are there, the counts are not.
        await app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "FigureDelta" """);
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "MonthlyFigure" """);
        });
        Assert.Empty((await s.Dispatcher.GetOkAsync("/api/v1/rankings/units?period=2026-11")).EnumerateArray());

        await using var restarted = await AppFactory.StartAnotherInstanceAsync(app);
        var dispatcher = await (await restarted.AdminAsync()).UserAsync(restarted, await s.Admin.RootUnitIdAsync(), "dispatcher");
        Assert.Equal(before.GetProperty("dispatched").GetInt32(), (await RowAsync(dispatcher, s.LeadUnit)).GetProperty("dispatched").GetInt32());
        await AssertMatchesRecountAsync(await restarted.AdminAsync());
    }

    [Fact]
    public async Task Counts_stay_exact_while_two_instances_save_and_fold_at_once()
    {
        await using var a = await AppFactory.StartAsync();
        var s = await CaseScenario.CreateAsync(a);
        await using var b = await AppFactory.StartAnotherInstanceAsync(a);
        var root = await s.Admin.RootUnitIdAsync();
        var adminB = await b.AdminAsync();
        var (operatorB, dispatcherB) = (await adminB.UserAsync(b, root, "operator"), await adminB.UserAsync(b, root, "dispatcher"));
        async Task CreateAndDispatchAsync(HttpClient op, HttpClient dispatcher)
        {
            var c = await op.PostOkAsync("/api/v1/cases", new { kind = "complaint", categoryCode = "roads", title = "路灯不亮", content = "幸福路路灯不亮。", channel = "hotline" },
                HttpStatusCode.Created);
            await dispatcher.PostOkAsync($"/api/v1/cases/{c.Id()}/dispatch", new { leadUnitId = s.LeadUnit });
        }

        // Saves on both instances at once, while both fold the deltas over and over (no lease: the worst case).
        using var stop = new CancellationTokenSource();
        async Task FoldAsync(AppFactory app)
        {
            var job = app.Services.GetRequiredService<FigureCompaction>();
            while (!stop.IsCancellationRequested)
            {
                await job.RunOnceAsync(CancellationToken.None);
                await Task.Delay(20, CancellationToken.None);
            }
        }
        var folding = Task.WhenAll(FoldAsync(a), FoldAsync(b));
        await Task.WhenAll(Enumerable.Range(0, 12).SelectMany(_ => new[]
        {
            CreateAndDispatchAsync(s.Operator, s.Dispatcher), CreateAndDispatchAsync(operatorB, dispatcherB),
        }));
        await stop.CancelAsync();
        await folding;

        Assert.Equal(24, (await RowAsync(s.Dispatcher, s.LeadUnit)).GetProperty("dispatched").GetInt32());
        await AssertMatchesRecountAsync(s.Admin);
    }

    [Fact]
    public async Task Saves_made_while_the_counts_are_rebuilt_are_counted_once()
    {
        await using var app = await AppFactory.StartAsync();
        var s = await CaseScenario.CreateAsync(app);
        await s.DispatchedCaseAsync();

        // Rebuilds one after another while cases are registered and dispatched: on SQLite the recount reads a snapshot while the
        // saves go on, and the deltas saved after it must survive the rebuild's write.
        using var stop = new CancellationTokenSource();
        var rebuilds = 0;
        async Task RebuildAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                await s.Admin.PostOkAsync("/api/v1/operations/figures/rebuild", new { });
                rebuilds++;
            }
        }
        var rebuilding = RebuildAsync();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => s.DispatchedCaseAsync()));
        await stop.CancelAsync();
        await rebuilding;

        Assert.True(rebuilds > 0);
        Assert.Equal(17, (await RowAsync(s.Dispatcher, s.LeadUnit)).GetProperty("dispatched").GetInt32());
        await AssertMatchesRecountAsync(s.Admin);
    }

    private static async Task AssertMatchesRecountAsync(HttpClient admin)
    {
        var check = await admin.PostOkAsync("/api/v1/operations/figures/check", new { });
        Assert.True(check.GetProperty("figures").GetInt32() > 0);
        Assert.True(check.GetProperty("mismatches").GetArrayLength() == 0, $"the running counts differ from a recount: {check.GetProperty("mismatches")}");
    }

    private static async Task<int> OverdueAsync(HttpClient leader)
        => (await leader.GetOkAsync("/api/v1/dashboard?from=2026-11&to=2026-11")).GetProperty("trend")[0].GetProperty("overdue").GetProperty("value").GetInt32();

    private static async Task<JsonElement> RowAsync(HttpClient client, string unitId)
        => (await client.GetOkAsync("/api/v1/rankings/units?period=2026-11")).EnumerateArray().Single(r => r.GetProperty("unitId").GetString() == unitId);

    private static async Task<(int Rated, int Satisfied)> RatedAsync(HttpClient client, string unitId)
    {
        var row = await RowAsync(client, unitId);
        return (row.GetProperty("rated").GetInt32(), row.GetProperty("satisfied").GetInt32());
    }

    private static async Task<int> CountAsync<T>(AppFactory app) where T : class
    {
        var n = 0;
        await app.WithDbAsync(async db => n = await db.Set<T>().CountAsync());
        return n;
    }
}
