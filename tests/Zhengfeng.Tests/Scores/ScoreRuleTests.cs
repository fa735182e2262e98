using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Zhengfeng.Tests.Scores.ScoreScenario;

namespace Zhengfeng.Tests.Scores;

/// <summary>The rule table: edited by supervision, a rule without source refused. Rules are county-wide, so this class has its own app.</summary>
public sealed class ScoreRuleTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<JsonElement> RuleAsync(HttpClient client, string kind)
        => (await client.GetOkAsync("/api/v1/scores/rules")).EnumerateArray().Single(r => r.GetProperty("kind").GetString() == kind).Clone();

    [Fact]
    public async Task A_rule_without_its_source_document_is_refused_and_nothing_changes()
    {
        var s = await CreateAsync(app);
        var before = await RuleAsync(s.Supervisor, "criticism_bulletin");

        var detail = await (await s.Supervisor.PutAsJsonAsync("/api/v1/scores/rules/criticism_bulletin",
            new { name = "被通报批评", points = -5, yearCap = 10, sourceDocument = "  ", enabled = true })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("考核细则“被通报批评”须写明依据的文件", detail);
        await (await s.Supervisor.PutAsJsonAsync("/api/v1/scores/rules/criticism_bulletin", new { name = "被通报批评", points = -5 })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await s.Supervisor.PutAsJsonAsync("/api/v1/scores/rules/no_such_rule",
            new { name = "无", points = -1, sourceDocument = "某文件" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await s.Supervisor.PutAsJsonAsync("/api/v1/scores/rules/criticism_bulletin",
            new { name = "被通报批评", points = 0, sourceDocument = "某文件" })).ProblemAsync(HttpStatusCode.BadRequest);

        var after = await RuleAsync(s.Supervisor, "criticism_bulletin");
        Assert.Equal(before.GetRawText(), after.GetRawText());
        var staff = await s.Admin.UserAsync(app, await s.UnitAsync("细则镇"), "unit");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/scores/rules")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync("/api/v1/scores/rules/criticism_bulletin",
            new { name = "被通报批评", points = -5, sourceDocument = "某文件" })).StatusCode);
    }

    [Fact]
    public async Task The_rules_page_shows_the_refusal_of_a_rule_without_source_and_keeps_the_rule()
    {
        var s = await CreateAsync(app);
        var before = await RuleAsync(s.Supervisor, "positive_typical");
        var browser = await s.BrowserAsync(s.Root, "supervisor");

        var response = await PostFormAsync(browser, "/scores/rules", ("kind", "positive_typical"), ("rule.Name", "选树为正面典型"), ("rule.Points", "3"),
            ("rule.YearCap", ""), ("rule.SourceDocument", ""), ("rule.Enabled", "true"), ("rule.Enabled", "false"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("考核细则“选树为正面典型”须写明依据的文件", html);
        Assert.Contains("name=\"rule.Points\" type=\"number\" step=\"0.01\" min=\"-100\" max=\"100\" value=\"3\"", html); // the input is kept
        Assert.Equal(before.GetRawText(), (await RuleAsync(s.Supervisor, "positive_typical")).GetRawText());

        var leader = await s.BrowserAsync(s.Root, "leader");
        var denied = await PostFormAsync(leader, "/scores/rules", ("kind", "positive_typical"), ("rule.Name", "改名"), ("rule.Points", "3"),
            ("rule.SourceDocument", "某文件"), ("rule.Enabled", "true"));
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        Assert.Equal(before.GetRawText(), (await RuleAsync(s.Supervisor, "positive_typical")).GetRawText());
    }

    [Fact]
    public async Task A_disabled_rule_is_skipped_and_a_revised_rule_counts_with_its_points_and_cap()
    {
        var s = await CreateAsync(app);
        var unit = await s.UnitAsync("停用镇");
        var source = (await RuleAsync(s.Supervisor, "red_notice")).GetProperty("sourceDocument").GetString();
        var off = await s.Supervisor.PutAsJsonAsync("/api/v1/scores/rules/red_notice", new { name = "被红牌督办", points = -1, sourceDocument = source, enabled = false });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        await s.Supervisor.PostOkAsync("/api/v1/supervision-notices", new { unitId = unit, level = "red", reason = "第一次红牌" }, HttpStatusCode.Created);
        Assert.Empty(Items(await s.ScoreOfAsync(unit), "notice"));

        var browser = await s.BrowserAsync(s.Root, "supervisor");
        var saved = await PostFormAsync(browser, "/scores/rules", ("kind", "red_notice"), ("rule.Name", "被红牌督办（从严）"), ("rule.Points", "-1.5"),
            ("rule.YearCap", "2"), ("rule.SourceDocument", source!), ("rule.Enabled", "true"), ("rule.Enabled", "false"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var rule = await RuleAsync(s.Leader, "red_notice");
        Assert.True(rule.GetProperty("enabled").GetBoolean());
        Assert.Equal(-1.5m, rule.GetProperty("points").GetDecimal());
        Assert.Equal(2m, rule.GetProperty("yearCap").GetDecimal());
        Assert.Equal("网页用户", rule.GetProperty("updatedBy").GetString());

        s.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await s.Supervisor.PostOkAsync("/api/v1/supervision-notices", new { unitId = unit, level = "red", reason = "第二次红牌" }, HttpStatusCode.Created);
        var items = Items(await s.ScoreOfAsync(unit), "notice");
        Assert.Equal([-1.5m, -0.5m], items.Select(i => i.GetProperty("points").GetDecimal()));
        Assert.All(items, i => Assert.Equal("被红牌督办（从严）", i.GetProperty("ruleName").GetString()));
        Assert.Contains("本条只计0.5分", items[1].GetProperty("reason").GetString());
        Assert.Contains("第二次红牌", items[1].GetProperty("reason").GetString());

        var restored = await s.Supervisor.PutAsJsonAsync("/api/v1/scores/rules/red_notice", new { name = "被红牌督办", points = -1, sourceDocument = source, enabled = true });
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
    }
}
