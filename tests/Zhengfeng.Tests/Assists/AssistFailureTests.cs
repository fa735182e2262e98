using System.Net;
using Microsoft.AspNetCore.Hosting;
using static Zhengfeng.Tests.Assists.AssistScenario;

namespace Zhengfeng.Tests.Assists;

/// <summary>协办不力 after the deadline, and the configured limit: each on an app of its own, since they move the clock or the settings.</summary>
public sealed class AssistFailureTests
{
    [Fact]
    public async Task Late_input_is_marked_and_late_refused_or_missing_answers_are_on_the_watch_list_with_their_reasons()
    {
        await using var app = await AppFactory.StartAsync();
        var p = await CreateAsync(app);
        var caseId = await p.DispatchedCaseAsync();
        var duties = await p.DutiesAsync(caseId);
        var a = Of(duties, p.AssistA).Id();
        var b = Of(duties, p.AssistB).Id();
        var (assignmentId, _) = await AssignmentAsync(app, p.S.LeadUnit, p.AssistB, "负责改造片区的施工许可", new DateTimeOffset(2026, 11, 20, 23, 59, 59, TimeSpan.FromHours(8)));

        app.Clock.Advance(TimeSpan.FromDays(4)); // Friday 2026-11-06 09:00, a day after the case duties were due
        var admin = await app.AdminAsync();
        var aStaff = await admin.UserAsync(app, p.AssistA, "unit");
        var supervisor = await admin.UserAsync(app, await admin.RootUnitIdAsync(), "supervisor");
        var leadStaff = await admin.UserAsync(app, p.S.LeadUnit, "unit");

        var late = await aStaff.PostOkAsync($"/api/v1/assists/{a}/input", new { content = "管网图纸已移交" });
        Assert.True(late.GetProperty("late").GetBoolean());
        Assert.True(late.GetProperty("failure").GetBoolean());
        Assert.Contains("协办意见逾期提交（期限2026-11-05 23:59，提交于2026-11-06 09:00）", late.GetProperty("failureReason").GetString());
        var told = await leadStaff.GetOkAsync("/api/v1/notifications?unread=true");
        Assert.Contains(told.GetProperty("items").EnumerateArray(), m => m.GetProperty("text").GetString()!.Contains("提交协办意见（逾期）"));

        var watch = (await supervisor.GetOkAsync("/api/v1/watch/assist-failures")).EnumerateArray().ToList();
        var lateRow = watch.Single(r => r.GetProperty("assistId").GetString() == a);
        Assert.Equal(AName, lateRow.GetProperty("unitName").GetString());
        Assert.Equal($"/cases/{caseId}", lateRow.GetProperty("ownerUrl").GetString());
        Assert.Contains("逾期提交", lateRow.GetProperty("reason").GetString());
        var missing = watch.Single(r => r.GetProperty("assistId").GetString() == b);
        Assert.Equal(BName, missing.GetProperty("unitName").GetString());
        Assert.Equal("城市管理局", missing.GetProperty("leadUnitName").GetString());
        Assert.Equal("协办期限2026-11-05 23:59已过，仍未提交协办意见", missing.GetProperty("reason").GetString());
        Assert.DoesNotContain(watch, r => r.GetProperty("ownerId").GetString() == assignmentId); // its deadline has not come
        Assert.Equal(HttpStatusCode.Forbidden, (await leadStaff.GetAsync("/api/v1/watch/assist-failures")).StatusCode);

        var failures = (await supervisor.GetOkAsync("/api/v1/assists?failure=true")).GetProperty("items").EnumerateArray().Select(d => d.Id()).ToList();
        Assert.Contains(a, failures);
        Assert.Contains(b, failures);
        var overdue = await supervisor.GetOkAsync($"/api/v1/assists/{b}");
        Assert.True(overdue.GetProperty("overdue").GetBoolean());

        var page = await PageAsync(supervisor, "/watch?tab=assist-failures");
        Assert.Contains("协办不力", page);
        Assert.Contains("协办期限2026-11-05 23:59已过，仍未提交协办意见", page);
        Assert.Contains($"href=\"/cases/{caseId}\"", page);
        Assert.Contains($"/assists/{b}\"", page);
        var duty = await PageAsync(supervisor, $"/assists/{a}");
        Assert.Contains("逾期提交", duty);
        var casePage = await PageAsync(leadStaff, $"/cases/{caseId}");
        Assert.Contains("逾期提交", casePage);
        Assert.Contains("已过协办期限", casePage);
    }

    [Fact]
    public async Task The_working_days_given_to_assist_units_come_from_the_assist_settings()
    {
        await using var app = new OneWorkdayApp();
        await app.InitializeAsync();
        var p = await CreateAsync(app);
        var caseId = await p.DispatchedCaseAsync(withB: false);
        var duty = Of(await p.DutiesAsync(caseId), p.AssistA);
        Assert.StartsWith("2026-11-03T23:59:59", duty.GetProperty("dueAt").GetString());
        Assert.Contains("协办期限1个工作日", duty.GetProperty("dueWhy").GetString());
    }

    private sealed class OneWorkdayApp : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Assist:CaseWorkdays", "1");
        }
    }
}
