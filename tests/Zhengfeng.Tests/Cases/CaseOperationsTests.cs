using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Zhengfeng.Jobs;

namespace Zhengfeng.Tests.Cases;

public sealed class CaseOperationsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_unit_inbox_counts_each_box_and_the_unit_is_notified_of_a_dispatch()
    {
        var s = await CaseScenario.CreateAsync(app);
        await s.DispatchedCaseAsync();
        var (signed, _) = await s.DispatchedCaseAsync();
        await s.LeadStaff.PostOkAsync($"/api/v1/cases/{signed}/sign", new { });

        var inbox = await s.LeadStaff.GetOkAsync("/api/v1/inbox");
        int Count(string box) => inbox.GetProperty("boxes").EnumerateArray().Single(b => b.GetProperty("box").GetString() == box).GetProperty("count").GetInt32();
        Assert.Equal(1, Count("tosign"));
        Assert.Equal(1, Count("handling"));
        Assert.Equal(0, Count("overdue"));
        Assert.Single(inbox.GetProperty("items").EnumerateArray());

        var messages = await s.LeadStaff.GetOkAsync("/api/v1/notifications?unread=true");
        Assert.Equal(2, messages.GetProperty("total").GetInt32());
        Assert.All(messages.GetProperty("items").EnumerateArray(), m => Assert.Equal("dispatch", m.GetProperty("kind").GetString()));
        var outbox = await s.Admin.GetOkAsync("/api/v1/outbox?pageSize=200");
        Assert.Contains(outbox.GetProperty("items").EnumerateArray(), m => m.GetProperty("recipient").GetString() == "unit:" + s.LeadUnit);

        Assert.Equal(HttpStatusCode.Forbidden, (await s.OtherStaff.GetAsync($"/api/v1/inbox?unitId={s.LeadUnit}")).StatusCode);
    }

    [Fact]
    public async Task A_consultation_is_answered_directly_and_other_kinds_are_not()
    {
        var s = await CaseScenario.CreateAsync(app);
        var consult = await s.CreateCaseAsync(kind: "consultation");
        var answered = await s.Operator.PostOkAsync($"/api/v1/cases/{consult.Id()}/answer", new { reason = "办理居住证请携带身份证到派出所户籍窗口。" });
        Assert.Equal("replied", answered.GetProperty("status").GetString());
        var complaint = await s.CreateCaseAsync();
        await (await s.Operator.PostAsJsonAsync($"/api/v1/cases/{complaint.Id()}/answer", new { reason = "直接答复试试看" })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_direct_answer_rated_bad_goes_back_to_dispatch_and_a_unit_handles_it_again()
    {
        var s = await CaseScenario.CreateAsync(app);
        var consult = await s.CreateCaseAsync(kind: "consultation");
        await s.Operator.PostOkAsync($"/api/v1/cases/{consult.Id()}/answer", new { reason = "井盖维护请咨询城管部门，电话在政府网站可查。" });
        await app.Anonymous().PostOkAsync($"/public/v1/cases/{consult.GetProperty("trackingCode").GetString()}/rating", new { level = 1, comment = "没人管" });

        // No unit answered it, so nobody would handle the rework: it is 待派单 again, with the reason on the timeline.
        var requeued = await s.Dispatcher.GetOkAsync($"/api/v1/cases/{consult.Id()}");
        Assert.Equal("registered", requeued.GetProperty("status").GetString());
        Assert.Equal("requeue", requeued.GetProperty("timeline").EnumerateArray().Last().GetProperty("action").GetString());
        var page = WebUtility.HtmlDecode(await s.Dispatcher.GetStringAsync($"/cases/{consult.Id()}"));
        Assert.Contains("转回待派单", page, StringComparison.Ordinal);
        Assert.Contains("name=\"dispatch.LeadUnitId\"", page, StringComparison.Ordinal);

        var sent = await s.Dispatcher.PostOkAsync($"/api/v1/cases/{consult.Id()}/dispatch", new { leadUnitId = s.LeadUnit });
        Assert.Equal("dispatched", sent.GetProperty("status").GetString());
        Assert.Equal(2, sent.GetProperty("round").GetInt32());
        await s.LeadStaff.PostOkAsync($"/api/v1/cases/{consult.Id()}/reply", new { content = "已派人现场查看并补装井盖，设置了警示标志。", outcome = "resolved" });
    }

    [Fact]
    public async Task Merged_duplicates_show_the_main_cases_answer_to_their_reporters()
    {
        var s = await CaseScenario.CreateAsync(app);
        var (mainId, _) = await s.DispatchedCaseAsync();
        var dup = await s.CreateCaseAsync();
        var merged = await s.Dispatcher.PostOkAsync($"/api/v1/cases/{dup.Id()}/merge", new { intoId = mainId });
        Assert.Equal("merged", merged.GetProperty("status").GetString());
        await s.LeadStaff.PostOkAsync($"/api/v1/cases/{mainId}/sign", new { });
        await s.LeadStaff.PostOkAsync($"/api/v1/cases/{mainId}/reply", new { content = "井盖已全部更换完毕。", outcome = "resolved" });
        var dupView = await app.Anonymous().GetOkAsync($"/public/v1/cases/{dup.GetProperty("trackingCode").GetString()}");
        Assert.Contains("井盖已全部更换", dupView.GetProperty("reply").GetString());
    }

    [Fact]
    public async Task An_upheld_appeal_excludes_a_malicious_rating_from_the_rates()
    {
        var s = await CaseScenario.CreateAsync(app);
        var (id, code) = await s.RepliedCaseAsync();
        await app.Anonymous().PostOkAsync($"/public/v1/cases/{code}/rating", new { level = 1, comment = "乱评" });
        var supervisor = await s.Admin.UserAsync(app, await s.Admin.RootUnitIdAsync(), "supervisor");
        await (await supervisor.PostAsJsonAsync($"/api/v1/cases/{id}/rating-appeal/decision", new { approve = true, note = "x" })).ProblemAsync(HttpStatusCode.Conflict);
        await s.LeadStaff.PostOkAsync($"/api/v1/cases/{id}/rating-appeal", new { reason = "诉求人与本案无关，系恶意评价" });
        await (await supervisor.PostAsJsonAsync($"/api/v1/cases/{id}/rating-appeal/decision", new { approve = true })).ProblemAsync(HttpStatusCode.BadRequest);
        var decided = await supervisor.PostOkAsync($"/api/v1/cases/{id}/rating-appeal/decision", new { approve = true, note = "经核实系恶意评价" });
        Assert.True(decided.GetProperty("excluded").GetBoolean());
        var rows = await s.Dispatcher.GetOkAsync("/api/v1/rankings/units?period=2026-11");
        var row = rows.EnumerateArray().Single(r => r.GetProperty("unitId").GetString() == s.LeadUnit);
        Assert.Equal(0, row.GetProperty("rated").GetInt32());
        var published = await app.Anonymous().GetOkAsync($"/public/v1/cases/{code}");
        Assert.Contains("经核实系恶意评价", published.GetProperty("excludedRatings")[0].GetString());
    }

    [Fact]
    public async Task A_return_visit_is_recorded_after_a_bad_rating_and_shown_to_the_public()
    {
        var s = await CaseScenario.CreateAsync(app);
        var (id, code) = await s.RepliedCaseAsync();
        await app.Anonymous().PostOkAsync($"/public/v1/cases/{code}/rating", new { level = 2 });
        var visited = await s.Operator.PostOkAsync($"/api/v1/cases/{id}/return-visit", new { reason = "电话回访：井盖仍松动，已督促重办" });
        Assert.Equal("reopened", visited.GetProperty("status").GetString());
        var view = await app.Anonymous().GetOkAsync($"/public/v1/cases/{code}");
        Assert.Contains(view.GetProperty("progress").EnumerateArray(), p => p.GetProperty("step").GetString() == "已回访");
        Assert.Equal(HttpStatusCode.Forbidden, (await s.LeadStaff.PostAsJsonAsync($"/api/v1/cases/{id}/return-visit", new { reason = "自己回访自己" })).StatusCode);
    }

    [Fact]
    public async Task Categories_can_be_added_by_the_admin_only()
    {
        var s = await CaseScenario.CreateAsync(app);
        var code = "cat" + Guid.NewGuid().ToString("N")[..6];
        await s.Admin.PostOkAsync("/api/v1/categories", new { code, name = "古树名木保护", responseHours = 2, handleWorkdays = 7, urgentHandleHours = 24 }, HttpStatusCode.Created);
        await (await s.Admin.PostAsJsonAsync("/api/v1/categories", new { code, name = "重复分类", responseHours = 2, handleWorkdays = 7, urgentHandleHours = 24 })).ProblemAsync(HttpStatusCode.Conflict);
        await (await s.Admin.PostAsJsonAsync("/api/v1/categories", new { code = "bad code", name = "坏", handleWorkdays = 0 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Dispatcher.PostAsJsonAsync("/api/v1/categories", new { code = "x-" + code, name = "无权添加" })).StatusCode);
    }
}

/// <summary>Tests that move the clock or change the calendar get their own app.</summary>
public sealed class DeadlineTests
{
    [Fact]
    public async Task The_sweeper_raises_warning_yellow_and_red_once_each()
    {
        await using var app = await AppFactory.StartAsync();
        var s = await CaseScenario.CreateAsync(app);
        var (id, _) = await s.DispatchedCaseAsync(); // Monday 2026-11-02: due end of Monday 11-09
        var sweep = app.Services.GetRequiredService<OverdueSweep>();

        app.Clock.Advance(TimeSpan.FromDays(6) + TimeSpan.FromHours(16)); // Monday 01:00: within 24 h of the deadline
        Assert.Equal(1, await sweep.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await sweep.RunOnceAsync(CancellationToken.None));
        app.Clock.Advance(TimeSpan.FromDays(1)); // Tuesday 01:00: past the deadline
        Assert.Equal(1, await sweep.RunOnceAsync(CancellationToken.None));
        app.Clock.Advance(TimeSpan.FromDays(3)); // beyond 2 working days of grace
        Assert.Equal(1, await sweep.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await sweep.RunOnceAsync(CancellationToken.None));

        var dispatcher = await (await app.AdminAsync()).UserAsync(app, await (await app.AdminAsync()).RootUnitIdAsync(), "dispatcher");
        var c = await dispatcher.GetOkAsync($"/api/v1/cases/{id}");
        Assert.Equal("redcard", c.GetProperty("overdueLevel").GetString());
        Assert.True(c.GetProperty("overdue").GetBoolean());
        var steps = c.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(1, steps.Count(a => a == "warning"));
        Assert.Equal(1, steps.Count(a => a == "yellowcard"));
        Assert.Equal(1, steps.Count(a => a == "redcard"));
        var overdueList = await dispatcher.GetOkAsync("/api/v1/cases?overdue=true");
        Assert.Contains(overdueList.GetProperty("items").EnumerateArray(), x => x.Id() == id);
    }

    [Fact]
    public async Task An_approved_extension_is_never_shown_as_overdue()
    {
        await using var app = await AppFactory.StartAsync();
        var s = await CaseScenario.CreateAsync(app);
        var (id, _) = await s.DispatchedCaseAsync();
        await s.LeadStaff.PostOkAsync($"/api/v1/cases/{id}/sign", new { });
        var ext = await s.LeadStaff.PostOkAsync($"/api/v1/cases/{id}/extension-requests", new { workdays = 5, reason = "等待材料" });
        await s.Dispatcher.PostOkAsync($"/api/v1/cases/{id}/extension-requests/{ext.Id()}/decision", new { approve = true });
        app.Clock.Advance(TimeSpan.FromDays(8)); // past the original deadline, inside the extension
        Assert.Equal(0, await app.Services.GetRequiredService<OverdueSweep>().RunOnceAsync(CancellationToken.None));
        var dispatcher = await (await app.AdminAsync()).UserAsync(app, await (await app.AdminAsync()).RootUnitIdAsync(), "dispatcher");
        var c = await dispatcher.GetOkAsync($"/api/v1/cases/{id}");
        Assert.False(c.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task A_calendar_change_moves_the_deadlines_still_running()
    {
        await using var app = await AppFactory.StartAsync();
        var s = await CaseScenario.CreateAsync(app);
        var (id, _) = await s.DispatchedCaseAsync(); // due end of Monday 2026-11-09
        var before = await s.Dispatcher.GetOkAsync($"/api/v1/cases/{id}");
        Assert.StartsWith("2026-11-09", before.GetProperty("handleDueAt").GetString());

        // An imagined revised 2026 notice adding 2026-11-05 and 11-06 as days off.
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "holidays-2026-revised.json"));
        var response = await s.Admin.PostAsync("/api/v1/calendar/years", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var after = await s.Dispatcher.GetOkAsync($"/api/v1/cases/{id}");
        Assert.StartsWith("2026-11-11", after.GetProperty("handleDueAt").GetString());
        Assert.Contains("reschedule", after.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }
}
