using System.Net;

namespace Zhengfeng.Tests.Campaigns;

/// <summary>The campaign pages as served to a supervisor and to a participating unit, and refused to everyone else.</summary>
public sealed class CampaignPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_supervisor_plans_a_campaign_through_the_form_with_the_standard_phases_pre_filled()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var form = await CampaignScenario.PageAsync(s.Supervisor, "/campaigns/new");
        Assert.Contains("制定专项整治方案", form);
        Assert.Contains("value=\"动员部署\"", form);
        Assert.Contains("value=\"总结提升\"", form);
        Assert.Contains("name=\"Form.Phases[0].StartsOn\" value=\"2026-11-02\"", form);
        Assert.Contains("<legend>乡镇街道</legend>", form);
        Assert.Contains("<legend>部门</legend>", form);
        Assert.Contains($"value=\"{s.A}\"", form);
        Assert.Contains("<option selected=\"selected\">组长</option>", form);

        var name = "优化营商环境专项整治" + app.Unique("")[..4];
        var response = await CampaignScenario.PostFormAsync(s.Supervisor, "/campaigns/new",
            ("Form.Name", name), ("Form.DocumentNumber", "县作发〔2026〕9号"), ("Form.StartsOn", "2026-11-01"), ("Form.EndsOn", "2026-12-31"), ("Form.ReportCycle", "weekly"),
            ("Form.Phases[0].Name", "动员部署"), ("Form.Phases[0].StartsOn", "2026-11-01"), ("Form.Phases[0].EndsOn", "2026-11-15"),
            ("Form.Phases[1].Name", "集中整治"), ("Form.Phases[1].StartsOn", "2026-11-16"), ("Form.Phases[1].EndsOn", "2026-12-31"),
            ("Form.Phases[2].Name", ""), ("Form.Phases[2].StartsOn", ""), ("Form.Phases[2].EndsOn", ""),
            ("Form.Leaders[0].Role", "组长"), ("Form.Leaders[0].Name", "孙立"), ("Form.Leaders[0].Post", "县委书记"),
            ("Form.Leaders[1].Role", "成员"), ("Form.Leaders[1].Name", ""), ("Form.Leaders[1].Post", ""),
            ("Form.UnitIds", s.A), ("Form.UnitIds", s.B));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var detail = await CampaignScenario.PageAsync(s.Supervisor, response.Headers.Location!.OriginalString);
        Assert.Contains(name, detail);
        Assert.Contains("县作发〔2026〕9号", detail);
        Assert.Contains("每周", detail);
        Assert.Contains("孙立", detail);
        Assert.Contains("第1阶段 动员部署", detail);
        Assert.DoesNotContain("第3阶段", detail);
    }

    [Fact]
    public async Task A_refused_plan_shows_its_message_with_the_form_kept()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var response = await CampaignScenario.PostFormAsync(s.Supervisor, "/campaigns/new",
            ("Form.Name", "日期倒置的方案"), ("Form.StartsOn", "2026-12-31"), ("Form.EndsOn", "2026-11-01"), ("Form.ReportCycle", "monthly"), ("Form.UnitIds", s.A));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("专项整治的结束日期不能早于开始日期", html);
        Assert.Contains("value=\"日期倒置的方案\"", html);
        var noUnits = await CampaignScenario.PostFormAsync(s.Supervisor, "/campaigns/new", ("Form.Name", "没有单位的方案"), ("Form.StartsOn", "2026-11-01"), ("Form.EndsOn", "2026-12-31"));
        Assert.Contains("请选择至少一个参加单位", WebUtility.HtmlDecode(await noUnits.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_campaign_page_shows_a_supervisor_the_whole_record()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var id = await s.CampaignAsync("基层减负专项整治" + app.Unique("")[..4]);
        var task = await s.TaskAsync(id, s.A, "精简会议文件", new DateOnly(2026, 10, 30));
        await s.StaffB.PostOkAsync($"/api/v1/campaigns/{id}/reports", new { period = "2026-11", content = "无问题", noProblem = true }, HttpStatusCode.Created);
        await s.Supervisor.PostOkAsync("/api/v1/clues", new { source = "mystery", unitId = s.B, problemType = "formalism", content = "暗访发现西湖乡重复填报表格", campaignId = id }, HttpStatusCode.Created);

        var html = await CampaignScenario.PageAsync(s.Supervisor, $"/campaigns/{id}");
        Assert.Contains("当前阶段：第3阶段 集中整治", html);
        Assert.Contains("王建国", html);
        Assert.Contains("参加单位完成情况", html);
        Assert.Contains($"{s.NameC}在第1阶段“动员部署”", html);
        Assert.Contains($"{s.NameB}报送2026年11月情况称“无问题”", html);
        Assert.Contains($"href=\"/assignments/{task}\"", html);
        Assert.Contains("精简会议文件", html);
        Assert.Contains("已逾期", html);
        Assert.Contains($"href=\"/assignments/new?campaignId={id}\"", html);
        Assert.Contains($"/api/v1/campaigns/{id}/ledger.xlsx", html);
        Assert.Contains($"/api/v1/campaigns/{id}/progress-bulletin.docx", html);
        Assert.Contains($"/api/v1/campaigns/{id}/summary.docx", html);
        Assert.Contains("暗访发现西湖乡重复填报表格", html);
        Assert.Contains("修订实施方案", html);
        Assert.Contains("总结结束专项整治", html);

        var list = await CampaignScenario.PageAsync(s.Supervisor, "/campaigns?q=基层减负&status=running");
        Assert.Contains($"href=\"/campaigns/{id}\"", list);
        Assert.Contains("导出 Excel", list);
    }

    [Fact]
    public async Task A_participating_unit_sees_only_its_own_part_and_reports_through_the_pre_filled_form()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var id = await s.CampaignAsync("窗口作风专项整治" + app.Unique("")[..4]);
        await s.TaskAsync(id, s.A, "推行延时服务", new DateOnly(2026, 11, 30));
        await s.TaskAsync(id, s.B, "西湖乡的任务", new DateOnly(2026, 11, 30));

        var list = await CampaignScenario.PageAsync(s.StaffA, "/campaigns");
        Assert.Contains($"href=\"/campaigns/{id}/report\"", list);
        var detail = await CampaignScenario.PageAsync(s.StaffA, $"/campaigns/{id}");
        Assert.Contains("本单位完成情况", detail);
        Assert.Contains("推行延时服务", detail);
        Assert.DoesNotContain("西湖乡的任务", detail);
        Assert.DoesNotContain(s.NameB, detail);
        Assert.DoesNotContain("零报告单位", detail);
        Assert.DoesNotContain("ledger.xlsx", detail);
        Assert.Contains("报送本单位情况", detail);

        var form = await CampaignScenario.PageAsync(s.StaffA, $"/campaigns/{id}/report?period=2026-11");
        Assert.Contains("推行延时服务”，完成期限2026-11-30，已交办", form);
        Assert.Contains("<option value=\"2026-11\" selected=\"selected\">", form);
        Assert.Contains("<option value=\"2026-09\"", form);
        Assert.DoesNotContain("value=\"2026-12\"", form);
        Assert.Contains("本期无问题", form);

        var posted = await CampaignScenario.PostFormAsync(s.StaffA, $"/campaigns/{id}/report?period=2026-11",
            ("report.Period", "2026-11"), ("report.Content", "本月推行延时服务，群众反映良好"), ("report.NoProblem", "true"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var reports = await s.StaffA.GetOkAsync($"/api/v1/campaigns/{id}/reports");
        Assert.True(reports[0].GetProperty("noProblem").GetBoolean());
        Assert.Equal("本月推行延时服务，群众反映良好", reports[0].GetProperty("content").GetString());

        var twice = await CampaignScenario.PostFormAsync(s.StaffA, $"/campaigns/{id}/report?period=2026-11",
            ("report.Period", "2026-11"), ("report.Content", "再次报送"));
        var html = WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("本单位已报送2026年11月的情况，同一周期不能重复报送", html);
        Assert.Contains("再次报送</textarea>", html);
    }

    [Fact]
    public async Task Pages_are_refused_to_those_outside_the_campaign()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var id = await s.CampaignAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await s.StaffOutsider.GetAsync($"/campaigns/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.StaffOutsider.GetAsync($"/campaigns/{id}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Supervisor.GetAsync($"/campaigns/{id}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.StaffA.GetAsync("/campaigns/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.StaffA.GetAsync($"/campaigns/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Leader.GetAsync($"/campaigns/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Supervisor.GetAsync("/campaigns/no-such-campaign")).StatusCode);
        Assert.DoesNotContain($"/campaigns/{id}\"", await CampaignScenario.PageAsync(s.StaffOutsider, "/campaigns"));
        var leaderView = await CampaignScenario.PageAsync(s.Leader, $"/campaigns/{id}");
        Assert.Contains("零报告单位", leaderView);
        Assert.DoesNotContain("总结结束专项整治", leaderView);
    }

    [Fact]
    public async Task A_supervisor_revises_closes_and_reopens_from_the_pages()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var id = await s.CampaignAsync();
        var edit = await CampaignScenario.PageAsync(s.Supervisor, $"/campaigns/{id}/edit");
        Assert.Contains("value=\"自查自纠\"", edit);
        Assert.Contains("value=\"王建国\"", edit);
        Assert.Matches($"value=\"{s.C}\" checked=\"checked\"", edit);

        var revised = await CampaignScenario.PostFormAsync(s.Supervisor, $"/campaigns/{id}/edit",
            ("Form.Name", "机关作风专项整治（修订稿）"), ("Form.StartsOn", "2026-09-01"), ("Form.EndsOn", "2026-12-31"), ("Form.ReportCycle", "monthly"),
            ("Form.UnitIds", s.A), ("Form.UnitIds", s.B));
        Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);
        var view = await s.Supervisor.GetOkAsync($"/api/v1/campaigns/{id}");
        Assert.Equal("机关作风专项整治（修订稿）", view.GetProperty("name").GetString());
        Assert.Equal(4, view.GetProperty("phases").GetArrayLength());

        var closed = await CampaignScenario.PostFormAsync(s.Supervisor, $"/campaigns/{id}?handler=Close", ("close.Summary", "形成了三项长效制度"));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var html = await CampaignScenario.PageAsync(s.Supervisor, $"/campaigns/{id}");
        Assert.Contains("已总结结束", html);
        Assert.Contains("形成了三项长效制度", html);
        Assert.Contains("重新启动专项整治", html);
        var reopened = await CampaignScenario.PostFormAsync(s.Supervisor, $"/campaigns/{id}?handler=Reopen");
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.Equal("running", (await s.Supervisor.GetOkAsync($"/api/v1/campaigns/{id}")).GetProperty("status").GetString());

        var linked = await s.Supervisor.PostOkAsync("/api/v1/clues", new { source = "tour", unitId = s.A, problemType = "shirking", content = "巡察发现的推诿问题" }, HttpStatusCode.Created);
        var link = await CampaignScenario.PostFormAsync(s.Supervisor, $"/campaigns/{id}?handler=Link", ("link.Type", "clue"), ("link.Id", linked.Id()));
        Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        Assert.Contains("巡察发现的推诿问题", await CampaignScenario.PageAsync(s.Supervisor, $"/campaigns/{id}"));
        var closeByUnit = await CampaignScenario.PostFormAsync(s.StaffA, $"/campaigns/{id}?handler=Close", ("close.Summary", "越权"));
        Assert.Equal(HttpStatusCode.Forbidden, closeByUnit.StatusCode);
    }

    [Fact]
    public async Task The_create_forms_of_clues_accountability_and_bulletins_offer_the_running_campaigns()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var name = "纳入线索的专项整治" + app.Unique("")[..4];
        var id = await s.CampaignAsync(name);
        var clues = await CampaignScenario.PageAsync(s.Supervisor, $"/clues?campaignId={id}");
        Assert.Contains("name=\"register.CampaignId\"", clues);
        Assert.Contains($"<option value=\"{id}\" selected=\"selected\">{name}</option>", clues);
        var selfForm = await CampaignScenario.PageAsync(s.StaffA, "/clues");
        Assert.Contains("name=\"self.CampaignId\"", selfForm);
        Assert.Contains(name, selfForm);
        Assert.DoesNotContain(name, await CampaignScenario.PageAsync(s.StaffOutsider, "/clues"));
        Assert.Contains($"<option value=\"{id}\" selected=\"selected\">{name}</option>", await CampaignScenario.PageAsync(s.Inspector, $"/accountability/new?campaignId={id}"));
        Assert.Contains("name=\"Input.CampaignId\"", await CampaignScenario.PageAsync(s.Supervisor, "/bulletins"));

        var registered = await CampaignScenario.PostFormAsync(s.Supervisor, "/clues?handler=Register",
            ("register.Source", "tour"), ("register.UnitId", s.A), ("register.ProblemType", "shirking"), ("register.Content", "通过表单登记的巡察问题"), ("register.CampaignId", id));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var ledger = await s.Supervisor.GetOkAsync($"/api/v1/campaigns/{id}/ledger");
        Assert.Contains(CampaignScenario.Items(ledger, "linked"), l => l.GetProperty("title").GetString()!.Contains("通过表单登记的巡察问题"));
    }
}
