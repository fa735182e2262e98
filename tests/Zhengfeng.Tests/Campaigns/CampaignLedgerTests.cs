using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhengfeng.Features.Clues;

namespace Zhengfeng.Tests.Campaigns;

/// <summary>The campaign's record read back: task progress by unit and phase, zero-report units and units flagged for a false 无问题.</summary>
public sealed class CampaignLedgerTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Progress_counts_the_campaigns_tasks_by_lead_unit_with_done_and_overdue()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var id = await s.CampaignAsync();
        await s.TaskAsync(id, s.A, "建立首问负责制", new DateOnly(2026, 10, 20), done: true);
        await s.TaskAsync(id, s.A, "整治窗口脱岗", new DateOnly(2026, 10, 31));
        await s.TaskAsync(id, s.A, "清理政务服务事项", new DateOnly(2026, 11, 30));
        await s.TaskAsync(id, s.B, "公开办事指南", new DateOnly(2026, 11, 2));
        var other = await s.CampaignAsync();
        await s.TaskAsync(other, s.A, "另一专项整治的任务", new DateOnly(2026, 10, 1));

        var progress = await s.Supervisor.GetOkAsync($"/api/v1/campaigns/{id}/progress");
        Assert.Equal((4, 1, 1), (progress.GetProperty("tasks").GetInt32(), progress.GetProperty("done").GetInt32(), progress.GetProperty("overdue").GetInt32()));
        var units = CampaignScenario.Items(progress, "units").ToDictionary(u => u.GetProperty("unitId").GetString()!);
        Assert.Equal([s.A, s.B, s.C], units.Keys);
        Assert.Equal((3, 1, 1), Counts(units[s.A]));
        Assert.Equal((1, 0, 0), Counts(units[s.B])); // due today is not yet overdue
        Assert.Equal((0, 0, 0), Counts(units[s.C]));
        var byPhase = CampaignScenario.Items(progress, "byPhase").ToList();
        Assert.Equal((2, 1, 1), Counts(byPhase[1]));
        Assert.Equal((2, 0, 0), Counts(byPhase[2]));

        var leaders = await s.Leader.GetOkAsync($"/api/v1/campaigns/{id}/progress");
        Assert.Equal(4, leaders.GetProperty("tasks").GetInt32());
        await s.Admin.GetOkAsync($"/api/v1/campaigns/{id}/progress");
        Assert.Equal(HttpStatusCode.Forbidden, (await s.StaffA.GetAsync($"/api/v1/campaigns/{id}/progress")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Inspector.GetAsync($"/api/v1/campaigns/{id}/progress")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.StaffOutsider.GetAsync($"/api/v1/campaigns/{id}/progress")).StatusCode);
    }

    private static (int, int, int) Counts(JsonElement e) => (e.GetProperty("tasks").GetInt32(), e.GetProperty("done").GetInt32(), e.GetProperty("overdue").GetInt32());

    [Fact]
    public async Task Zero_report_units_are_listed_per_phase_with_their_reason()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var id = await s.CampaignAsync();
        await s.StaffA.PostOkAsync($"/api/v1/campaigns/{id}/reports", new { period = "2026-09", content = "九月情况" }, HttpStatusCode.Created);
        await s.StaffA.PostOkAsync($"/api/v1/campaigns/{id}/reports", new { period = "2026-10", content = "十月情况" }, HttpStatusCode.Created);
        await s.StaffA.PostOkAsync($"/api/v1/campaigns/{id}/reports", new { period = "2026-11", content = "十一月情况" }, HttpStatusCode.Created);
        // B registered a self-inspection finding in the second phase instead of a report.
        await s.PastClueAsync(s.B, ClueSource.Self, "西湖乡自查发现的推诿问题", new DateOnly(2026, 10, 10), await s.UserIdAsync(s.StaffB));

        var ledger = await s.Supervisor.GetOkAsync($"/api/v1/campaigns/{id}/ledger");
        var zero = CampaignScenario.Items(ledger, "zeroReports").Select(z => (z.GetProperty("phaseSeq").GetInt32(), z.GetProperty("unitId").GetString())).ToList();
        Assert.Equal([(1, s.B), (1, s.C), (2, s.C)], zero); // November's report is not due yet: the current phase lists nobody
        var reason = CampaignScenario.Items(ledger, "zeroReports").First(z => z.GetProperty("phaseSeq").GetInt32() == 2).GetProperty("reason").GetString();
        Assert.Equal($"{s.NameC}在第2阶段“自查自纠”（2026-10-01至2026-10-31）未报送专项整治情况，也未登记自查自纠问题", reason);
        var phases = CampaignScenario.Items(ledger, "phases").ToList();
        Assert.Equal([2, 1, 0, 0], phases.Select(p => p.GetProperty("zeroReportUnits").GetInt32()));

        Assert.True(phases[2].GetProperty("current").GetBoolean());
    }

    [Fact]
    public async Task A_running_phase_lists_units_once_one_of_its_reports_has_fallen_due()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var id = await s.CampaignAsync(phases: new[]
        {
            new { name = "动员部署", startsOn = "2026-09-01", endsOn = "2026-09-30" },
            new { name = "集中整治", startsOn = "2026-10-01", endsOn = "2026-12-31" },
        });
        await s.StaffA.PostOkAsync($"/api/v1/campaigns/{id}/reports", new { period = "2026-09", content = "九月情况" }, HttpStatusCode.Created);
        await s.StaffA.PostOkAsync($"/api/v1/campaigns/{id}/reports", new { period = "2026-10", content = "十月情况" }, HttpStatusCode.Created);

        var ledger = await s.Supervisor.GetOkAsync($"/api/v1/campaigns/{id}/ledger");
        var current = CampaignScenario.Items(ledger, "zeroReports").Where(z => z.GetProperty("phaseSeq").GetInt32() == 2).ToList();
        Assert.Equal([s.B, s.C], current.Select(z => z.GetProperty("unitId").GetString()));
        Assert.Contains("已到期的报送周期", current[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_unit_reporting_no_problem_while_another_source_found_one_is_flagged_with_the_clue_named()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var id = await s.CampaignAsync();
        await s.StaffA.PostOkAsync($"/api/v1/campaigns/{id}/reports", new { period = "2026-10", content = "本月未发现问题", noProblem = true }, HttpStatusCode.Created);
        var tour = await s.PastClueAsync(s.A, ClueSource.Tour, "巡察发现东岭镇低保审核推诿扯皮", new DateOnly(2026, 10, 15));
        // An untrue clue and a clue from before the phase do not count.
        var dismissed = await s.PastClueAsync(s.A, ClueSource.Mystery, "暗访反映窗口吃拿卡要", new DateOnly(2026, 10, 20));
        await s.Supervisor.PostOkAsync($"/api/v1/clues/{dismissed}/verification", new { result = "false", note = "经核查不属实" });
        await s.PastClueAsync(s.A, ClueSource.Report, "九月的举报", new DateOnly(2026, 9, 20));
        // B reported no problem and only found its own problem: not flagged.
        await s.StaffB.PostOkAsync($"/api/v1/campaigns/{id}/reports", new { period = "2026-10", content = "无问题", noProblem = true }, HttpStatusCode.Created);
        await s.PastClueAsync(s.B, ClueSource.Self, "西湖乡自查发现的问题", new DateOnly(2026, 10, 12), await s.UserIdAsync(s.StaffB));
        // C reported no problem this month while a 暗访 clue about it is registered today.
        await s.StaffC.PostOkAsync($"/api/v1/campaigns/{id}/reports", new { period = "2026-11", content = "无问题", noProblem = true }, HttpStatusCode.Created);
        var mystery = await s.Supervisor.PostOkAsync("/api/v1/clues", new { source = "mystery", unitId = s.C, problemType = "laxity", content = "暗访发现南山街道值班脱岗" }, HttpStatusCode.Created);

        var ledger = await s.Supervisor.GetOkAsync($"/api/v1/campaigns/{id}/ledger");
        var flagged = CampaignScenario.Items(ledger, "flagged").ToList();
        Assert.Equal([(2, s.A), (3, s.C)], flagged.Select(f => (f.GetProperty("phaseSeq").GetInt32(), f.GetProperty("unitId").GetString())));
        Assert.Equal([tour], flagged[0].GetProperty("clueIds").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal($"{s.NameA}报送2026年10月情况称“无问题”，但同一阶段（第2阶段“自查自纠”）巡察反馈于2026-10-15登记了涉及该单位的问题线索“巡察发现东岭镇低保审核推诿扯皮”",
            flagged[0].GetProperty("reason").GetString());
        Assert.Equal([mystery.Id()], flagged[1].GetProperty("clueIds").EnumerateArray().Select(x => x.GetString()));
        Assert.Contains("暗访于2026-11-02", flagged[1].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_ledger_sums_up_completion_by_unit_and_lists_the_linked_records()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var id = await s.CampaignAsync();
        await s.TaskAsync(id, s.A, "任务一", new DateOnly(2026, 11, 20), done: true);
        await s.TaskAsync(id, s.A, "任务二", new DateOnly(2026, 11, 20));
        var clue = await s.Supervisor.PostOkAsync("/api/v1/clues", new { source = "tour", unitId = s.A, problemType = "shirking", content = "巡察发现推诿", campaignId = id }, HttpStatusCode.Created);
        await s.Supervisor.PostOkAsync($"/api/v1/clues/{clue.Id()}/verification", new { result = "true" });
        var item = await s.Supervisor.PostOkAsync("/api/v1/rectifications",
            new { clueId = clue.Id(), unitId = s.A, measures = "建立限时办结制度", type = "immediate", dueDate = "2026-11-10" }, HttpStatusCode.Created);
        await s.StaffA.PostOkAsync($"/api/v1/rectifications/{item.Id()}/progress", new { content = "已建立", rootCause = "制度缺失" });
        await s.Supervisor.PostOkAsync($"/api/v1/rectifications/{item.Id()}/verification", new { pass = true, note = "通过" });
        await s.Supervisor.PostOkAsync($"/api/v1/rectifications/{item.Id()}/close", new { });
        await s.StaffA.PostOkAsync($"/api/v1/campaigns/{id}/reports", new { period = "2026-11", content = "本月情况" }, HttpStatusCode.Created);

        var ledger = await s.Supervisor.GetOkAsync($"/api/v1/campaigns/{id}/ledger");
        var a = CampaignScenario.Items(ledger, "units").Single(u => u.GetProperty("unitId").GetString() == s.A);
        Assert.Equal((2, 1, 1, 1), (a.GetProperty("tasks").GetInt32(), a.GetProperty("done").GetInt32(), a.GetProperty("clues").GetInt32(), a.GetProperty("rectificationClosed").GetInt32()));
        Assert.Equal((1, 3), (a.GetProperty("reportsFiled").GetInt32(), a.GetProperty("reportsAsked").GetInt32()));
        Assert.Equal(0.6667, a.GetProperty("rate").GetDouble());
        Assert.Equal(0.5, a.GetProperty("taskRate").GetDouble());
        var linked = CampaignScenario.Items(ledger, "linked").Select(l => (l.GetProperty("type").GetString(), l.Id(), l.GetProperty("url").GetString())).ToList();
        Assert.Contains(("clue", clue.Id(), $"/clues/{clue.Id()}"), linked);
        Assert.Contains(("rectification", item.Id(), $"/rectifications/{item.Id()}"), linked);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.StaffA.GetAsync($"/api/v1/campaigns/{id}/ledger")).StatusCode);
    }

    [Fact]
    public async Task Records_join_a_running_campaign_from_their_create_requests()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var id = await s.CampaignAsync();
        var clue = await s.Supervisor.PostOkAsync("/api/v1/clues", new { source = "mystery", unitId = s.B, problemType = "attitude", content = "暗访窗口态度生硬", campaignId = id }, HttpStatusCode.Created);
        await s.Supervisor.PostOkAsync($"/api/v1/clues/{clue.Id()}/verification", new { result = "partial" });
        var notice = await s.Supervisor.PostOkAsync("/api/v1/supervision-notices", new { unitId = s.B, level = "reminder", reason = "请抓紧整改窗口态度问题", campaignId = id }, HttpStatusCode.Created);
        var bulletin = await s.Supervisor.PostOkAsync("/api/v1/bulletins",
            new { kind = "criticism", title = "关于窗口服务态度问题的通报", recipients = "各乡镇", clueIds = new[] { clue.Id() }, campaignId = id }, HttpStatusCode.Created);
        var accountability = await s.Inspector.PostOkAsync("/api/v1/accountability", new { unitId = s.B, clueId = clue.Id(), facts = "窗口态度生硬屡教不改", campaignId = id }, HttpStatusCode.Created);
        var item = await s.Supervisor.PostOkAsync("/api/v1/rectifications",
            new { clueId = clue.Id(), unitId = s.B, measures = "开展服务礼仪培训", type = "deadline", dueDate = "2026-12-15" }, HttpStatusCode.Created);

        var ledger = await s.Supervisor.GetOkAsync($"/api/v1/campaigns/{id}/ledger");
        var linked = CampaignScenario.Items(ledger, "linked").Select(l => (l.GetProperty("type").GetString(), l.Id())).ToHashSet();
        Assert.Superset(new HashSet<(string?, string)>
        {
            ("clue", clue.Id()), ("notice", notice.Id()), ("bulletin", bulletin.Id()), ("accountability", accountability.Id()), ("rectification", item.Id()),
        }, linked);
        var totals = ledger.GetProperty("totals");
        Assert.Equal((1, 1, 1), (totals.GetProperty("notices").GetInt32(), totals.GetProperty("bulletins").GetInt32(), totals.GetProperty("accountability").GetInt32()));
    }

    [Fact]
    public async Task An_unknown_or_closed_campaign_on_a_create_request_is_refused_and_nothing_is_created()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var closed = await s.CampaignAsync();
        await s.Supervisor.PostOkAsync($"/api/v1/campaigns/{closed}/closure", new { });
        var requests = new (HttpClient Client, string Url, Func<string, object> Body)[]
        {
            (s.Supervisor, "/api/v1/clues", c => new { source = "tour", unitId = s.A, problemType = "shirking", content = "巡察发现的问题", campaignId = c }),
            (s.StaffA, "/api/v1/clues", c => new { source = "self", unitId = s.A, problemType = "shirking", content = "自查发现的问题", campaignId = c }),
            (s.Supervisor, "/api/v1/supervision-notices", c => new { unitId = s.A, level = "reminder", reason = "请按期整改", campaignId = c }),
            (s.Supervisor, "/api/v1/bulletins", c => new { kind = "praise", title = "通报表扬", recipients = "各乡镇", body = "表扬内容", campaignId = c }),
            (s.Inspector, "/api/v1/accountability", c => new { unitId = s.A, facts = "问责事实", campaignId = c }),
        };
        foreach (var (client, url, body) in requests)
        {
            var unknown = await client.PostAsJsonAsync(url, body("no-such-campaign"));
            Assert.Contains("所选专项整治不存在", await unknown.ProblemAsync(HttpStatusCode.BadRequest));
            var ended = await client.PostAsJsonAsync(url, body(closed));
            Assert.Contains("已总结结束，不能再纳入记录", await ended.ProblemAsync(HttpStatusCode.BadRequest));
        }
        var clues = await s.Supervisor.GetOkAsync($"/api/v1/clues?unitId={s.A}");
        Assert.Equal(0, clues.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_supervisor_puts_existing_records_under_a_campaign_and_a_clue_brings_its_rectification_items()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var id = await s.CampaignAsync();
        var clue = await s.Supervisor.PostOkAsync("/api/v1/clues", new { source = "report", unitId = s.C, problemType = "abuse", content = "群众举报办证吃拿卡要" }, HttpStatusCode.Created);
        await s.Supervisor.PostOkAsync($"/api/v1/clues/{clue.Id()}/verification", new { result = "true" });
        var item = await s.Supervisor.PostOkAsync("/api/v1/rectifications",
            new { clueId = clue.Id(), unitId = s.C, measures = "退还违规收取的费用", type = "immediate", dueDate = "2026-11-09" }, HttpStatusCode.Created);
        var notice = await s.Supervisor.PostOkAsync("/api/v1/supervision-notices", new { unitId = s.C, level = "red", reason = "吃拿卡要问题红牌督办" }, HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.Forbidden, (await s.StaffC.PostAsJsonAsync($"/api/v1/campaigns/{id}/links", new { type = "clue", id = clue.Id() })).StatusCode);
        await s.Supervisor.PostOkAsync($"/api/v1/campaigns/{id}/links", new { type = "clue", id = clue.Id() });
        await s.Supervisor.PostOkAsync($"/api/v1/campaigns/{id}/links", new { type = "notice", id = notice.Id() });
        await s.Supervisor.PostOkAsync($"/api/v1/campaigns/{id}/links", new { type = "notice", id = notice.Id() });
        var ledger = await s.Supervisor.GetOkAsync($"/api/v1/campaigns/{id}/ledger");
        var linked = CampaignScenario.Items(ledger, "linked").Select(l => l.Id()).ToList();
        Assert.Contains(clue.Id(), linked);
        Assert.Contains(item.Id(), linked);
        Assert.Single(linked, notice.Id());

        await (await s.Supervisor.PostAsJsonAsync($"/api/v1/campaigns/{id}/links", new { type = "clue", id = "no-such-clue" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await s.Supervisor.PostAsJsonAsync($"/api/v1/campaigns/{id}/links", new { type = "case", id = clue.Id() })).ProblemAsync(HttpStatusCode.BadRequest);
        var other = await s.CampaignAsync();
        var elsewhere = await s.Supervisor.PostAsJsonAsync($"/api/v1/campaigns/{other}/links", new { type = "clue", id = clue.Id() });
        Assert.Contains("已属于专项整治", await elsewhere.ProblemAsync(HttpStatusCode.Conflict));
        await s.Supervisor.PostOkAsync($"/api/v1/campaigns/{other}/closure", new { });
        var toClosed = await s.Supervisor.PostAsJsonAsync($"/api/v1/campaigns/{other}/links", new { type = "notice", id = notice.Id() });
        Assert.Contains("已总结结束", await toClosed.ProblemAsync(HttpStatusCode.Conflict));
    }
}
