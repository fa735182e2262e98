using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Zhengfeng.Tests.Campaigns;

/// <summary>专项整治's plan: who may make it, what it must hold, who sees it, revising, closing and reopening.</summary>
public sealed class CampaignPlanTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_supervisor_plans_a_campaign_and_gets_the_four_standard_phases_when_none_are_given()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var created = await s.Supervisor.PostOkAsync("/api/v1/campaigns",
            new { name = "不作为慢作为乱作为专项整治", startsOn = "2026-10-01", endsOn = "2026-12-31", unitIds = new[] { s.A, s.B } }, HttpStatusCode.Created);
        Assert.False(string.IsNullOrEmpty(created.Id()));

        var view = await s.Supervisor.GetOkAsync($"/api/v1/campaigns/{created.Id()}");
        Assert.Equal("monthly", view.GetProperty("reportCycle").GetString());
        Assert.Equal("running", view.GetProperty("status").GetString());
        var phases = CampaignScenario.Items(view, "phases").ToList();
        Assert.Equal(["动员部署", "自查自纠", "集中整治", "总结提升"], phases.Select(p => p.GetProperty("name").GetString()));
        Assert.Equal("2026-10-01", phases[0].GetProperty("startsOn").GetString());
        Assert.Equal("2026-12-31", phases[^1].GetProperty("endsOn").GetString());
        var current = phases.Single(p => p.GetProperty("current").GetBoolean());
        Assert.Equal(current.GetProperty("seq").GetInt32(), view.GetProperty("currentPhase").GetInt32());
        Assert.Equal([s.NameA, s.NameB], CampaignScenario.Items(view, "units").Select(u => u.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_plan_keeps_its_document_number_phases_leading_group_and_cycle()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var id = await s.CampaignAsync("窗口服务专项整治", cycle: "weekly");
        var view = await s.Leader.GetOkAsync($"/api/v1/campaigns/{id}");
        Assert.Equal("县作发〔2026〕3号", view.GetProperty("documentNumber").GetString());
        Assert.Equal("weekly", view.GetProperty("reportCycle").GetString());
        Assert.Equal("每周", view.GetProperty("reportCycleLabel").GetString());
        Assert.Equal(3, view.GetProperty("currentPhase").GetInt32());
        var leaders = CampaignScenario.Items(view, "leaders").ToList();
        Assert.Equal(("王建国", "县委副书记", "组长"), (leaders[0].GetProperty("name").GetString(), leaders[0].GetProperty("post").GetString(), leaders[0].GetProperty("role").GetString()));
        Assert.Equal(3, CampaignScenario.Items(view, "units").Count());
    }

    [Theory]
    [InlineData("leader")]
    [InlineData("inspector")]
    [InlineData("unit")]
    [InlineData("operator")]
    public async Task Only_supervisors_and_admins_plan_a_campaign(string role)
    {
        var s = await CampaignScenario.CreateAsync(app);
        var client = await s.Admin.UserAsync(app, role == "unit" ? s.A : s.Root, role);
        var response = await client.PostAsJsonAsync("/api/v1/campaigns", new { name = "越权制定的方案", startsOn = "2026-11-01", endsOn = "2026-12-31", unitIds = new[] { s.A } });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await s.Admin.PostOkAsync("/api/v1/campaigns", new { name = "管理员制定的方案", startsOn = "2026-11-01", endsOn = "2026-12-31", unitIds = new[] { s.A } }, HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_end_before_the_start_is_refused_and_nothing_is_created()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var name = "倒置日期的方案" + app.Unique("");
        var response = await s.Supervisor.PostAsJsonAsync("/api/v1/campaigns", new { name, startsOn = "2026-12-01", endsOn = "2026-11-01", unitIds = new[] { s.A } });
        Assert.Contains("结束日期不能早于开始日期", await response.ProblemAsync(HttpStatusCode.BadRequest));
        var list = await s.Supervisor.GetOkAsync($"/api/v1/campaigns?q={Uri.EscapeDataString(name)}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Unknown_and_inactive_units_are_refused_in_chinese()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var unknown = await s.Supervisor.PostAsJsonAsync("/api/v1/campaigns", new { name = "含未知单位", startsOn = "2026-11-01", endsOn = "2026-12-31", unitIds = new[] { s.A, "no-such-unit" } });
        Assert.Contains("参加单位不存在：no-such-unit", await unknown.ProblemAsync(HttpStatusCode.BadRequest));

        await s.DeactivateAsync(s.C);
        var inactive = await s.Supervisor.PostAsJsonAsync("/api/v1/campaigns", new { name = "含停用单位", startsOn = "2026-11-01", endsOn = "2026-12-31", unitIds = new[] { s.A, s.C } });
        Assert.Contains($"参加单位已停用：{s.NameC}", await inactive.ProblemAsync(HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("startsOn")]
    [InlineData("endsOn")]
    [InlineData("unitIds")]
    public async Task A_missing_field_is_named_in_the_refusal(string field)
    {
        var s = await CampaignScenario.CreateAsync(app);
        var body = new Dictionary<string, object> { ["name"] = "缺字段的方案", ["startsOn"] = "2026-11-01", ["endsOn"] = "2026-12-31", ["unitIds"] = new[] { s.A } };
        body.Remove(field);
        var response = await s.Supervisor.PostAsJsonAsync("/api/v1/campaigns", body);
        Assert.Contains(field, await response.ProblemAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Phases_outside_the_period_or_overlapping_are_refused()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var outside = await s.Supervisor.PostAsJsonAsync("/api/v1/campaigns", new
        {
            name = "阶段越界", startsOn = "2026-11-01", endsOn = "2026-12-31", unitIds = new[] { s.A },
            phases = new[] { new { name = "动员部署", startsOn = "2026-10-20", endsOn = "2026-11-10" } },
        });
        Assert.Contains("应在专项整治期间内", await outside.ProblemAsync(HttpStatusCode.BadRequest));
        var overlap = await s.Supervisor.PostAsJsonAsync("/api/v1/campaigns", new
        {
            name = "阶段重叠", startsOn = "2026-11-01", endsOn = "2026-12-31", unitIds = new[] { s.A },
            phases = new[] { new { name = "动员部署", startsOn = "2026-11-01", endsOn = "2026-11-20" }, new { name = "集中整治", startsOn = "2026-11-15", endsOn = "2026-12-31" } },
        });
        Assert.Contains("与上一阶段时间重叠", await overlap.ProblemAsync(HttpStatusCode.BadRequest));
        var cycle = await s.Supervisor.PostAsJsonAsync("/api/v1/campaigns", new { name = "错误周期", startsOn = "2026-11-01", endsOn = "2026-12-31", unitIds = new[] { s.A }, reportCycle = "daily" });
        Assert.Contains("reportCycle", await cycle.ProblemAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Unit_staff_see_only_the_campaigns_their_unit_takes_part_in()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var id = await s.CampaignAsync("只含乡镇的专项整治" + app.Unique(""));
        var listA = await s.StaffA.GetOkAsync("/api/v1/campaigns?pageSize=200");
        Assert.Contains(id, CampaignScenario.Items(listA, "items").Select(i => i.Id()));
        var listOutsider = await s.StaffOutsider.GetOkAsync("/api/v1/campaigns?pageSize=200");
        Assert.DoesNotContain(id, CampaignScenario.Items(listOutsider, "items").Select(i => i.Id()));
        Assert.Equal(HttpStatusCode.Forbidden, (await s.StaffOutsider.GetAsync($"/api/v1/campaigns/{id}")).StatusCode);
        await s.StaffA.GetOkAsync($"/api/v1/campaigns/{id}");
        Assert.Equal(HttpStatusCode.NotFound, (await s.Supervisor.GetAsync("/api/v1/campaigns/no-such-campaign")).StatusCode);
    }

    [Fact]
    public async Task The_list_searches_by_name_and_filters_by_status()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var tag = app.Unique("搜");
        var running = await s.CampaignAsync($"{tag}营商环境专项整治");
        var closed = await s.CampaignAsync($"{tag}窗口单位专项整治");
        await s.Supervisor.PostOkAsync($"/api/v1/campaigns/{closed}/closure", new { summary = "建立了首问负责制" });

        var all = await s.Supervisor.GetOkAsync($"/api/v1/campaigns?q={Uri.EscapeDataString(tag)}");
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        var onlyClosed = await s.Supervisor.GetOkAsync($"/api/v1/campaigns?q={Uri.EscapeDataString(tag)}&status=closed");
        Assert.Equal([closed], CampaignScenario.Items(onlyClosed, "items").Select(i => i.Id()));
        var byName = await s.Supervisor.GetOkAsync($"/api/v1/campaigns?q={Uri.EscapeDataString(tag + "营商")}");
        Assert.Equal([running], CampaignScenario.Items(byName, "items").Select(i => i.Id()));
        Assert.Contains("status", await (await s.Supervisor.GetAsync("/api/v1/campaigns?status=paused")).ProblemAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Revising_the_plan_replaces_phases_leaders_and_units()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var id = await s.CampaignAsync();
        var revised = await s.Supervisor.PutAsJsonAsync($"/api/v1/campaigns/{id}", new
        {
            name = "机关作风突出问题专项整治（修订）", documentNumber = "县作发〔2026〕5号", startsOn = "2026-09-01", endsOn = "2027-01-31", reportCycle = "quarterly",
            unitIds = new[] { s.A, s.B },
            phases = new[]
            {
                new { name = "动员部署", startsOn = "2026-09-01", endsOn = "2026-09-30" },
                new { name = "集中整治", startsOn = "2026-10-01", endsOn = "2027-01-15" },
                new { name = "总结提升", startsOn = "2027-01-16", endsOn = "2027-01-31" },
            },
            leaders = new[] { new { name = "赵强", post = "县长", role = "组长" } },
        });
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        var view = await s.Supervisor.GetOkAsync($"/api/v1/campaigns/{id}");
        Assert.Equal("机关作风突出问题专项整治（修订）", view.GetProperty("name").GetString());
        Assert.Equal("quarterly", view.GetProperty("reportCycle").GetString());
        Assert.Equal(["动员部署", "集中整治", "总结提升"], CampaignScenario.Items(view, "phases").Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(["赵强"], CampaignScenario.Items(view, "leaders").Select(p => p.GetProperty("name").GetString()));
        Assert.Equal([s.A, s.B], CampaignScenario.Items(view, "units").Select(p => p.GetProperty("unitId").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await s.StaffC.GetAsync($"/api/v1/campaigns/{id}")).StatusCode);
        var byLeader = await s.Leader.PutAsJsonAsync($"/api/v1/campaigns/{id}", new { name = "领导修订", startsOn = "2026-09-01", endsOn = "2026-12-31", unitIds = new[] { s.A } });
        Assert.Equal(HttpStatusCode.Forbidden, byLeader.StatusCode);
    }

    [Fact]
    public async Task Closing_and_reopening_are_for_supervisors_and_follow_the_table()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var id = await s.CampaignAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await s.StaffA.PostAsJsonAsync($"/api/v1/campaigns/{id}/closure", new { summary = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Leader.PostAsJsonAsync($"/api/v1/campaigns/{id}/closure", new { summary = "x" })).StatusCode);

        var closed = await s.Supervisor.PostOkAsync($"/api/v1/campaigns/{id}/closure", new { summary = "建立了窗口服务“好差评”长效机制" });
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("建立了窗口服务“好差评”长效机制", closed.GetProperty("summary").GetString());
        var again = await s.Supervisor.PostAsJsonAsync($"/api/v1/campaigns/{id}/closure", new { });
        Assert.Contains("当前状态为“已总结结束”", await again.ProblemAsync(HttpStatusCode.Conflict));
        var revise = await s.Supervisor.PutAsJsonAsync($"/api/v1/campaigns/{id}", new { name = "已结束的方案", startsOn = "2026-09-01", endsOn = "2026-12-31", unitIds = new[] { s.A } });
        await revise.ProblemAsync(HttpStatusCode.Conflict);

        var reopened = await s.Supervisor.PostOkAsync($"/api/v1/campaigns/{id}/reopening", new { });
        Assert.Equal("running", reopened.GetProperty("status").GetString());
        await (await s.Supervisor.PostAsJsonAsync($"/api/v1/campaigns/{id}/reopening", new { })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Every_change_is_in_the_audit_chain()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var id = await s.CampaignAsync();
        await s.StaffA.PostOkAsync($"/api/v1/campaigns/{id}/reports", new { period = "2026-10", content = "本月开展自查" }, HttpStatusCode.Created);
        await s.Supervisor.PostOkAsync($"/api/v1/campaigns/{id}/closure", new { });
        var actions = new List<string>();
        await app.WithDbAsync(async db => actions = await db.AuditEntries.Where(e => e.EntityId == id || e.Action == "campaign.report").Select(e => e.Action).ToListAsync());
        Assert.Contains("campaign.create", actions);
        Assert.Contains("campaign.report", actions);
        Assert.Contains("campaign.close", actions);
        var verify = await s.Admin.GetOkAsync("/api/v1/audit/verify");
        Assert.True(verify.GetProperty("ok").GetBoolean());
    }
}
