using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhengfeng.Tests.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Reports;

/// <summary>作风举报: the confidential channel to the discipline office, as the reporter, the office and everyone else see it.</summary>
public sealed class ConductReportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<(string Code, string Id)> SubmitAsync(AppFactory app, HttpClient inspector, string content, string? unitId, string? phone = "13812345678")
    {
        object body = phone is null
            ? new { content, accusedUnitId = unitId, anonymous = true }
            : new { content, accusedUnitId = unitId, accusedName = "王科长", reporter = new { name = "李举报", phone } };
        var sent = await app.Anonymous().PostOkAsync("/public/v1/reports", body, HttpStatusCode.Created);
        var code = sent.GetProperty("followUpCode").GetString()!;
        var found = await inspector.GetOkAsync("/api/v1/reports?q=" + Uri.EscapeDataString(content[..12]));
        return (code, found.GetProperty("items")[0].Id());
    }

    private static async Task<HttpClient> InspectorAsync(AppFactory app, CaseScenario s) => await s.Admin.UserAsync(app, await s.Admin.RootUnitIdAsync(), Roles.Inspector);

    [Fact]
    public async Task A_report_reaches_the_discipline_office_only_and_the_accused_unit_learns_nothing()
    {
        var s = await CaseScenario.CreateAsync(app);
        var inspector = await InspectorAsync(app, s);
        var marker = "举报标记" + app.Unique("m");
        var (code, id) = await SubmitAsync(app, inspector, marker + "：城管局窗口人员办理业务时索要好处费", s.LeadUnit);

        var unitBefore = (await s.LeadStaff.GetOkAsync("/api/v1/notifications")).GetProperty("total").GetInt32();
        foreach (var role in new[] { Roles.Operator, Roles.Dispatcher, Roles.Unit, Roles.Supervisor, Roles.Leader, Roles.Admin })
        {
            var who = role == Roles.Admin ? s.Admin : await s.Admin.UserAsync(app, role == Roles.Unit ? s.LeadUnit : await s.Admin.RootUnitIdAsync(), role);
            Assert.Equal(HttpStatusCode.Forbidden, (await who.GetAsync("/api/v1/reports")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await who.GetAsync($"/api/v1/reports/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await who.GetAsync("/api/v1/exports/reports.xlsx")).StatusCode);
            var page = await who.GetAsync("/reports");
            Assert.True(page.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{role} opened the report ledger: {page.StatusCode}");
        }
        // Never a case: no search, list or inbox of the hotline or the unit finds it, and the unit was told nothing.
        Assert.Equal(0, (await s.Operator.GetOkAsync("/api/v1/cases?q=" + Uri.EscapeDataString(marker))).GetProperty("total").GetInt32());
        Assert.Equal(0, (await s.LeadStaff.GetOkAsync("/api/v1/cases?q=" + Uri.EscapeDataString(marker))).GetProperty("total").GetInt32());
        Assert.DoesNotContain(marker, await (await s.LeadStaff.GetAsync("/inbox")).Content.ReadAsStringAsync());
        Assert.Equal(unitBefore, (await s.LeadStaff.GetOkAsync("/api/v1/notifications")).GetProperty("total").GetInt32());

        // The office sees it, without the reporter's identity until it asks for it with a reason.
        var detail = await inspector.GetOkAsync($"/api/v1/reports/{id}");
        Assert.Equal("received", detail.GetProperty("report").GetProperty("status").GetString());
        Assert.DoesNotContain("李举报", detail.GetRawText());
        Assert.DoesNotContain("13812345678", detail.GetRawText());
        // Received on Monday 2026-11-02: one that belongs to another office is forwarded within 5 working days.
        var ledger = WebUtility.HtmlDecode(await inspector.GetStringAsync($"/reports/{id}"));
        Assert.Contains("应于 2026-11-09 23:59 前转送", ledger);
        // The code's holder reads the state and nothing internal.
        var follow = await app.Anonymous().GetOkAsync("/public/v1/reports/" + code);
        Assert.Equal("received", follow.GetProperty("status").GetString());
        Assert.Equal(0, follow.GetProperty("replies").GetArrayLength());
    }

    [Fact]
    public async Task The_office_accepts_checks_concludes_and_answers_and_the_reporter_reads_only_the_answers()
    {
        var s = await CaseScenario.CreateAsync(app);
        var inspector = await InspectorAsync(app, s);
        var (code, id) = await SubmitAsync(app, inspector, "受理流程" + app.Unique("f") + "：某窗口工作人员上班时间长期离岗", s.LeadUnit);

        var received = (await inspector.GetOkAsync($"/api/v1/reports/{id}")).GetProperty("report");
        // Named: acknowledged within 15 working days of receipt (received Mon 2026-11-02, due at the end of Mon 2026-11-23).
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 23, 59, 59, TimeSpan.FromHours(8)), received.GetProperty("acknowledgeDueAt").GetDateTimeOffset());

        var acked = await inspector.PostOkAsync($"/api/v1/reports/{id}/accept", new { }); // the reporter is told at once
        Assert.NotEqual(JsonValueKind.Null, acked.GetProperty("acknowledgedAt").ValueKind);
        await inspector.PostOkAsync($"/api/v1/reports/{id}/notes", new { text = "内部：调取考勤记录核对" });
        await inspector.PostOkAsync($"/api/v1/reports/{id}/check", new { });
        var refused = await inspector.PostAsJsonAsync($"/api/v1/reports/{id}/accept", new { });
        Assert.Contains("初核中", await refused.ProblemAsync(HttpStatusCode.Conflict));

        var concluded = await inspector.PostOkAsync($"/api/v1/reports/{id}/conclusion", new { finding = "partial", conclusion = "离岗属实，已批评教育" });
        Assert.Equal("concluded", concluded.GetProperty("status").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 23, 59, 59, TimeSpan.FromHours(8)), concluded.GetProperty("feedbackDueAt").GetDateTimeOffset());
        var fedBack = await inspector.PostOkAsync($"/api/v1/reports/{id}/replies", new { text = "经核实，您反映的问题部分属实，已作处理。" });
        Assert.NotEqual(JsonValueKind.Null, fedBack.GetProperty("feedbackAt").ValueKind);

        var follow = await app.Anonymous().GetOkAsync("/public/v1/reports/" + code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        Assert.Equal("已办结", follow.GetProperty("statusLabel").GetString());
        Assert.Equal(["您的举报已受理，我们将依规依纪认真核实，请保持联系方式畅通。", "经核实，您反映的问题部分属实，已作处理。"],
            follow.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()).ToList());
        Assert.DoesNotContain("调取考勤记录", follow.GetRawText());

        // The reporter adds material with the code; the office reads it.
        await app.Anonymous().PostOkAsync($"/public/v1/reports/{code}/materials", new { text = "补充：另有同事可以作证" });
        var messages = (await inspector.GetOkAsync($"/api/v1/reports/{id}")).GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["reply", "note", "reply", "material"], messages);
        await (await app.Anonymous().GetAsync("/public/v1/reports/AAAA-BBBB-CCCC-DDDD")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_substantiated_report_becomes_a_verified_clue_that_an_accountability_case_can_be_opened_on()
    {
        var s = await CaseScenario.CreateAsync(app);
        var inspector = await InspectorAsync(app, s);
        var (_, id) = await SubmitAsync(app, inspector, "转线索" + app.Unique("t") + "：审批科长对申请人吃拿卡要", s.LeadUnit, phone: null);
        var early = await inspector.PostAsJsonAsync($"/api/v1/reports/{id}/transfer", new { unitId = s.LeadUnit, problemType = "abuse", summary = "审批环节吃拿卡要" });
        await early.ProblemAsync(HttpStatusCode.Conflict);

        await inspector.PostOkAsync($"/api/v1/reports/{id}/accept", new { });
        var concluded = await inspector.PostOkAsync($"/api/v1/reports/{id}/conclusion", new { finding = "true", conclusion = "属实" });
        Assert.Equal(JsonValueKind.Null, concluded.GetProperty("feedbackDueAt").ValueKind); // anonymous: nobody to feed back to
        var clueId = (await inspector.PostOkAsync($"/api/v1/reports/{id}/transfer", new { unitId = s.LeadUnit, problemType = "abuse", summary = "审批环节吃拿卡要" }))
            .GetProperty("clueId").GetString()!;
        var clue = await inspector.GetOkAsync($"/api/v1/clues/{clueId}");
        Assert.Equal("report", clue.GetProperty("source").GetString());
        Assert.Equal("verified", clue.GetProperty("status").GetString());
        Assert.Equal("审批环节吃拿卡要", clue.GetProperty("content").GetString()); // the office's summary, not the reporter's words
        await inspector.PostOkAsync("/api/v1/accountability", new { unitId = s.LeadUnit, clueId, facts = "审批环节吃拿卡要，经初核属实" }, HttpStatusCode.Created);
        var again = await inspector.PostAsJsonAsync($"/api/v1/reports/{id}/transfer", new { unitId = s.LeadUnit, problemType = "abuse", summary = "再次转" });
        await again.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Revealing_a_reporter_needs_a_reason_is_recorded_and_the_audit_log_keeps_the_text_out()
    {
        var s = await CaseScenario.CreateAsync(app);
        var inspector = await InspectorAsync(app, s);
        var (_, id) = await SubmitAsync(app, inspector, "身份查看" + app.Unique("r") + "：执法队员粗暴执法", s.LeadUnit, phone: "13700009999");
        await (await inspector.PostAsJsonAsync($"/api/v1/reports/{id}/reveal", new { purpose = "" })).ProblemAsync(HttpStatusCode.BadRequest);
        var who = await inspector.PostOkAsync($"/api/v1/reports/{id}/reveal", new { purpose = "电话核实举报事项" });
        Assert.Equal("李举报", who.GetProperty("name").GetString());
        Assert.Equal("13700009999", who.GetProperty("phone").GetString());

        var log = await s.Admin.GetOkAsync($"/api/v1/audit?entityType=ConductReport&entityId={id}");
        var text = log.GetRawText();
        Assert.DoesNotContain("粗暴执法", text);
        Assert.DoesNotContain("13700009999", text);
        var views = await s.Admin.GetOkAsync("/api/v1/audit?action=report.reveal-reporter&pageSize=200");
        Assert.Contains(views.GetProperty("items").EnumerateArray(), e => e.GetProperty("after").GetString()!.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_named_reporters_later_cases_are_shown_to_the_office_and_an_unanswered_report_turns_overdue()
    {
        await using var own = await AppFactory.StartAsync(); // moves its clock
        var s = await CaseScenario.CreateAsync(own);
        var inspector = await InspectorAsync(own, s);
        var (_, id) = await SubmitAsync(own, inspector, "保护举报人" + own.Unique("p") + "：某所长打击报复群众", s.LeadUnit, phone: "13600001234");
        var later = await s.Operator.PostOkAsync("/api/v1/cases", new
        {
            kind = "complaint", categoryCode = "roads", content = "门前道路塌陷无人修", reporter = new { name = "李举报", phone = "136-0000-1234" },
        }, HttpStatusCode.Created);
        var cases = (await inspector.GetOkAsync($"/api/v1/reports/{id}")).GetProperty("laterCases");
        Assert.Equal(later.Id(), Assert.Single(cases.EnumerateArray()).Id());
        var number = (await inspector.GetOkAsync($"/api/v1/reports/{id}")).GetProperty("report").GetProperty("number").GetString()!;
        Assert.DoesNotContain(number, await (await s.Operator.GetAsync($"/cases/{later.Id()}")).Content.ReadAsStringAsync());

        Assert.Equal(0, (await inspector.GetOkAsync("/api/v1/reports?overdue=true")).GetProperty("total").GetInt32());
        own.Clock.Advance(TimeSpan.FromDays(22)); // past 2026-11-23 24:00 without telling the reporter whether it was accepted
        var admin = await own.AdminAsync(); // the tokens of three weeks ago have expired
        var overdue = await (await admin.UserAsync(own, await admin.RootUnitIdAsync(), Roles.Inspector)).GetOkAsync("/api/v1/reports?overdue=true");
        Assert.Equal(id, Assert.Single(overdue.GetProperty("items").EnumerateArray()).Id());
        Assert.True(overdue.GetProperty("items")[0].GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task Staff_enter_reports_taken_by_phone_and_bad_input_is_refused_in_chinese()
    {
        var s = await CaseScenario.CreateAsync(app);
        var inspector = await InspectorAsync(app, s);
        var entered = await inspector.PostOkAsync("/api/v1/reports", new
        {
            channel = "phone", content = "来电反映：某乡镇办事大厅午休时间无人值守", anonymous = true,
        }, HttpStatusCode.Created);
        Assert.Matches("^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$", entered.GetProperty("followUpCode").GetString()!);
        Assert.Equal("电话举报", entered.GetProperty("report").GetProperty("channelLabel").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Operator.PostAsJsonAsync("/api/v1/reports", new { channel = "phone", content = "来电反映：有人迟到早退" })).StatusCode);

        var tooShort = await app.Anonymous().PostAsJsonAsync("/public/v1/reports", new { content = "太短" });
        Assert.Contains("10至5000字", await tooShort.ProblemAsync(HttpStatusCode.BadRequest));
        var noPhone = await app.Anonymous().PostAsJsonAsync("/public/v1/reports", new { content = "某单位工作人员态度恶劣，推诿扯皮", reporter = new { name = "张三" } });
        Assert.Contains("电话", await noPhone.ProblemAsync(HttpStatusCode.BadRequest));
        var badUnit = await app.Anonymous().PostAsJsonAsync("/public/v1/reports", new { content = "某单位工作人员态度恶劣，推诿扯皮", accusedUnitId = "nosuch", anonymous = true });
        Assert.Contains("被举报单位不存在", await badUnit.ProblemAsync(HttpStatusCode.BadRequest));
        await (await inspector.GetAsync("/api/v1/reports?status=nosuch")).ProblemAsync(HttpStatusCode.BadRequest);
    }
}
