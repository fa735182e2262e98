using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengfeng.Data;
using Zhengfeng.Features.Campaigns;
using Zhengfeng.Jobs;

namespace Zhengfeng.Tests.Assignments;

/// <summary>Reporting cycles: one ask per unit and period, never more often than the plan's cycle, counted by the burden meter.</summary>
public sealed class ReportReminderTests
{
    private static async Task<List<ReportDue>> AskedAsync(AppFactory app, string ownerId)
    {
        List<ReportDue> rows = [];
        await app.WithDbAsync(async db => rows = await db.Set<ReportDue>().AsNoTracking().Where(r => r.OwnerId == ownerId).OrderBy(r => r.Period).ThenBy(r => r.UnitId).ToListAsync());
        return rows;
    }

    [Fact]
    public async Task Each_period_of_a_campaign_or_task_cycle_asks_each_unit_once_and_the_burden_meter_counts_it()
    {
        await using var app = await AppFactory.StartAsync();
        var s = await TaskScenario.CreateAsync(app);
        var campaign = await s.CampaignAsync("2026-11-01", "2027-01-15", ReportCycle.Monthly);
        var quiet = await s.CampaignAsync("2026-11-01", "2027-01-31", ReportCycle.None);
        var closed = await s.CampaignAsync("2026-11-01", "2027-01-31", ReportCycle.Monthly, closed: true);
        var task = (await s.AssignAsync(b => { b["reportCycle"] = "monthly"; b["dueOn"] = "2027-01-29"; })).Id();
        var plain = (await s.AssignAsync()).Id();
        var reminders = app.Services.GetRequiredService<ReportReminders>();

        Assert.Equal(3, (await Task.WhenAll(reminders.RunOnceAsync(CancellationToken.None), reminders.RunOnceAsync(CancellationToken.None))).Sum());
        Assert.Equal(0, await reminders.RunOnceAsync(CancellationToken.None));
        var asked = await AskedAsync(app, campaign);
        Assert.Equal(new[] { s.LeadUnit, s.AssistUnit }.Order(StringComparer.Ordinal), asked.Select(r => r.UnitId));
        Assert.All(asked, r => Assert.Equal(("2026-11", new DateOnly(2026, 11, 30)), (r.Period, r.DueOn)));
        var onTask = Assert.Single(await AskedAsync(app, task));
        Assert.Equal((s.LeadUnit, "assignment", "2026-11"), (onTask.UnitId, onTask.OwnerType, onTask.Period));
        Assert.Empty(await AskedAsync(app, quiet));
        Assert.Empty(await AskedAsync(app, closed));
        Assert.Empty(await AskedAsync(app, plain));

        var lead = await TaskScenario.InboxAsync(s.LeadStaff);
        Assert.Contains(lead, m => m.GetProperty("text").GetString()!.Contains($"/campaigns/{campaign}/report") && m.GetProperty("text").GetString()!.Contains("2026年11月"));
        Assert.Contains(lead, m => m.GetProperty("text").GetString()!.Contains($"/assignments/{task}"));
        Assert.Contains(await TaskScenario.InboxAsync(s.AssistStaff), m => m.GetProperty("text").GetString()!.Contains($"/campaigns/{campaign}/report"));

        var burden = await s.Supervisor.GetOkAsync("/api/v1/burden?period=2026-11");
        var row = burden.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == s.LeadUnit);
        Assert.Equal(2, row.GetProperty("reportsAsked").GetInt32());
        Assert.Equal(2, row.GetProperty("total").GetInt32());
        Assert.Contains("按周期报送2次", row.GetProperty("reason").GetString());

        app.Clock.Advance(TimeSpan.FromDays(7)); // a week later: still November, nobody is asked again
        Assert.Equal(0, await reminders.RunOnceAsync(CancellationToken.None));
        app.Clock.Advance(TimeSpan.FromDays(23)); // Wednesday 2026-12-02: the December period opens
        Assert.Equal(3, await reminders.RunOnceAsync(CancellationToken.None));

        // A unit that already filed its report for the period is not asked for it.
        await app.WithDbAsync(async db =>
        {
            db.Add(new CampaignReport
            {
                Id = Ids.New(), CampaignId = campaign, UnitId = s.AssistUnit, Period = "2027-01", Content = "提前报送", ReportedBy = "k1", ReportedByName = "经办人",
                ReportedAt = app.Clock.GetUtcNow(),
            });
            db.PendingAction = "campaign.report";
            await db.SaveChangesAsync();
        });
        app.Clock.Advance(TimeSpan.FromDays(30)); // 2027-01-01
        Assert.Equal(2, await reminders.RunOnceAsync(CancellationToken.None));
        var january = (await AskedAsync(app, campaign)).Where(r => r.Period == "2027-01").ToList();
        Assert.Equal(new DateOnly(2027, 1, 15), Assert.Single(january).DueOn); // the campaign ends before the month does
        Assert.Equal(3, (await AskedAsync(app, task)).Count);

        s = await s.LoginAgainAsync();
        var december = await s.Supervisor.GetOkAsync("/api/v1/burden?period=2026-12");
        Assert.Equal(2, december.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == s.LeadUnit).GetProperty("reportsAsked").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await s.LeadStaff.GetAsync("/api/v1/burden")).StatusCode);
    }
}
