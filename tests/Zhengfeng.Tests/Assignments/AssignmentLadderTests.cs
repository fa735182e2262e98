using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengfeng.Features.Campaigns;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Jobs;

namespace Zhengfeng.Tests.Assignments;

/// <summary>The 督办 ladder on assigned work, with the clock moved (each test has its own app).</summary>
public sealed class AssignmentLadderTests
{
    private static async Task<(string Step, string Level)[]> LadderAsync(TaskScenario s, string id)
        => (await s.Supervisor.GetOkAsync($"/api/v1/tasks/{id}")).GetProperty("notices").EnumerateArray()
            .Select(n => (n.GetProperty("step").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), n.GetProperty("level").GetString()!))
            .OrderBy(n => n.Item1, StringComparer.Ordinal).ThenBy(n => n.Item2, StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task Overdue_milestones_and_the_task_climb_reminder_yellow_red_once_each_even_when_swept_twice()
    {
        await using var app = await AppFactory.StartAsync();
        var s = await TaskScenario.CreateAsync(app);
        var campaign = await s.CampaignAsync("2026-11-01", "2027-01-31", ReportCycle.Monthly);
        var id = (await s.AssignAsync(b =>
        {
            b["campaignId"] = campaign;
            b.Remove("source");
            b["dueOn"] = "2026-11-05";
            b["milestones"] = new[] { new { title = "完成摸底调查", dueOn = "2026-11-03" }, new { title = "完成方案编制", dueOn = "2026-11-04" } };
        })).Id();
        var sweep = app.Services.GetRequiredService<AssignmentSweep>();
        Assert.Equal(0, await sweep.RunOnceAsync(CancellationToken.None)); // nothing overdue yet

        app.Clock.Advance(TimeSpan.FromDays(2)); // Wednesday 2026-11-04: milestone 1 is one day overdue
        s = await s.LoginAgainAsync();
        Assert.Equal(1, (await Task.WhenAll(sweep.RunOnceAsync(CancellationToken.None), sweep.RunOnceAsync(CancellationToken.None))).Sum());
        Assert.Equal(0, await sweep.RunOnceAsync(CancellationToken.None));
        Assert.Equal(new[] { ("1", "reminder") }, await LadderAsync(s, id));

        app.Clock.Advance(TimeSpan.FromDays(2)); // Friday 2026-11-06: milestone 1 three working days overdue, milestone 2 two, the task one
        s = await s.LoginAgainAsync();
        Assert.Equal(3, (await Task.WhenAll(sweep.RunOnceAsync(CancellationToken.None), sweep.RunOnceAsync(CancellationToken.None))).Sum());
        Assert.Equal(0, await sweep.RunOnceAsync(CancellationToken.None));
        Assert.Equal(new[] { ("0", "reminder"), ("1", "reminder"), ("1", "yellow"), ("2", "reminder") }, await LadderAsync(s, id));
        var page = WebUtility.HtmlDecode(await s.Supervisor.GetStringAsync($"/notices/new?assignmentId={id}"));
        Assert.Contains("建议升级为红牌督办", page);
        Assert.Contains("节点1“完成摸底调查”计划2026-11-03完成，已逾期3天", page);
        Assert.Contains("已逾期1天", WebUtility.HtmlDecode(await s.Supervisor.GetStringAsync($"/assignments?unitId={s.LeadUnit}")));
        Assert.Contains("节点逾期2个", WebUtility.HtmlDecode(await s.Supervisor.GetStringAsync($"/assignments?unitId={s.LeadUnit}")));
        await s.LeadStaff.PostOkAsync($"/api/v1/tasks/{id}/milestones/2/completion", new { content = "方案已编制" });

        app.Clock.Advance(TimeSpan.FromDays(11)); // Tuesday 2026-11-17: milestone 1 ten working days overdue, the task eight
        s = await s.LoginAgainAsync();
        Assert.Equal(2, await sweep.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await sweep.RunOnceAsync(CancellationToken.None));
        Assert.Equal(new[] { ("0", "reminder"), ("0", "yellow"), ("1", "red"), ("1", "reminder"), ("1", "yellow"), ("2", "reminder") }, await LadderAsync(s, id));

        var notices = (await s.Supervisor.GetOkAsync($"/api/v1/tasks/{id}")).GetProperty("notices").EnumerateArray().ToArray();
        Assert.All(notices, n => Assert.True(n.GetProperty("issuedBySystem").GetBoolean()));
        Assert.All(notices, n => Assert.Equal(s.LeadUnit, n.GetProperty("unitId").GetString()));
        var red = notices.Single(n => n.GetProperty("level").GetString() == "red");
        var redView = await s.LeadStaff.GetOkAsync($"/api/v1/supervision-notices/{red.Id()}");
        Assert.Contains("完成摸底调查", redView.GetProperty("reason").GetString());
        Assert.Contains("已逾期14天", redView.GetProperty("reason").GetString());
        Assert.Contains(await TaskScenario.InboxAsync(s.LeadStaff), m => m.GetProperty("text").GetString()!.Contains(red.GetProperty("number").GetString()!));
        List<SupervisionNotice> stored = [];
        await app.WithDbAsync(async db => stored = await db.Set<SupervisionNotice>().AsNoTracking().Where(n => n.AssignmentId == id).ToListAsync());
        Assert.All(stored, n => Assert.Equal(campaign, n.CampaignId));

        // The unit answers a ladder notice like any other; reported work leaves the ladder.
        await s.LeadStaff.PostOkAsync($"/api/v1/supervision-notices/{red.Id()}/reply", new { content = "已落实责任人，本周完成摸底" });
        await s.LeadStaff.PostOkAsync($"/api/v1/tasks/{id}/completion", new { content = "全部完成" });
        app.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await sweep.RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_milestone_due_on_the_deadline_is_not_chased_twice()
    {
        await using var app = await AppFactory.StartAsync();
        var s = await TaskScenario.CreateAsync(app);
        var id = (await s.AssignAsync(b =>
        {
            b["dueOn"] = "2026-11-05";
            b["milestones"] = new[] { new { title = "完成摸底调查", dueOn = "2026-11-03" }, new { title = "验收总结", dueOn = "2026-11-05" } };
        })).Id();
        app.Clock.Advance(TimeSpan.FromDays(4)); // Friday 2026-11-06
        s = await s.LoginAgainAsync();
        Assert.Equal(2, await app.Services.GetRequiredService<AssignmentSweep>().RunOnceAsync(CancellationToken.None));
        Assert.Equal(new[] { ("0", "reminder"), ("1", "yellow") }, await LadderAsync(s, id)); // milestone 1 three working days late, the task one, step 2 none
    }

    [Fact]
    public async Task A_red_card_for_a_unit_with_repeated_red_notices_adds_an_interview_suggestion()
    {
        await using var app = await AppFactory.StartAsync();
        var s = await TaskScenario.CreateAsync(app);
        for (var i = 0; i < 3; i++)
        {
            await s.Supervisor.PostOkAsync("/api/v1/supervision-notices", new { unitId = s.LeadUnit, level = "red", reason = "群众反映问题久拖不决" }, HttpStatusCode.Created);
        }
        var id = (await s.AssignAsync(b => { b["dueOn"] = "2026-11-03"; b["milestones"] = null; b["assists"] = null; })).Id();
        app.Clock.Advance(TimeSpan.FromDays(16)); // Wednesday 2026-11-18: eleven working days overdue, straight to the red card
        s = await s.LoginAgainAsync();
        var sweep = app.Services.GetRequiredService<AssignmentSweep>();
        Assert.Equal(2, (await Task.WhenAll(sweep.RunOnceAsync(CancellationToken.None), sweep.RunOnceAsync(CancellationToken.None))).Sum());
        Assert.Equal(new[] { ("0", "interview"), ("0", "red") }, await LadderAsync(s, id));
        var interview = (await s.Supervisor.GetOkAsync($"/api/v1/tasks/{id}")).GetProperty("notices").EnumerateArray().Single(n => n.GetProperty("level").GetString() == "interview");
        Assert.Contains("红牌督办3次", (await s.Supervisor.GetOkAsync($"/api/v1/supervision-notices/{interview.Id()}")).GetProperty("reason").GetString());

        var audit = await s.Admin.GetOkAsync($"/api/v1/audit?entityType=SupervisionNotice&entityId={interview.Id()}");
        Assert.Contains("task.overdue-notice", audit.ToString());

        // The suggestion opens a clue for 核查, once, which nobody can register by hand.
        var clues = await s.Supervisor.GetOkAsync($"/api/v1/clues?source=task&unitId={s.LeadUnit}");
        Assert.Equal(1, clues.GetProperty("total").GetInt32());
        Assert.Contains("建议约谈", clues.GetProperty("items")[0].GetProperty("content").GetString());
        var byHand = await s.Supervisor.PostAsJsonAsync("/api/v1/clues", new { source = "task", unitId = s.LeadUnit, problemType = "delay", content = "手工登记" });
        Assert.Equal(HttpStatusCode.BadRequest, byHand.StatusCode);
    }
}
