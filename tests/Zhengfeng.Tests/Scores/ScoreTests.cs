using System.Net;
using System.Net.Http.Json;
using ClosedXML.Excel;
using Zhengfeng.Tests.Cases;
using static Zhengfeng.Tests.Scores.ScoreScenario;

namespace Zhengfeng.Tests.Scores;

/// <summary>The year-end score: every record kind turned into its item, caps, the ranking and who may read it.</summary>
public sealed class ScoreTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_decided_accountability_case_on_a_unit_is_a_deduction_naming_the_case()
    {
        var s = await CreateAsync(app);
        var unit = await s.UnitAsync("柳河镇");
        var caseId = await s.DecidedCaseOnUnitAsync(unit);

        foreach (var reader in new[] { s.Supervisor, s.Leader, s.Inspector, s.Admin })
        {
            var all = await reader.GetOkAsync("/api/v1/scores/units?year=2026");
            var mine = all.EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == unit);
            var item = Assert.Single(Items(mine), i => i.GetProperty("sourceId").GetString() == caseId);
            Assert.Equal("accountability", item.GetProperty("sourceType").GetString());
            Assert.Equal(-3m, item.GetProperty("points").GetDecimal());
            Assert.Contains("单位被问责", item.GetProperty("reason").GetString());
            Assert.Contains("通报", item.GetProperty("reason").GetString());
            Assert.Equal($"/accountability/{caseId}", item.GetProperty("url").GetString());
            Assert.Equal(97m, mine.GetProperty("score").GetDecimal());
        }
    }

    [Fact]
    public async Task A_cadre_held_accountable_costs_the_cadres_unit_the_cadre_rule()
    {
        var s = await CreateAsync(app);
        var unit = await s.UnitAsync("白沙镇");
        var cadre = await s.CadreAsync(unit, "赵站长");
        var caseId = await s.DecidedCaseOnCadreAsync(cadre);

        var item = Assert.Single(Items(await s.ScoreOfAsync(unit), "accountability"));
        Assert.Equal(caseId, item.GetProperty("sourceId").GetString());
        Assert.Equal(-1m, item.GetProperty("points").GetDecimal());
        Assert.Equal("accountability_cadre", item.GetProperty("kind").GetString());
        Assert.Contains("赵站长", item.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_case_closed_without_a_decision_does_not_count()
    {
        var s = await CreateAsync(app);
        var unit = await s.UnitAsync("青石镇");
        var opened = await s.Inspector.PostOkAsync("/api/v1/accountability", new { unitId = unit, facts = "反映窗口推诿" }, HttpStatusCode.Created);
        await s.Inspector.PostOkAsync($"/api/v1/accountability/{opened.Id()}/dismissal", new { reason = "经查情节轻微" });

        var score = await s.ScoreOfAsync(unit);
        Assert.Empty(Items(score, "accountability"));
        Assert.Equal(100m, score.GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task A_red_notice_and_an_issued_criticism_bulletin_are_deductions_with_their_records()
    {
        var s = await CreateAsync(app);
        var unit = await s.UnitAsync("红岩镇");
        var notice = await s.Supervisor.PostOkAsync("/api/v1/supervision-notices", new { unitId = unit, level = "red", reason = "红岩镇连续三次超期未办结群众诉求" }, HttpStatusCode.Created);
        var clue = await s.VerifiedClueAsync(unit);
        var bulletin = await s.Supervisor.PostOkAsync("/api/v1/bulletins",
            new { kind = "criticism", title = "关于红岩镇推诿扯皮问题的通报", recipients = "各乡镇人民政府", clueIds = new[] { clue } }, HttpStatusCode.Created);
        var draft = await s.ScoreOfAsync(unit);
        Assert.Empty(Items(draft, "bulletin")); // a draft names no one yet
        await s.Supervisor.PostOkAsync($"/api/v1/bulletins/{bulletin.Id()}/issue", new { });

        var score = await s.ScoreOfAsync(unit);
        var red = Assert.Single(Items(score, "notice"));
        Assert.Equal(notice.Id(), red.GetProperty("sourceId").GetString());
        Assert.Equal(-1m, red.GetProperty("points").GetDecimal());
        Assert.Contains(notice.GetProperty("number").GetString()!, red.GetProperty("reason").GetString());
        Assert.Equal($"/notices/{notice.Id()}", red.GetProperty("url").GetString());
        var criticism = Assert.Single(Items(score, "bulletin"));
        Assert.Equal(bulletin.Id(), criticism.GetProperty("sourceId").GetString());
        Assert.Equal(-2m, criticism.GetProperty("points").GetDecimal());
        Assert.Contains("关于红岩镇推诿扯皮问题的通报", criticism.GetProperty("reason").GetString());
        var link = criticism.GetProperty("url").GetString();
        Assert.Equal($"/api/v1/bulletins/{bulletin.Id()}/docx", link);
        Assert.Equal(HttpStatusCode.OK, (await s.Leader.GetAsync(link)).StatusCode); // the leader follows the deduction to the document
        Assert.Equal(97m, score.GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task Overdue_assignments_deduct_up_to_the_yearly_cap_and_the_item_that_reaches_it_says_so()
    {
        var s = await CreateAsync(app);
        var unit = await s.UnitAsync("县住建局", "department");
        var ids = new List<string>();
        for (var day = 1; day <= 11; day++)
        {
            ids.Add(await s.AssignmentAsync(unit, new DateOnly(2026, 10, day), $"重点工作{day}"));
        }
        await s.AssignmentAsync(unit, new DateOnly(2026, 12, 20), "尚未到期的工作");

        var score = await s.ScoreOfAsync(unit);
        var items = Items(score, "assignment");
        Assert.Equal(11, items.Count);
        Assert.Equal(ids, items.Select(i => i.GetProperty("sourceId").GetString()));
        Assert.All(items[..10], i => Assert.Equal(-1m, i.GetProperty("points").GetDecimal()));
        Assert.Contains("上限", items[9].GetProperty("reason").GetString());
        Assert.Equal(0m, items[10].GetProperty("points").GetDecimal());
        Assert.Contains("不再扣分", items[10].GetProperty("reason").GetString());
        Assert.Contains("2026-10-01", items[0].GetProperty("reason").GetString());
        Assert.Contains("重点工作1", items[0].GetProperty("reason").GetString());
        Assert.Equal($"/assignments/{ids[0]}", items[0].GetProperty("url").GetString());
        Assert.Equal(90m, score.GetProperty("score").GetDecimal());
        Assert.Equal(-10m, score.GetProperty("deductions").GetDecimal());
    }

    [Fact]
    public async Task A_missed_assist_duty_costs_the_assist_unit()
    {
        var s = await CreateAsync(app);
        var lead = await s.UnitAsync("县发改委", "department");
        var assist = await s.UnitAsync("县自然资源局", "department");
        var task = await s.AssignmentAsync(lead, new DateOnly(2026, 12, 31), "产业园区规划调整");
        var duty = await s.MissedAssistDutyAsync(task, lead, assist);

        var item = Assert.Single(Items(await s.ScoreOfAsync(assist), "assist"));
        Assert.Equal(duty, item.GetProperty("sourceId").GetString());
        Assert.Equal(-0.5m, item.GetProperty("points").GetDecimal());
        Assert.Contains("协办不力", item.GetProperty("reason").GetString());
        Assert.Contains("产业园区规划调整", item.GetProperty("reason").GetString());
        Assert.Equal($"/assists/{duty}", item.GetProperty("url").GetString());
        Assert.Empty(Items(await s.ScoreOfAsync(lead), "assist"));
    }

    [Fact]
    public async Task Evaluation_results_add_for_a_satisfied_unit_and_deduct_for_an_unsatisfied_one()
    {
        var s = await CreateAsync(app);
        var good = await s.UnitAsync("县税务局", "department");
        var poor = await s.UnitAsync("县不动产登记中心", "department");
        var campaign = await s.Admin.PostOkAsync("/api/v1/evaluations", new
        {
            name = "2026年度政风行风评议", year = 2026, unitIds = new[] { good, poor },
            groups = new[] { new { group = "deputies", weight = 60 }, new { group = "public", weight = 40 } },
        }, HttpStatusCode.Created);
        await s.Admin.PostOkAsync($"/api/v1/evaluations/{campaign.Id()}/open", new { });
        foreach (var group in new[] { "deputies", "public" })
        {
            var codes = await s.Admin.PostOkAsync($"/api/v1/evaluations/{campaign.Id()}/ballots", new { group, count = 1 });
            var code = codes.GetProperty("codes")[0].GetString();
            await app.Anonymous().PostOkAsync($"/public/v1/ballots/{code}",
                new { ratings = new[] { new { unitId = good, level = "satisfied" }, new { unitId = poor, level = "unsatisfied" } } }, HttpStatusCode.NoContent);
        }
        await s.Admin.PostOkAsync($"/api/v1/evaluations/{campaign.Id()}/close", new { });

        var plus = Assert.Single(Items(await s.ScoreOfAsync(good), "evaluation"));
        Assert.Equal(1m, plus.GetProperty("points").GetDecimal());
        Assert.Equal(campaign.Id(), plus.GetProperty("sourceId").GetString());
        Assert.Contains("满意", plus.GetProperty("reason").GetString());
        var minus = Assert.Single(Items(await s.ScoreOfAsync(poor), "evaluation"));
        Assert.Equal(-2m, minus.GetProperty("points").GetDecimal());
        Assert.Contains("不满意", minus.GetProperty("reason").GetString());
        Assert.Equal($"/evaluations/{campaign.Id()}", minus.GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_published_positive_typical_case_is_an_addition()
    {
        var scenario = await CaseScenario.CreateAsync(app);
        var s = await CreateAsync(app);
        var (caseId, code) = await scenario.RepliedCaseAsync();
        await app.Anonymous().PostOkAsync($"/public/v1/cases/{code}/rating", new { level = 5, comment = "处理很快" });
        var draft = await s.Supervisor.PostOkAsync("/api/v1/typical-cases", new { kind = "positive", sourceType = "case", sourceId = caseId }, HttpStatusCode.Created);
        Assert.Empty(Items(await s.ScoreOfAsync(scenario.LeadUnit), "typical"));
        await s.Supervisor.PostOkAsync($"/api/v1/typical-cases/{draft.Id()}/submission", new { });
        await s.Leader.PostOkAsync($"/api/v1/typical-cases/{draft.Id()}/publication", new { note = "同意发布" });

        var item = Assert.Single(Items(await s.ScoreOfAsync(scenario.LeadUnit), "typical"));
        Assert.Equal(draft.Id(), item.GetProperty("sourceId").GetString());
        Assert.Equal(1m, item.GetProperty("points").GetDecimal());
        Assert.Contains("正面典型", item.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Units_are_ranked_by_score_best_first()
    {
        var s = await CreateAsync(app);
        var clean = await s.UnitAsync("排名甲镇");
        var red = await s.UnitAsync("排名乙镇");
        var accountable = await s.UnitAsync("排名丙镇");
        await s.Supervisor.PostOkAsync("/api/v1/supervision-notices", new { unitId = red, level = "red", reason = "超期未办结" }, HttpStatusCode.Created);
        await s.DecidedCaseOnUnitAsync(accountable);

        var all = (await s.Leader.GetOkAsync("/api/v1/scores/units?year=2026")).EnumerateArray().ToList();
        var scores = all.Select(u => u.GetProperty("score").GetDecimal()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        int At(string id) => all.FindIndex(u => u.GetProperty("unitId").GetString() == id);
        Assert.True(At(clean) < At(red) && At(red) < At(accountable));
        var ranks = new[] { clean, red, accountable }.Select(id => all[At(id)].GetProperty("rank").GetInt32()).ToList();
        Assert.True(ranks[0] < ranks[1] && ranks[1] < ranks[2]);
        Assert.Equal(1 + all.Count(u => u.GetProperty("score").GetDecimal() > 99m), ranks[1]);
        Assert.Equal(100m, all[At(clean)].GetProperty("score").GetDecimal());

        var townships = (await s.Leader.GetOkAsync("/api/v1/scores/units?year=2026&unitKind=township")).EnumerateArray().ToList();
        Assert.All(townships, u => Assert.Equal("township", u.GetProperty("unitKind").GetString()));
    }

    [Fact]
    public async Task The_score_page_shows_each_item_with_the_link_to_its_record()
    {
        var s = await CreateAsync(app);
        var unit = await s.UnitAsync("石门镇");
        var caseId = await s.DecidedCaseOnUnitAsync(unit, "对石门镇党委予以通报");

        var page = await PageAsync(s.Leader, $"/scores/{unit}/2026");
        Assert.Contains("石门镇 2026 年度综合考核", page);
        Assert.Contains("<b>97</b> 分", page);
        Assert.Contains("对石门镇党委予以通报", page);
        Assert.Contains($"<a href=\"/accountability/{caseId}\">查看问责</a>", page);
        Assert.Contains("单位被问责", page);

        var ranking = await PageAsync(s.Inspector, "/scores?year=2026");
        Assert.Contains($"<a href=\"/scores/{unit}/2026\">石门镇</a>", ranking);
        Assert.Contains("/api/v1/scores/export.xlsx?year=2026", ranking);
        var filtered = await PageAsync(s.Inspector, "/scores?year=2026&kind=department");
        Assert.DoesNotContain("石门镇", filtered);

        Assert.Equal(HttpStatusCode.NotFound, (await s.Leader.GetAsync($"/scores/no-such-unit/2026")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Leader.GetAsync($"/scores/{unit}/2031")).StatusCode);
        var refused = await PageAsync(s.Leader, "/scores?year=1999");
        Assert.Contains("考核年度“1999”无效", refused);
    }

    [Fact]
    public async Task The_export_has_the_ranking_and_every_item_with_its_link()
    {
        var s = await CreateAsync(app);
        var unit = await s.UnitAsync("导出镇");
        var caseId = await s.DecidedCaseOnUnitAsync(unit, "对导出镇党委予以通报");

        var response = await s.Supervisor.GetAsync("/api/v1/scores/export.xlsx?year=2026");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        Assert.Equal(2, book.Worksheets.Count);
        var ranking = book.Worksheet(1);
        Assert.Equal("名次", ranking.Cell(1, 1).GetString());
        var row = ranking.RowsUsed().Single(r => r.Cell(2).GetString() == "导出镇");
        Assert.Equal(97, row.Cell(4).GetDouble());
        var items = book.Worksheet(2);
        var item = items.RowsUsed().Single(r => r.Cell(1).GetString() == "导出镇");
        Assert.Equal(-3, item.Cell(4).GetDouble());
        Assert.Contains("对导出镇党委予以通报", item.Cell(5).GetString());
        Assert.EndsWith($"/accountability/{caseId}", item.Cell(7).GetString());
    }

    [Fact]
    public async Task Only_supervision_leaders_discipline_and_admin_read_scores_and_a_bad_year_is_a_400()
    {
        var s = await CreateAsync(app);
        var unit = await s.UnitAsync("权限镇");
        foreach (var role in new[] { "unit", "operator", "dispatcher" })
        {
            var other = await s.Admin.UserAsync(app, role == "unit" ? unit : s.Root, role);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v1/scores/units?year=2026")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/scores/units/{unit}?year=2026")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v1/scores/export.xlsx?year=2026")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/scores")).StatusCode);
        }
        Assert.Contains("考核年度", await (await s.Supervisor.GetAsync("/api/v1/scores/units?year=abc")).ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Contains("2026", await (await s.Leader.GetAsync("/api/v1/scores/units?year=2031")).ProblemAsync(HttpStatusCode.BadRequest));
        await (await s.Leader.GetAsync("/api/v1/scores/units?year=2026&unitKind=planet")).ProblemAsync(HttpStatusCode.BadRequest);

        var one = await s.Inspector.GetOkAsync($"/api/v1/scores/units/{unit}?year=2026");
        Assert.Equal(100m, one.GetProperty("score").GetDecimal());
        Assert.Empty(one.GetProperty("items").EnumerateArray());
        await (await s.Inspector.GetAsync("/api/v1/scores/units/no-such-unit?year=2026")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_annual_assessment_pages_show_the_units_score_with_a_link()
    {
        var s = await CreateAsync(app);
        var unit = await s.UnitAsync("考核镇");
        await s.DecidedCaseOnUnitAsync(unit);

        var list = await PageAsync(s.Leader, "/assessments?year=2026&q=考核镇");
        Assert.Contains($"<a href=\"/scores/{unit}/2026\"", list);
        Assert.Contains("97（第", list);
        var batch = await PageAsync(s.Leader, $"/assessments/{unit}/2026");
        Assert.Contains("2026 年度综合考核", batch);
        Assert.Contains("得分 <b>97</b> 分", batch);
        Assert.Contains($"<a href=\"/scores/{unit}/2026\">查看扣分、加分明细</a>", batch);
    }

    [Fact]
    public async Task The_rules_are_read_by_a_leader_and_refused_to_them_for_editing()
    {
        var s = await CreateAsync(app);
        var rules = (await s.Leader.GetOkAsync("/api/v1/scores/rules")).EnumerateArray().ToList();
        Assert.Equal(16, rules.Count); // one per ScoreKind, 干部旷工 included
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("sourceDocument").GetString())));
        var unitRule = rules.Single(r => r.GetProperty("kind").GetString() == "accountability_unit");
        Assert.Equal(-3m, unitRule.GetProperty("points").GetDecimal());
        Assert.Equal("accountability", unitRule.GetProperty("sourceType").GetString());

        var put = await s.Leader.PutAsJsonAsync("/api/v1/scores/rules/red_notice", new { name = "被红牌督办", points = -5, sourceDocument = "某文件" });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        var page = await PageAsync(s.Leader, "/scores/rules");
        Assert.Contains("《本县机关干部作风建设综合考核办法》", page);
        Assert.DoesNotContain("name=\"rule.SourceDocument\"", page);
        Assert.Equal(-1m, (await s.Leader.GetOkAsync("/api/v1/scores/rules")).EnumerateArray()
            .Single(r => r.GetProperty("kind").GetString() == "red_notice").GetProperty("points").GetDecimal());
    }
}
