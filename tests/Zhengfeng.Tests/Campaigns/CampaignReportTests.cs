using System.Net;
using System.Net.Http.Json;

namespace Zhengfeng.Tests.Campaigns;

/// <summary>A participating unit's reports: once per period of the plan's cycle, never outside it, never for a closed campaign.</summary>
public sealed class CampaignReportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_participating_unit_reports_once_for_a_period_of_the_plans_cycle()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var id = await s.CampaignAsync();
        var report = await s.StaffA.PostOkAsync($"/api/v1/campaigns/{id}/reports", new { period = "2026-11", content = "本月组织窗口单位自查，未发现问题", noProblem = true }, HttpStatusCode.Created);
        Assert.Equal(s.A, report.GetProperty("unitId").GetString());
        Assert.Equal("2026年11月", report.GetProperty("periodLabel").GetString());
        Assert.Equal(3, report.GetProperty("phaseSeq").GetInt32());
        Assert.True(report.GetProperty("noProblem").GetBoolean());

        var again = await s.StaffA.PostAsJsonAsync($"/api/v1/campaigns/{id}/reports", new { period = "2026-11", content = "再报一次" });
        Assert.Contains("已报送2026年11月的情况", await again.ProblemAsync(HttpStatusCode.Conflict));
        await s.StaffA.PostOkAsync($"/api/v1/campaigns/{id}/reports", new { period = "2026-09", content = "补报九月情况" }, HttpStatusCode.Created);

        var seenByA = await s.StaffA.GetOkAsync($"/api/v1/campaigns/{id}/reports");
        Assert.Equal(2, seenByA.GetArrayLength());
        await s.StaffB.PostOkAsync($"/api/v1/campaigns/{id}/reports", new { period = "2026-11", content = "西湖乡本月情况" }, HttpStatusCode.Created);
        Assert.Equal(2, (await s.StaffA.GetOkAsync($"/api/v1/campaigns/{id}/reports")).GetArrayLength());
        Assert.Equal(3, (await s.Supervisor.GetOkAsync($"/api/v1/campaigns/{id}/reports")).GetArrayLength());
    }

    [Theory]
    [InlineData("2026-12", "尚未开始")]
    [InlineData("2027-01", "不在专项整治期间")]
    [InlineData("2026-08", "不在专项整治期间")]
    [InlineData("2026-W45", "不是每月的报送周期")]
    [InlineData("2026-Q4", "不是每月的报送周期")]
    [InlineData("十一月", "不是每月的报送周期")]
    public async Task A_report_outside_the_plans_cycle_is_refused(string period, string why)
    {
        var s = await CampaignScenario.CreateAsync(app);
        var id = await s.CampaignAsync();
        var response = await s.StaffA.PostAsJsonAsync($"/api/v1/campaigns/{id}/reports", new { period, content = "越期报送" });
        var detail = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("报送周期应为实施方案规定的每月（如2026-11）", detail);
        Assert.Contains(why, detail);
        Assert.Equal(0, (await s.StaffA.GetOkAsync($"/api/v1/campaigns/{id}/reports")).GetArrayLength());
    }

    [Fact]
    public async Task Weekly_and_quarterly_plans_take_their_own_periods()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var weekly = await s.CampaignAsync(cycle: "weekly");
        await s.StaffA.PostOkAsync($"/api/v1/campaigns/{weekly}/reports", new { period = "2026-W45", content = "第45周情况" }, HttpStatusCode.Created);
        var monthly = await s.StaffA.PostAsJsonAsync($"/api/v1/campaigns/{weekly}/reports", new { period = "2026-11", content = "按月报" });
        Assert.Contains("每周（如2026-W45）", await monthly.ProblemAsync(HttpStatusCode.BadRequest));
        var next = await s.StaffA.PostAsJsonAsync($"/api/v1/campaigns/{weekly}/reports", new { period = "2026-W46", content = "提前报下周" });
        Assert.Contains("尚未开始", await next.ProblemAsync(HttpStatusCode.BadRequest));

        var quarterly = await s.CampaignAsync(cycle: "quarterly");
        await s.StaffA.PostOkAsync($"/api/v1/campaigns/{quarterly}/reports", new { period = "2026-Q3", content = "三季度情况" }, HttpStatusCode.Created);
        await s.StaffA.PostOkAsync($"/api/v1/campaigns/{quarterly}/reports", new { period = "2026-q4", content = "四季度情况" }, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Without_a_cycle_a_unit_reports_per_phase_that_has_begun()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var id = await s.CampaignAsync(cycle: "none");
        var report = await s.StaffA.PostOkAsync($"/api/v1/campaigns/{id}/reports", new { period = "P2", content = "自查自纠阶段情况" }, HttpStatusCode.Created);
        Assert.Equal("第2阶段（自查自纠）", report.GetProperty("periodLabel").GetString());
        var future = await s.StaffA.PostAsJsonAsync($"/api/v1/campaigns/{id}/reports", new { period = "P4", content = "总结提升" });
        var detail = await future.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("按阶段报送", detail);
        Assert.Contains("才开始", detail);
        await (await s.StaffA.PostAsJsonAsync($"/api/v1/campaigns/{id}/reports", new { period = "2026-11", content = "按月报" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await s.StaffA.PostAsJsonAsync($"/api/v1/campaigns/{id}/reports", new { period = "P9", content = "不存在的阶段" })).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_staff_of_a_participating_unit_report()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var id = await s.CampaignAsync();
        var body = new { period = "2026-11", content = "本月情况" };
        Assert.Equal(HttpStatusCode.Forbidden, (await s.StaffOutsider.PostAsJsonAsync($"/api/v1/campaigns/{id}/reports", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Supervisor.PostAsJsonAsync($"/api/v1/campaigns/{id}/reports", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Leader.PostAsJsonAsync($"/api/v1/campaigns/{id}/reports", body)).StatusCode);
        var staffOfSection = await s.Admin.UserAsync(app, await s.Admin.CreateUnitAsync(app, "section", s.A), "unit");
        Assert.Equal(HttpStatusCode.Forbidden, (await staffOfSection.PostAsJsonAsync($"/api/v1/campaigns/{id}/reports", body)).StatusCode);
        var missing = await s.StaffA.PostAsJsonAsync($"/api/v1/campaigns/{id}/reports", new { period = "2026-11" });
        Assert.Contains("content", await missing.ProblemAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_closed_campaign_takes_no_reports()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var id = await s.CampaignAsync();
        await s.Supervisor.PostOkAsync($"/api/v1/campaigns/{id}/closure", new { summary = "总结" });
        var response = await s.StaffA.PostAsJsonAsync($"/api/v1/campaigns/{id}/reports", new { period = "2026-11", content = "结束后报送" });
        Assert.Contains("已总结结束", await response.ProblemAsync(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task The_draft_is_written_from_what_the_platform_knows_about_the_unit()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var id = await s.CampaignAsync();
        await s.TaskAsync(id, s.A, "规范便民服务中心窗口作息", new DateOnly(2026, 10, 30));
        await s.TaskAsync(id, s.A, "清理积压审批事项", new DateOnly(2026, 11, 20), done: true);
        await s.TaskAsync(id, s.B, "西湖乡的任务不应出现", new DateOnly(2026, 11, 20));
        var self = await s.StaffA.PostOkAsync("/api/v1/clues",
            new { source = "self", unitId = s.A, problemType = "delay", content = "不动产登记窗口积压件办理拖沓", campaignId = id }, HttpStatusCode.Created);
        await s.Supervisor.PostOkAsync($"/api/v1/clues/{self.Id()}/verification", new { result = "true", note = "属实" });
        await s.Supervisor.PostOkAsync("/api/v1/rectifications",
            new { clueId = self.Id(), unitId = s.A, measures = "实行积压件台账销号管理", type = "deadline", dueDate = "2026-11-30" }, HttpStatusCode.Created);
        var notice = await s.Supervisor.PostOkAsync("/api/v1/supervision-notices",
            new { unitId = s.A, level = "yellow", reason = "窗口作息整改进度滞后", campaignId = id }, HttpStatusCode.Created);
        await s.Supervisor.PostOkAsync("/api/v1/clues", new { source = "mystery", unitId = s.A, problemType = "laxity", content = "暗访发现窗口人员脱岗", campaignId = id }, HttpStatusCode.Created);

        var draft = await s.StaffA.GetOkAsync($"/api/v1/campaigns/{id}/reports/draft?period=2026-11");
        var text = draft.GetProperty("content").GetString()!;
        Assert.Equal("2026-11", draft.GetProperty("period").GetString());
        Assert.Contains("规范便民服务中心窗口作息”，完成期限2026-10-30，已交办（已逾期）", text);
        Assert.Contains("清理积压审批事项”，完成期限2026-11-20，已验收办结", text);
        Assert.DoesNotContain("西湖乡的任务不应出现", text);
        Assert.Contains("不动产登记窗口积压件办理拖沓", text);
        Assert.Contains("实行积压件台账销号管理，整改期限2026-11-30", text);
        Assert.Contains(notice.GetProperty("number").GetString()!, text);
        Assert.DoesNotContain("暗访发现窗口人员脱岗", text);
        Assert.False(draft.GetProperty("noProblemSuggested").GetBoolean());
        Assert.Equal(["2026-09", "2026-10", "2026-11"], CampaignScenario.Items(draft, "allowedPeriods").Select(p => p.GetProperty("period").GetString()));

        var first = await s.StaffA.GetOkAsync($"/api/v1/campaigns/{id}/reports/draft");
        Assert.Equal("2026-09", first.GetProperty("period").GetString());
        await (await s.StaffA.GetAsync($"/api/v1/campaigns/{id}/reports/draft?period=2026-12")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.StaffOutsider.GetAsync($"/api/v1/campaigns/{id}/reports/draft")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Supervisor.GetAsync($"/api/v1/campaigns/{id}/reports/draft")).StatusCode);
    }
}
