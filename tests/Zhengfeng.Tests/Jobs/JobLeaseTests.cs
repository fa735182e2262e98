using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengfeng.Features.Cases;
using Zhengfeng.Jobs;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Jobs;

/// <summary>
/// Two instances of one deployment on one database (PostgreSQL in the PostgreSQL run, one SQLite file otherwise): each ticks
/// every background job, only the holder of a job's lease does the work, another takes over when the holder stops
/// renewing, and even unguarded runs at the same moment never double an alert.
/// </summary>
public sealed class JobLeaseTests
{
    [Fact]
    public async Task Two_instances_on_one_database_run_each_shared_job_once_and_take_over_when_the_holder_stops()
    {
        await using var a = await AppFactory.StartAsync();
        await using var b = await AppFactory.StartAnotherInstanceAsync(a);
        var s = await CaseScenario.CreateAsync(a);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await s.DispatchedCaseAsync()).Id); // Monday 2026-11-02: due at the end of Monday 11-09
        }
        void Advance(TimeSpan by)
        {
            a.Clock.Advance(by);
            b.Clock.Advance(by);
        }

        Advance(TimeSpan.FromDays(6) + TimeSpan.FromHours(16)); // Monday 01:00: within 24 h of the deadlines
        var holders = new Dictionary<Type, AppFactory>();
        foreach (var job in SharedJobs)
        {
            var results = await Task.WhenAll(Job(a, job).TickAsync(CancellationToken.None), Job(b, job).TickAsync(CancellationToken.None));
            Assert.Single(results, r => r is not null); // exactly one instance ran it, the other skipped its tick
            holders[job] = results[0] is not null ? a : b;
        }
        Assert.Equal(3, await AlertsAsync(a, OverdueLevel.Warning));

        // The holder keeps the job on its next ticks; the other instance keeps skipping.
        var sweepHolder = holders[typeof(OverdueSweep)];
        var other = sweepHolder == a ? b : a;
        Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await Job(other, typeof(OverdueSweep)).TickAsync(CancellationToken.None));
        Assert.Equal(0, await Job(sweepHolder, typeof(OverdueSweep)).TickAsync(CancellationToken.None));

        // The holder stops ticking (stopped or crashed): past its term, the other instance takes the sweep over and raises the yellow cards.
        Advance(TimeSpan.FromDays(1)); // Tuesday 01:00: past the deadlines
        Assert.Equal(3, await Job(other, typeof(OverdueSweep)).TickAsync(CancellationToken.None));
        Assert.Null(await Job(sweepHolder, typeof(OverdueSweep)).TickAsync(CancellationToken.None)); // back, it finds the job taken
        Assert.Equal(3, await AlertsAsync(a, OverdueLevel.YellowCard));

        // Even two runs at one moment with no lease at all (clocks far apart) raise each red card once: the alerts' unique key holds.
        Advance(TimeSpan.FromDays(3));
        var raised = await Task.WhenAll(a.Services.GetRequiredService<OverdueSweep>().RunOnceAsync(CancellationToken.None),
            b.Services.GetRequiredService<OverdueSweep>().RunOnceAsync(CancellationToken.None));
        Assert.Equal(3, raised.Sum());
        Assert.Equal(3, await AlertsAsync(a, OverdueLevel.RedCard));
        var admin = await a.AdminAsync(); // the scenario's tokens ran out while the clock moved on
        var dispatcher = await admin.UserAsync(a, await admin.RootUnitIdAsync(), "dispatcher");
        foreach (var id in ids)
        {
            var steps = (await dispatcher.GetOkAsync($"/api/v1/cases/{id}")).GetProperty("timeline").EnumerateArray()
                .Select(e => e.GetProperty("action").GetString()).ToList();
            Assert.Equal(1, steps.Count(x => x == "warning"));
            Assert.Equal(1, steps.Count(x => x == "yellowcard"));
            Assert.Equal(1, steps.Count(x => x == "redcard"));
        }

        // Each change of holder is on the audit log, under the job's Chinese name.
        var log = await admin.GetOkAsync("/api/v1/audit?entityType=JobLease");
        var takeOvers = log.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("action").GetString() == "job.take-over")
            .Select(e => e.GetProperty("entityId").GetString()).ToList();
        Assert.Equal(SharedJobs.Length + 1, takeOvers.Count); // one each at the first tick, one more for the sweep's take-over
        Assert.Equal(2, takeOvers.Count(x => x == "overdue-sweep"));
    }

    [Fact]
    public async Task Jobs_on_shared_records_take_a_lease_and_jobs_on_the_instance_itself_run_everywhere()
    {
        await using var app = await AppFactory.StartAsync();
        foreach (var job in SharedJobs)
        {
            Assert.True(Job(app, job).Shared, job.Name);
        }
        Assert.False(app.Services.GetRequiredService<AuditCheckpointJob>().Shared); // checkpoints are files in the instance's own folder
        Assert.False(app.Services.GetRequiredService<SuggestionRetraining>().Shared); // the model lives in the instance's memory
    }

    private static readonly Type[] SharedJobs =
        [typeof(OverdueSweep), typeof(AssignmentSweep), typeof(ReportReminders), typeof(DailyDigest), typeof(DatabaseOptimize), typeof(FigureCompaction)];

    private static RecurringJob Job(AppFactory app, Type job) => (RecurringJob)app.Services.GetRequiredService(job);

    private static async Task<int> AlertsAsync(AppFactory app, OverdueLevel level)
    {
        var count = 0;
        await app.WithDbAsync(async db => count = await db.Set<CaseAlert>().CountAsync(x => x.Level == level));
        return count;
    }
}
