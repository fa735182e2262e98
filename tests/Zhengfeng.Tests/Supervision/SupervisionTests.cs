using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Zhengfeng.Jobs;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Supervision;

/// <summary>A case scenario plus a supervisor and an inspector sitting in the 作风办, outside every unit they supervise.</summary>
internal sealed record Supervisors(CaseScenario S, HttpClient Supervisor, HttpClient Inspector, string Office)
{
    public static async Task<Supervisors> CreateAsync(AppFactory app)
    {
        var s = await CaseScenario.CreateAsync(app);
        var office = await s.Admin.CreateUnitAsync(app, "office", await s.Admin.RootUnitIdAsync(), "作风办");
        return new Supervisors(s, await s.Admin.UserAsync(app, office, "supervisor"), await s.Admin.UserAsync(app, office, "inspector"), office);
    }

    /// <summary>Fresh logins for the same units, after the fake clock has run past the tokens' lifetime.</summary>
    public async Task<(HttpClient Admin, HttpClient Supervisor, HttpClient Inspector, HttpClient LeadStaff)> LoginAgainAsync(AppFactory app)
    {
        var admin = await app.AdminAsync();
        return (admin, await admin.UserAsync(app, Office, "supervisor"), await admin.UserAsync(app, Office, "inspector"), await admin.UserAsync(app, S.LeadUnit, "unit"));
    }

    public async Task<JsonElement> IssueAsync(string unitId, string level = "reminder", string? caseId = null, string? rectificationId = null)
        => await Supervisor.PostOkAsync("/api/v1/supervision-notices",
            new { unitId, caseId, rectificationId, level, reason = "群众反映井盖缺失久拖未修，请说明原因", replyWorkdays = 2 }, HttpStatusCode.Created);

    public async Task<string> VerifiedClueAsync(string unitId, string problemType = "shirking")
    {
        var clue = await Supervisor.PostOkAsync("/api/v1/clues", new { source = "mystery", unitId, problemType, content = "暗访发现窗口人员推诿群众办事" }, HttpStatusCode.Created);
        await Inspector.PostOkAsync($"/api/v1/clues/{clue.Id()}/verification", new { result = "true", note = "调取监控核实" });
        return clue.Id();
    }

    public async Task<string> RectificationAsync(string unitId, string dueDate = "2026-12-31", string problemType = "shirking")
        => (await Supervisor.PostOkAsync("/api/v1/rectifications",
            new { clueId = await VerifiedClueAsync(unitId, problemType), unitId, measures = "窗口实行首问负责制并公开承诺", type = "deadline", dueDate }, HttpStatusCode.Created)).Id();
}

public sealed partial class SupervisionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [GeneratedRegex(@"^督〔2026〕\d+号$")]
    private static partial Regex NoticeNumber();

    [Fact]
    public async Task A_notice_is_replied_rejected_replied_again_and_accepted()
    {
        var p = await Supervisors.CreateAsync(app);
        var (caseId, _) = await p.S.DispatchedCaseAsync();
        var notice = await p.IssueAsync(p.S.LeadUnit, "yellow", caseId);
        var id = notice.Id();
        Assert.Matches(NoticeNumber(), notice.GetProperty("number").GetString());
        Assert.Equal("issued", notice.GetProperty("status").GetString());
        Assert.Equal("黄牌督办", notice.GetProperty("levelLabel").GetString());
        Assert.StartsWith("2026-11-04T23:59:59+08:00", notice.GetProperty("replyDueAt").GetString()); // two working days after Monday

        var inbox = await p.S.LeadStaff.GetOkAsync("/api/v1/notifications?unread=true");
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), m => m.GetProperty("kind").GetString() == "supervision"
            && m.GetProperty("text").GetString()!.Contains(notice.GetProperty("number").GetString()!));

        Assert.Equal("replied", (await p.S.LeadStaff.PostOkAsync($"/api/v1/supervision-notices/{id}/reply", new { content = "已安排维修队，本周内完成" })).GetProperty("status").GetString());
        var rejected = await p.Supervisor.PostOkAsync($"/api/v1/supervision-notices/{id}/judgement", new { accept = false, note = "未说明超期原因" });
        Assert.Equal("issued", rejected.GetProperty("status").GetString());
        Assert.Equal(1, rejected.GetProperty("rejectCount").GetInt32());
        Assert.Equal("未说明超期原因", rejected.GetProperty("judgementNote").GetString());
        await p.S.LeadStaff.PostOkAsync($"/api/v1/supervision-notices/{id}/reply", new { content = "超期原因：材料采购延误；已于今日更换井盖" });
        var accepted = await p.Supervisor.PostOkAsync($"/api/v1/supervision-notices/{id}/judgement", new { accept = true, note = "现场核实" });
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Equal(2, accepted.GetProperty("replyCount").GetInt32());
        Assert.True(accepted.GetProperty("accepted").GetBoolean());

        var judged = await p.S.LeadStaff.GetOkAsync("/api/v1/notifications?unread=true");
        Assert.Contains(judged.GetProperty("items").EnumerateArray(), m => m.GetProperty("text").GetString()!.Contains("已认可"));
        await (await p.S.LeadStaff.PostAsJsonAsync($"/api/v1/supervision-notices/{id}/reply", new { content = "补充说明" })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Another_unit_gets_403_and_judging_before_a_reply_is_409()
    {
        var p = await Supervisors.CreateAsync(app);
        var id = (await p.IssueAsync(p.S.LeadUnit)).Id();
        await (await p.S.OtherStaff.PostAsJsonAsync($"/api/v1/supervision-notices/{id}/reply", new { content = "代为回复" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await p.S.OtherStaff.GetAsync($"/api/v1/supervision-notices/{id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await p.Supervisor.PostAsJsonAsync($"/api/v1/supervision-notices/{id}/reply", new { content = "督查员代回复" })).ProblemAsync(HttpStatusCode.Forbidden);
        var early = await (await p.Supervisor.PostAsJsonAsync($"/api/v1/supervision-notices/{id}/judgement", new { accept = true })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("待回复", early);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.S.LeadStaff.PostAsJsonAsync($"/api/v1/supervision-notices/{id}/judgement", new { accept = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.S.LeadStaff.PostAsJsonAsync("/api/v1/supervision-notices", new { unitId = p.S.OtherUnit, level = "red", reason = "越权下发" })).StatusCode);

        var mine = await p.S.LeadStaff.GetOkAsync("/api/v1/supervision-notices");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), n => n.Id() == id);
        var theirs = await p.S.OtherStaff.GetOkAsync("/api/v1/supervision-notices");
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), n => n.Id() == id);
    }

    [Fact]
    public async Task Notice_numbers_run_on_within_the_year()
    {
        var p = await Supervisors.CreateAsync(app);
        var first = (await p.IssueAsync(p.S.LeadUnit)).GetProperty("number").GetString()!;
        var second = (await p.IssueAsync(p.S.OtherUnit)).GetProperty("number").GetString()!;
        static int Seq(string number) => int.Parse(number["督〔2026〕".Length..^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Seq(first) + 1, Seq(second));
    }

    [Fact]
    public async Task The_returns_list_counts_returns_per_unit_and_shows_ping_pong_cases()
    {
        var p = await Supervisors.CreateAsync(app);
        var (caseId, code) = await p.S.DispatchedCaseAsync();
        var first = await p.S.LeadStaff.PostOkAsync($"/api/v1/cases/{caseId}/return-requests", new { reason = "不属于本单位职责" });
        await p.S.Dispatcher.PostOkAsync($"/api/v1/cases/{caseId}/return-requests/{first.Id()}/decision", new { approve = true, newLeadUnitId = p.S.OtherUnit });
        var second = await p.S.OtherStaff.PostOkAsync($"/api/v1/cases/{caseId}/return-requests", new { reason = "应由城管负责" });
        await p.S.Dispatcher.PostOkAsync($"/api/v1/cases/{caseId}/return-requests/{second.Id()}/decision", new { approve = false, note = "属于本单位职责" });

        var watch = await p.Supervisor.GetOkAsync("/api/v1/watch/returns?period=2026-11");
        var other = watch.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == p.S.OtherUnit);
        Assert.Equal(1, other.GetProperty("returns").GetInt32());
        Assert.Equal(1, other.GetProperty("rejected").GetInt32());
        Assert.Equal(1, other.GetProperty("pingPongCases").GetInt32());
        Assert.Contains("驳回1次", other.GetProperty("reason").GetString());
        var bounced = watch.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("caseId").GetString() == caseId);
        Assert.Equal(await p.S.NumberAsync(caseId), bounced.GetProperty("number").GetString());
        Assert.Equal(2, bounced.GetProperty("returns").GetInt32());
        Assert.Contains("城市管理局→交通运输局", bounced.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await p.S.LeadStaff.GetAsync("/api/v1/watch/returns")).StatusCode);
    }

    [Fact]
    public async Task Waiting_clues_and_relapsed_rectifications_are_listed_with_reasons()
    {
        var p = await Supervisors.CreateAsync(app);
        var waiting = await p.Supervisor.PostOkAsync("/api/v1/clues", new { source = "tour", unitId = p.S.LeadUnit, problemType = "lazy", content = "巡察发现台账缺失" }, HttpStatusCode.Created);
        var clues = await p.Inspector.GetOkAsync("/api/v1/watch/clues-waiting");
        var row = clues.EnumerateArray().Single(c => c.GetProperty("clueId").GetString() == waiting.Id());
        Assert.Equal(0, row.GetProperty("daysWaiting").GetInt32());
        Assert.Contains("待核查", row.GetProperty("reason").GetString());

        var item = await p.RectificationAsync(p.S.LeadUnit, problemType: "attitude");
        await p.S.LeadStaff.PostOkAsync($"/api/v1/rectifications/{item}/progress", new { content = "已整改", rootCause = "缺少服务规范和考核" });
        await p.Supervisor.PostOkAsync($"/api/v1/rectifications/{item}/verification", new { pass = true });
        await p.Supervisor.PostOkAsync($"/api/v1/rectifications/{item}/close", new { });
        await p.VerifiedClueAsync(p.S.LeadUnit, "attitude"); // the same kind of problem again: a relapse
        var relapsed = await p.Supervisor.GetOkAsync("/api/v1/watch/relapsed-rectifications");
        var r = relapsed.EnumerateArray().Single(x => x.GetProperty("rectificationId").GetString() == item);
        Assert.Equal(1, r.GetProperty("relapseCount").GetInt32());
        Assert.Contains("反弹1次", r.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Burden_counts_what_the_system_asked_of_a_unit()
    {
        var p = await Supervisors.CreateAsync(app);
        var unit = await p.S.Admin.CreateUnitAsync(app, "township", await p.S.Admin.RootUnitIdAsync(), "清河镇");
        var staff = await p.S.Admin.UserAsync(app, unit, "unit");
        var first = (await p.IssueAsync(unit)).Id();
        await p.IssueAsync(unit, "red");
        await staff.PostOkAsync($"/api/v1/supervision-notices/{first}/reply", new { content = "已落实" });
        await p.Supervisor.PostOkAsync($"/api/v1/supervision-notices/{first}/judgement", new { accept = false, note = "缺少佐证" });
        var item = await p.RectificationAsync(unit);
        await staff.PostOkAsync($"/api/v1/rectifications/{item}/progress", new { content = "制度已起草" });

        var burden = await p.Supervisor.GetOkAsync("/api/v1/burden?period=2026-11");
        var row = burden.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == unit);
        Assert.Equal(2, row.GetProperty("noticeReplies").GetInt32());
        Assert.Equal(1, row.GetProperty("noticeReworks").GetInt32());
        Assert.Equal(1, row.GetProperty("rectificationReports").GetInt32());
        Assert.Equal(1, row.GetProperty("reportsFiled").GetInt32());
        Assert.Equal(4, row.GetProperty("total").GetInt32());
        Assert.Contains("清河镇", row.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/burden")).StatusCode);
        var october = await p.Supervisor.GetOkAsync("/api/v1/burden?period=2026-10");
        Assert.DoesNotContain(october.GetProperty("units").EnumerateArray(), u => u.GetProperty("unitId").GetString() == unit);
    }

    [Fact]
    public async Task The_progress_draft_repeats_what_the_ledger_already_knows()
    {
        var p = await Supervisors.CreateAsync(app);
        var item = await p.RectificationAsync(p.S.LeadUnit);
        var notice = await p.IssueAsync(p.S.LeadUnit, rectificationId: item);
        var blank = await p.S.LeadStaff.GetOkAsync($"/api/v1/rectifications/{item}/progress-draft");
        var text = blank.GetProperty("content").GetString()!;
        Assert.Contains("窗口实行首问负责制并公开承诺", text);
        Assert.Contains("2026年12月31日", text);
        Assert.Contains("尚未报告过进展", text);
        Assert.Contains(notice.GetProperty("number").GetString()!, text);

        await p.S.LeadStaff.PostOkAsync($"/api/v1/rectifications/{item}/progress", new { content = "首问负责制度已印发", rootCause = "缺少制度约束" });
        var next = (await p.S.LeadStaff.GetOkAsync($"/api/v1/rectifications/{item}/progress-draft")).GetProperty("content").GetString()!;
        Assert.Contains("首问负责制度已印发", next);
        Assert.Contains("缺少制度约束", next);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.S.OtherStaff.GetAsync($"/api/v1/rectifications/{item}/progress-draft")).StatusCode);
    }

    [Fact]
    public async Task The_watch_page_shows_every_tab_in_chinese()
    {
        var p = await Supervisors.CreateAsync(app);
        await p.IssueAsync(p.S.LeadUnit);
        foreach (var tab in new[] { "overdue-cases", "overdue-rectifications", "relapsed-rectifications", "returns", "clues-waiting", "zero-report", "notices", "burden" })
        {
            var html = WebUtility.HtmlDecode(await p.Supervisor.GetStringAsync($"/watch?tab={tab}"));
            Assert.Contains("监督清单", html);
        }
        Assert.Contains("督〔2026〕", WebUtility.HtmlDecode(await p.Supervisor.GetStringAsync("/watch?tab=notices")));
    }
}

public sealed class SupervisionLadderTests
{
    private static async Task<JsonElement[]> NoticesAsync(HttpClient supervisor, string caseId)
        => (await supervisor.GetOkAsync($"/api/v1/supervision-notices?caseId={caseId}")).GetProperty("items").EnumerateArray().ToArray();

    [Fact]
    public async Task The_ladder_issues_one_yellow_and_one_red_notice_even_with_two_sweepers_at_once()
    {
        await using var app = await AppFactory.StartAsync();
        var p = await Supervisors.CreateAsync(app);
        var (id, code) = await p.S.DispatchedCaseAsync(); // due end of Monday 2026-11-09
        var number = await p.S.NumberAsync(id);
        var item = await p.RectificationAsync(p.S.LeadUnit, dueDate: "2026-11-05");
        var sweep = app.Services.GetRequiredService<OverdueSweep>();

        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(16)); // Tuesday 01:00: past the deadline
        var (_, supervisor, _, leadStaff) = await p.LoginAgainAsync(app);
        var raised = await Task.WhenAll(sweep.RunOnceAsync(CancellationToken.None), sweep.RunOnceAsync(CancellationToken.None));
        Assert.Equal(1, raised.Sum());
        Assert.Equal(0, await sweep.RunOnceAsync(CancellationToken.None));
        var yellow = Assert.Single(await NoticesAsync(supervisor, id));
        Assert.Equal("yellow", yellow.GetProperty("level").GetString());
        Assert.True(yellow.GetProperty("issuedBySystem").GetBoolean());
        Assert.Equal(p.S.LeadUnit, yellow.GetProperty("unitId").GetString());
        Assert.Contains(number, yellow.GetProperty("reason").GetString());
        Assert.DoesNotContain(code, yellow.GetProperty("reason").GetString()); // the notice goes to the unit: never the 查询码
        Assert.Contains("2026-11-09", yellow.GetProperty("reason").GetString());
        var told = (await leadStaff.GetOkAsync("/api/v1/notifications")).ToString();
        Assert.Contains(number, told);
        Assert.DoesNotContain(code, told); // nor in the unit's message about the yellow card
        Assert.DoesNotContain(code, (await leadStaff.GetOkAsync($"/api/v1/cases/{id}")).ToString()); // nor in the timeline it reads

        app.Clock.Advance(TimeSpan.FromDays(3)); // beyond 2 working days of grace
        (_, supervisor, _, leadStaff) = await p.LoginAgainAsync(app);
        raised = await Task.WhenAll(sweep.RunOnceAsync(CancellationToken.None), sweep.RunOnceAsync(CancellationToken.None));
        Assert.Equal(1, raised.Sum());
        Assert.Equal(0, await sweep.RunOnceAsync(CancellationToken.None));
        var notices = await NoticesAsync(supervisor, id);
        Assert.Equal(2, notices.Length);
        Assert.Single(notices, n => n.GetProperty("level").GetString() == "red");
        Assert.DoesNotContain(notices, n => n.GetProperty("level").GetString() == "interview");

        // The unit answers a ladder notice like any other.
        var red = notices.Single(n => n.GetProperty("level").GetString() == "red");
        await leadStaff.PostOkAsync($"/api/v1/supervision-notices/{red.Id()}/reply", new { content = "已落实责任人，明日办结" });

        var overdue = await supervisor.GetOkAsync("/api/v1/watch/overdue-cases");
        var row = overdue.EnumerateArray().Single(r => r.GetProperty("caseId").GetString() == id);
        Assert.Equal("城市管理局", row.GetProperty("unitName").GetString());
        Assert.Equal(4, row.GetProperty("daysOverdue").GetInt32());
        Assert.Contains("超期4天", row.GetProperty("reason").GetString());
        Assert.Contains("红牌", row.GetProperty("reason").GetString());

        var late = await supervisor.GetOkAsync("/api/v1/watch/overdue-rectifications");
        var lateRow = late.EnumerateArray().Single(r => r.GetProperty("rectificationId").GetString() == item);
        Assert.Equal(8, lateRow.GetProperty("daysOverdue").GetInt32());
        Assert.Contains("从未报告进展", lateRow.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_red_card_on_a_unit_with_repeated_red_notices_adds_an_interview_suggestion_and_a_clue()
    {
        await using var app = await AppFactory.StartAsync();
        var p = await Supervisors.CreateAsync(app);
        for (var i = 0; i < 3; i++)
        {
            await p.IssueAsync(p.S.LeadUnit, "red");
        }
        var (id, _) = await p.S.DispatchedCaseAsync();
        var sweep = app.Services.GetRequiredService<OverdueSweep>();
        app.Clock.Advance(TimeSpan.FromDays(11)); // straight past the grace period: the red step
        var (admin, supervisor, inspector, _) = await p.LoginAgainAsync(app);
        Assert.Equal(1, (await Task.WhenAll(sweep.RunOnceAsync(CancellationToken.None), sweep.RunOnceAsync(CancellationToken.None))).Sum());

        var notices = await NoticesAsync(supervisor, id);
        Assert.Single(notices, n => n.GetProperty("level").GetString() == "red");
        var interview = Assert.Single(notices, n => n.GetProperty("level").GetString() == "interview");
        Assert.Contains("红牌督办3次", interview.GetProperty("reason").GetString());

        var clues = await inspector.GetOkAsync($"/api/v1/clues?source=case&unitId={p.S.LeadUnit}");
        var clue = Assert.Single(clues.GetProperty("items").EnumerateArray());
        Assert.Equal("delay", clue.GetProperty("problemType").GetString());
        Assert.Equal(id, clue.GetProperty("caseId").GetString());
        var waiting = await inspector.GetOkAsync("/api/v1/watch/clues-waiting");
        Assert.Contains(waiting.EnumerateArray(), c => c.GetProperty("clueId").GetString() == clue.Id());

        var audit = await admin.GetOkAsync($"/api/v1/audit?entityType=Clue&entityId={clue.Id()}");
        Assert.Contains("case.overdue-redcard", audit.ToString());
    }
}
