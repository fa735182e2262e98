using System.Net;
using Zhengfeng.Tests.Cases;
using static Zhengfeng.Tests.Scores.ScoreScenario;

namespace Zhengfeng.Tests.Scores;

/// <summary>Deadlines that pass and months that end: each test moves its own app's clock.</summary>
public sealed class ScoreClockTests
{
    [Fact]
    public async Task A_notice_not_replied_in_time_and_an_overdue_rectification_item_are_deductions()
    {
        await using var app = await AppFactory.StartAsync(); // Monday 2026-11-02 09:00
        var s = await CreateAsync(app);
        var unit = await s.UnitAsync("逾期镇");
        var staff = await s.Admin.UserAsync(app, unit, "unit");
        var late = await s.Supervisor.PostOkAsync("/api/v1/supervision-notices", new { unitId = unit, level = "yellow", reason = "群众反映办事窗口长期空岗" }, HttpStatusCode.Created);
        var answered = await s.Supervisor.PostOkAsync("/api/v1/supervision-notices", new { unitId = unit, level = "reminder", reason = "请核查便民热线回访情况" }, HttpStatusCode.Created);
        await staff.PostOkAsync($"/api/v1/supervision-notices/{answered.Id()}/reply", new { content = "已核查并整改到位" });
        var clue = await s.VerifiedClueAsync(unit);
        var item = await s.Supervisor.PostOkAsync("/api/v1/rectifications",
            new { clueId = clue, unitId = unit, measures = "窗口实行AB岗制度，杜绝空岗", type = "deadline", dueDate = "2026-11-02" }, HttpStatusCode.Created);
        Assert.Empty(Items(await s.ScoreOfAsync(unit)));

        app.Clock.Advance(TimeSpan.FromDays(10)); // Thursday 11-12: the reply deadline and the item's due date have passed
        s = await CreateAsync(app); // the morning's tokens have expired
        var score = await s.Supervisor.GetOkAsync($"/api/v1/scores/units/{unit}?year=2026");
        var notice = Assert.Single(Items(score, "notice"));
        Assert.Equal(late.Id(), notice.GetProperty("sourceId").GetString());
        Assert.Equal("notice_overdue", notice.GetProperty("kind").GetString());
        Assert.Equal(-0.5m, notice.GetProperty("points").GetDecimal());
        Assert.Contains("逾期未回复", notice.GetProperty("reason").GetString());
        var overdue = Assert.Single(Items(score, "rectification"));
        Assert.Equal(item.Id(), overdue.GetProperty("sourceId").GetString());
        Assert.Equal(-0.5m, overdue.GetProperty("points").GetDecimal());
        Assert.Contains("整改期限2026-11-02", overdue.GetProperty("reason").GetString());
        Assert.Equal($"/rectifications/{item.Id()}", overdue.GetProperty("url").GetString());
        Assert.Equal(99m, score.GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task The_first_and_the_last_in_satisfaction_of_a_complete_month_gain_and_lose_and_the_dashboard_shows_them()
    {
        await using var app = await AppFactory.StartAsync();
        var c = await CaseScenario.CreateAsync(app); // 城市管理局 and 交通运输局, both departments
        var (good, goodCode) = await c.DispatchedCaseAsync();
        var bad = await c.CreateCaseAsync();
        await c.Dispatcher.PostOkAsync($"/api/v1/cases/{bad.Id()}/dispatch", new { leadUnitId = c.OtherUnit });
        foreach (var (staff, id) in new[] { (c.LeadStaff, good), (c.OtherStaff, bad.Id()) })
        {
            await staff.PostOkAsync($"/api/v1/cases/{id}/sign", new { });
            await staff.PostOkAsync($"/api/v1/cases/{id}/reply", new { content = "已安排维修队更换井盖并设置警示标志。", outcome = "resolved" });
        }
        await app.Anonymous().PostOkAsync($"/public/v1/cases/{goodCode}/rating", new { level = 5, resolved = true });
        await app.Anonymous().PostOkAsync($"/public/v1/cases/{bad.GetProperty("trackingCode").GetString()}/rating", new { level = 1, resolved = false, comment = "问题没有解决" });
        var s = await CreateAsync(app);
        Assert.Empty(Items(await s.ScoreOfAsync(c.LeadUnit), "ranking")); // November is still running

        app.Clock.Advance(TimeSpan.FromDays(29)); // 2026-12-01: November is complete
        s = await CreateAsync(app);
        var top = Assert.Single(Items(await s.ScoreOfAsync(c.LeadUnit), "ranking"));
        Assert.Equal("2026-11", top.GetProperty("sourceId").GetString());
        Assert.Equal(1m, top.GetProperty("points").GetDecimal());
        Assert.Contains("2026年11月满意率", top.GetProperty("reason").GetString());
        Assert.Contains("排名第一", top.GetProperty("reason").GetString());
        Assert.Equal("/rankings?period=2026-11", top.GetProperty("url").GetString());
        var last = Assert.Single(Items(await s.ScoreOfAsync(c.OtherUnit), "ranking"));
        Assert.Equal(-1m, last.GetProperty("points").GetDecimal());
        Assert.Contains("排名末位", last.GetProperty("reason").GetString());

        var dashboard = await PageAsync(s.Leader, "/dashboard");
        Assert.Contains("综合考核（2026 年度）", dashboard);
        Assert.Contains($"<a href=\"/scores/{c.LeadUnit}/2026\">城市管理局</a>", dashboard);
        Assert.Contains($"<a href=\"/scores/{c.OtherUnit}/2026\">交通运输局</a>", dashboard);
        Assert.Contains("<a href=\"/scores?year=2026\">", dashboard);
    }
}
