using System.Net;
using System.Net.Http.Json;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Zhengfeng.Features.Assignments;
using Zhengfeng.Features.Assists;
using Zhengfeng.Web;
using static Zhengfeng.Tests.Assists.AssistScenario;

namespace Zhengfeng.Tests.Assists;

/// <summary>协办 on citizen cases and assignments, through the API and the pages, on a clock that stays on Monday 2026-11-02 09:00.</summary>
public sealed class AssistTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Dispatch_with_assist_units_gives_each_its_own_part_due_in_three_working_days_saved_and_audited_with_the_dispatch()
    {
        var p = await CreateAsync(app);
        var caseId = await p.DispatchedCaseAsync();

        var duties = await p.DutiesAsync(caseId);
        Assert.Equal(2, duties.Count);
        var a = Of(duties, p.AssistA);
        var b = Of(duties, p.AssistB);
        Assert.Equal("提供该路段地下管网图纸", a.GetProperty("part").GetString());
        Assert.Equal("配合主办单位办理并提出协办意见", b.GetProperty("part").GetString());
        foreach (var d in duties)
        {
            Assert.Equal("pending", d.GetProperty("status").GetString());
            Assert.Equal("待协办", d.GetProperty("statusLabel").GetString());
            Assert.Equal(p.S.LeadUnit, d.GetProperty("leadUnitId").GetString());
            Assert.Equal("case", d.GetProperty("ownerType").GetString());
            Assert.Equal($"/cases/{caseId}", d.GetProperty("ownerUrl").GetString());
            Assert.StartsWith("2026-11-05T23:59:59", d.GetProperty("dueAt").GetString()); // Monday's dispatch + 3 working days
            Assert.Contains("3个工作日", d.GetProperty("dueWhy").GetString());
            Assert.False(d.GetProperty("failure").GetBoolean());
        }

        var told = await p.AStaff.GetOkAsync("/api/v1/notifications?unread=true");
        Assert.Contains(told.GetProperty("items").EnumerateArray(), m => m.GetProperty("kind").GetString() == "assist"
            && m.GetProperty("caseId").GetString() == caseId && m.GetProperty("text").GetString()!.Contains("提供该路段地下管网图纸")
            && m.GetProperty("text").GetString()!.Contains("2026-11-05 23:59"));

        var audit = await p.S.Admin.GetOkAsync($"/api/v1/audit?entityType=AssistDuty&entityId={a.Id()}");
        var created = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal("case.dispatch", created.GetProperty("action").GetString());
    }

    [Fact]
    public async Task A_part_for_a_unit_that_is_not_assisting_is_refused_and_nothing_is_dispatched()
    {
        var p = await CreateAsync(app);
        var c = await p.S.CreateCaseAsync();
        var refused = await (await p.S.Dispatcher.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/dispatch", new
        {
            leadUnitId = p.S.LeadUnit, assistUnitIds = new[] { p.AssistA }, assistParts = new Dictionary<string, string> { [p.AssistB] = "提供规划资料" },
        })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("协办单位", refused);
        var unchanged = await p.S.Dispatcher.GetOkAsync($"/api/v1/cases/{c.Id()}");
        Assert.Equal("registered", unchanged.GetProperty("status").GetString());
        Assert.Empty(unchanged.GetProperty("assists").EnumerateArray());
    }

    [Fact]
    public async Task The_dispatch_form_on_the_case_page_sets_each_assist_units_part()
    {
        var p = await CreateAsync(app);
        var c = await p.S.CreateCaseAsync();
        var page = $"/cases/{c.Id()}";
        Assert.Contains($"name=\"dispatch.AssistParts[{p.AssistA}]\"", await PageAsync(p.S.Dispatcher, page));
        var posted = await PostFormAsync(p.S.Dispatcher, page, $"{page}?handler=Dispatch", ("dispatch.LeadUnitId", p.S.LeadUnit),
            ("dispatch.AssistUnitIds", p.AssistA), ("dispatch.AssistUnitIds", p.AssistB),
            ($"dispatch.AssistParts[{p.AssistA}]", "核实井盖权属"), ($"dispatch.AssistParts[{p.AssistB}]", ""), ($"dispatch.AssistParts[{p.S.OtherUnit}]", ""));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var duties = await p.DutiesAsync(c.Id());
        Assert.Equal("核实井盖权属", Of(duties, p.AssistA).GetProperty("part").GetString());
        Assert.Equal("配合主办单位办理并提出协办意见", Of(duties, p.AssistB).GetProperty("part").GetString());
    }

    [Fact]
    public async Task The_assist_deadline_never_falls_after_the_cases_handling_deadline()
    {
        var p = await CreateAsync(app);
        var caseId = await p.DispatchedCaseAsync("safety", withB: false); // 安全隐患: 2 working days to handle
        var c = await p.S.LeadStaff.GetOkAsync($"/api/v1/cases/{caseId}");
        var duty = Of(c.GetProperty("assists").EnumerateArray(), p.AssistA);
        Assert.Equal(c.GetProperty("handleDueAt").GetString(), duty.GetProperty("dueAt").GetString());
        Assert.StartsWith("2026-11-04T23:59:59", duty.GetProperty("dueAt").GetString());
        Assert.Contains("以办理期限", duty.GetProperty("dueWhy").GetString());
    }

    [Fact]
    public async Task A_redispatch_issues_the_unanswered_duties_afresh_and_a_rework_round_asks_the_assist_units_again()
    {
        var p = await CreateAsync(app);
        var caseId = await p.DispatchedCaseAsync(withB: false);
        var first = Of(await p.DutiesAsync(caseId), p.AssistA).Id();

        // 改派 before signing: A stays, B joins, the stand-by unit 交通运输局 leads now.
        await p.S.Dispatcher.PostOkAsync($"/api/v1/cases/{caseId}/dispatch", new { leadUnitId = p.S.OtherUnit, assistUnitIds = new[] { p.AssistA, p.AssistB } });
        var redispatched = await p.DutiesAsync(caseId, p.S.OtherStaff);
        Assert.Equal(2, redispatched.Count);
        var a = Of(redispatched, p.AssistA);
        Assert.NotEqual(first, a.Id());
        Assert.Equal("提供该路段地下管网图纸", a.GetProperty("part").GetString()); // the unit's part carries over
        Assert.All(redispatched, d => Assert.Equal(p.S.OtherUnit, d.GetProperty("leadUnitId").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await p.AStaff.GetAsync($"/api/v1/assists/{first}")).StatusCode);

        // Dropping B withdraws its duty and tells it.
        await p.S.Dispatcher.PostOkAsync($"/api/v1/cases/{caseId}/dispatch", new { leadUnitId = p.S.OtherUnit, assistUnitIds = new[] { p.AssistA } });
        Assert.Equal(p.AssistA, Assert.Single(await p.DutiesAsync(caseId, p.S.OtherStaff)).GetProperty("unitId").GetString());
        var withdrawn = await p.BStaff.GetOkAsync("/api/v1/notifications?unread=true");
        Assert.Contains(withdrawn.GetProperty("items").EnumerateArray(), m => m.GetProperty("text").GetString()!.Contains("协办任务已撤回"));

        // A answers; the reporter rates the reply badly; round 2 asks A again.
        var duty = Of(await p.DutiesAsync(caseId, p.S.OtherStaff), p.AssistA).Id();
        await p.AStaff.PostOkAsync($"/api/v1/assists/{duty}/input", new { content = "管网图纸已移交，井盖属市政管网" });
        await p.S.OtherStaff.PostOkAsync($"/api/v1/cases/{caseId}/sign", new { });
        await p.S.OtherStaff.PostOkAsync($"/api/v1/cases/{caseId}/reply", new { content = "已更换井盖。", outcome = "resolved" });
        Assert.False((await p.S.OtherStaff.GetOkAsync($"/api/v1/cases/{caseId}")).TryGetProperty("trackingCode", out _)); // a unit never gets the 查询码
        var code = (await p.S.Dispatcher.GetOkAsync($"/api/v1/cases/{caseId}")).GetProperty("trackingCode").GetString();
        (await app.Anonymous().PostAsJsonAsync($"/public/v1/cases/{code}/rating", new { level = 1, comment = "井盖仍然松动" })).EnsureSuccessStatusCode();

        var rounds = await p.DutiesAsync(caseId, p.S.OtherStaff);
        Assert.Equal(2, rounds.Count);
        Assert.Equal("given", Of(rounds, p.AssistA, 1).GetProperty("status").GetString());
        var again = Of(rounds, p.AssistA, 2);
        Assert.Equal("pending", again.GetProperty("status").GetString());
        Assert.Equal("提供该路段地下管网图纸", again.GetProperty("part").GetString());
        Assert.StartsWith("2026-11-05T23:59:59", again.GetProperty("dueAt").GetString());
        var told = await p.AStaff.GetOkAsync("/api/v1/notifications?unread=true");
        Assert.Contains(told.GetProperty("items").EnumerateArray(), m => m.GetProperty("text").GetString()!.Contains("第2轮办理"));
    }

    [Fact]
    public async Task The_lead_unit_sees_the_input_through_the_api_and_on_the_case_page_and_a_second_answer_is_409()
    {
        var p = await CreateAsync(app);
        var caseId = await p.DispatchedCaseAsync();
        var id = Of(await p.DutiesAsync(caseId), p.AssistA).Id();

        var given = await p.AStaff.PostOkAsync($"/api/v1/assists/{id}/input", new { content = "经查，该路段地下管网属县自来水公司，图纸已移交" });
        Assert.Equal("given", given.GetProperty("status").GetString());
        Assert.False(given.GetProperty("late").GetBoolean());
        Assert.Equal("测试用户", given.GetProperty("answeredByName").GetString());

        var told = await p.S.LeadStaff.GetOkAsync("/api/v1/notifications?unread=true");
        Assert.Contains(told.GetProperty("items").EnumerateArray(), m => m.GetProperty("kind").GetString() == "assist" && m.GetProperty("caseId").GetString() == caseId
            && m.GetProperty("text").GetString()!.StartsWith(AName + "就工单“人行道井盖缺失”", StringComparison.Ordinal)
            && m.GetProperty("text").GetString()!.Contains("图纸已移交"));
        var read = await p.S.LeadStaff.GetOkAsync($"/api/v1/assists/{id}");
        Assert.Equal("经查，该路段地下管网属县自来水公司，图纸已移交", read.GetProperty("input").GetString());
        Assert.Equal("经查，该路段地下管网属县自来水公司，图纸已移交", Of(await p.DutiesAsync(caseId), p.AssistA).GetProperty("input").GetString());

        var page = await PageAsync(p.S.LeadStaff, $"/cases/{caseId}");
        Assert.Contains("<section class=\"card\" aria-label=\"协办\">", page);
        Assert.Contains("经查，该路段地下管网属县自来水公司，图纸已移交", page);
        Assert.Contains("提供该路段地下管网图纸", page);
        Assert.Contains(BName, page);
        Assert.Contains("已提交协办意见", page);
        Assert.Contains("2026-11-05 23:59", page);

        await (await p.AStaff.PostAsJsonAsync($"/api/v1/assists/{id}/input", new { content = "补充意见" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await p.AStaff.PostAsJsonAsync($"/api/v1/assists/{id}/refusal", new { reason = "改为拒绝" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("经查，该路段地下管网属县自来水公司，图纸已移交", (await p.AStaff.GetOkAsync($"/api/v1/assists/{id}")).GetProperty("input").GetString());
    }

    [Fact]
    public async Task Only_staff_of_the_assist_unit_answer_and_a_refusal_needs_a_reason()
    {
        var p = await CreateAsync(app);
        var caseId = await p.DispatchedCaseAsync();
        var id = Of(await p.DutiesAsync(caseId), p.AssistA).Id();

        foreach (var outsider in new[] { p.S.LeadStaff, p.S.OtherStaff, p.BStaff, p.Supervisor, p.S.Dispatcher })
        {
            await (await outsider.PostAsJsonAsync($"/api/v1/assists/{id}/input", new { content = "代为提交意见" })).ProblemAsync(HttpStatusCode.Forbidden);
            await (await outsider.PostAsJsonAsync($"/api/v1/assists/{id}/refusal", new { reason = "代为拒绝" })).ProblemAsync(HttpStatusCode.Forbidden);
        }
        Assert.Contains("理由", await (await p.AStaff.PostAsJsonAsync($"/api/v1/assists/{id}/refusal", new { reason = "" })).ProblemAsync(HttpStatusCode.BadRequest));
        await (await p.AStaff.PostAsJsonAsync($"/api/v1/assists/{id}/refusal", new { reason = "    " })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await p.AStaff.PostAsJsonAsync($"/api/v1/assists/{id}/input", new { content = "" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("pending", (await p.AStaff.GetOkAsync($"/api/v1/assists/{id}")).GetProperty("status").GetString());

        var refused = await p.AStaff.PostOkAsync($"/api/v1/assists/{id}/refusal", new { reason = "井盖属市政设施，不属本单位职责" });
        Assert.Equal("refused", refused.GetProperty("status").GetString());
        Assert.True(refused.GetProperty("failure").GetBoolean());
        Assert.Equal("拒绝协办：井盖属市政设施，不属本单位职责", refused.GetProperty("failureReason").GetString());
        var told = await p.S.LeadStaff.GetOkAsync("/api/v1/notifications?unread=true");
        Assert.Contains(told.GetProperty("items").EnumerateArray(), m => m.GetProperty("text").GetString()!.Contains("拒绝协办：井盖属市政设施"));
        var failures = await p.Supervisor.GetOkAsync($"/api/v1/assists?failure=true&unitId={p.AssistA}");
        Assert.Contains(failures.GetProperty("items").EnumerateArray(), d => d.Id() == id);

        Assert.Equal("refused", Of(await p.DutiesAsync(caseId), p.AssistA).GetProperty("status").GetString());
        foreach (var reader in new[] { p.Supervisor, p.Inspector, p.Leader, p.S.LeadStaff, p.AStaff })
        {
            Assert.Equal(id, (await reader.GetOkAsync($"/api/v1/assists/{id}")).Id());
        }
        foreach (var outsider in new[] { p.S.OtherStaff, p.BStaff, p.S.Operator, p.S.Dispatcher })
        {
            await (await outsider.GetAsync($"/api/v1/assists/{id}")).ProblemAsync(HttpStatusCode.Forbidden);
        }
        await (await p.AStaff.GetAsync("/api/v1/assists/no-such-duty")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_list_shows_a_unit_its_own_duties_and_those_owed_to_it_and_supervisors_all_of_them()
    {
        var p = await CreateAsync(app);
        var caseId = await p.DispatchedCaseAsync();
        var duties = await p.DutiesAsync(caseId);
        var a = Of(duties, p.AssistA).Id();
        var b = Of(duties, p.AssistB).Id();

        static async Task<List<string>> Ids(HttpClient client, string query = "")
            => [.. (await client.GetOkAsync("/api/v1/assists?pageSize=200" + query)).GetProperty("items").EnumerateArray().Select(d => d.Id())];

        var mine = await Ids(p.AStaff);
        Assert.Contains(a, mine);
        Assert.DoesNotContain(b, mine);
        Assert.Contains(a, await Ids(p.S.LeadStaff));
        Assert.Contains(b, await Ids(p.S.LeadStaff));
        Assert.Contains(b, await Ids(p.S.LeadStaff, "&side=lead"));
        Assert.DoesNotContain(b, await Ids(p.S.LeadStaff, "&side=assist"));
        Assert.DoesNotContain(a, await Ids(p.S.OtherStaff));
        Assert.DoesNotContain(b, await Ids(p.S.OtherStaff));
        await (await p.S.Operator.GetAsync("/api/v1/assists")).ProblemAsync(HttpStatusCode.Forbidden);

        var all = await Ids(p.Supervisor, $"&ownerType=case&status=pending&unitId={p.AssistB}");
        Assert.Contains(b, all);
        Assert.DoesNotContain(a, all);
        Assert.Contains(a, await Ids(p.Inspector));
        Assert.DoesNotContain(a, await Ids(p.Supervisor, "&failure=true"));
        await (await p.Supervisor.GetAsync("/api/v1/assists?status=done")).ProblemAsync(HttpStatusCode.BadRequest);

        var pending = (await p.AStaff.GetOkAsync("/api/v1/assists")).GetProperty("items").EnumerateArray().First(d => d.Id() == a);
        Assert.Equal("人行道井盖缺失", pending.GetProperty("ownerTitle").GetString());
        Assert.Equal("城市管理局", pending.GetProperty("leadUnitName").GetString());

        var response = await p.Supervisor.GetAsync($"/api/v1/assists/export.xlsx?unitId={p.AssistA}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = book.Worksheet(1);
        Assert.Equal("协办单位", sheet.Cell(1, 1).GetString());
        Assert.Contains(sheet.RowsUsed().Skip(1), r => r.Cell(1).GetString() == AName && r.Cell(7).GetString() == "提供该路段地下管网图纸");
        Assert.DoesNotContain(sheet.RowsUsed().Skip(1), r => r.Cell(1).GetString() == BName);
        var unitExport = await p.BStaff.GetAsync("/api/v1/assists/export.xlsx");
        using var unitBook = new XLWorkbook(await unitExport.Content.ReadAsStreamAsync());
        Assert.DoesNotContain(unitBook.Worksheet(1).RowsUsed().Skip(1), r => r.Cell(1).GetString() == AName);
    }

    [Fact]
    public async Task Assignment_duties_are_answered_like_case_duties_and_link_the_assignment()
    {
        var p = await CreateAsync(app);
        var (assignmentId, number) = await AssignmentAsync(app, p.S.LeadUnit, p.AssistA, "负责改造片区的用地审批", ChinaTime.EndOfDay(new DateOnly(2026, 11, 20)));
        var listed = (await p.AStaff.GetOkAsync("/api/v1/assists?ownerType=assignment")).GetProperty("items").EnumerateArray()
            .Single(d => d.GetProperty("ownerId").GetString() == assignmentId);
        Assert.Equal($"/assignments/{assignmentId}", listed.GetProperty("ownerUrl").GetString());
        Assert.Equal(number, listed.GetProperty("ownerNumber").GetString());
        Assert.Equal("交办事项", listed.GetProperty("ownerTypeLabel").GetString());

        await (await p.S.LeadStaff.PostAsJsonAsync($"/api/v1/assists/{listed.Id()}/input", new { content = "牵头单位代填" })).ProblemAsync(HttpStatusCode.Forbidden);
        await p.AStaff.PostOkAsync($"/api/v1/assists/{listed.Id()}/input", new { content = "用地审批已纳入绿色通道，11月15日前办结" });
        var told = await p.S.LeadStaff.GetOkAsync("/api/v1/notifications?unread=true");
        Assert.Contains(told.GetProperty("items").EnumerateArray(), m => m.GetProperty("text").GetString()!.Contains($"交办事项“老旧小区雨污分流改造”（{number}）")
            && m.GetProperty("caseId").ValueKind == System.Text.Json.JsonValueKind.Null);

        var page = await PageAsync(p.S.LeadStaff, $"/assists/{listed.Id()}");
        Assert.Contains("所属交办事项", page);
        Assert.Contains($"href=\"/assignments/{assignmentId}\"", page);
        Assert.Contains("牵头单位", page);
        Assert.Contains("2026-12-31 23:59", page);
        Assert.Contains("用地审批已纳入绿色通道，11月15日前办结", page);

        await using var scope = app.Services.CreateAsyncScope();
        var flow = scope.ServiceProvider.GetRequiredService<AssistWorkflow>();
        var a = new Assignment { Id = "x", Title = "t", LeadUnitId = p.S.LeadUnit, AssignedBy = "system", AssignedByName = "县委办" };
        Assert.Equal("assist.lead_unit", Assert.Throws<RuleException>(() => flow.AddForAssignment(a, [(p.S.LeadUnit, "")], app.Clock.GetUtcNow())).Code);
    }

    [Fact]
    public async Task The_pages_show_the_assist_unit_its_forms_the_lead_unit_the_answer_and_supervisors_the_failure_filter()
    {
        var p = await CreateAsync(app);
        var caseId = await p.DispatchedCaseAsync();
        var id = Of(await p.DutiesAsync(caseId), p.AssistA).Id();

        var list = await PageAsync(p.AStaff, "/assists");
        Assert.Contains("<h1>协办任务</h1>", list);
        Assert.Contains($"href=\"/cases/{caseId}\"", list);
        Assert.Contains("提供该路段地下管网图纸", list);
        Assert.Contains("2026-11-05 23:59", list);
        Assert.Contains("本单位主办（牵头）事项的协办", list);
        Assert.Contains("/api/v1/assists/export.xlsx?", list);
        Assert.Contains("提供该路段地下管网图纸", await PageAsync(p.S.LeadStaff, "/assists?side=lead"));
        Assert.DoesNotContain("提供该路段地下管网图纸", await PageAsync(p.S.OtherStaff, "/assists"));
        Assert.Equal(HttpStatusCode.Forbidden, (await p.S.Operator.GetAsync("/assists")).StatusCode);

        var home = await PageAsync(p.AStaff, "/");
        Assert.Contains("待协办", home);
        Assert.Contains("href=\"/assists\"", home);

        var duty = await PageAsync(p.AStaff, $"/assists/{id}");
        Assert.Contains("人行道井盖缺失", duty);
        Assert.Contains("城市管理局", duty);
        Assert.Contains("name=\"input.Content\"", duty);
        Assert.Contains("name=\"refusal.Reason\"", duty);
        var lead = await PageAsync(p.S.LeadStaff, $"/assists/{id}");
        Assert.DoesNotContain("name=\"input.Content\"", lead);
        Assert.Contains("协办单位尚未提交协办意见", lead);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.S.OtherStaff.GetAsync($"/assists/{id}")).StatusCode);

        var empty = await PostFormAsync(p.AStaff, $"/assists/{id}", $"/assists/{id}?handler=Refuse", ("refusal.Reason", ""));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("拒绝协办须写明理由", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()));
        var posted = await PostFormAsync(p.AStaff, $"/assists/{id}", $"/assists/{id}?handler=Input", ("input.Content", "管网图纸已通过内网移交主办单位"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var answered = await PageAsync(p.AStaff, $"/assists/{id}");
        Assert.Contains("已提交协办意见，主办（牵头）单位已收到", answered);
        Assert.Contains("管网图纸已通过内网移交主办单位", answered);
        Assert.DoesNotContain("name=\"input.Content\"", answered);
        Assert.Contains("管网图纸已通过内网移交主办单位", await PageAsync(p.Supervisor, $"/assists/{id}"));
        Assert.Contains("管网图纸已通过内网移交主办单位", await PageAsync(p.S.LeadStaff, $"/cases/{caseId}"));

        var all = await PageAsync(p.Supervisor, "/assists?failure=true");
        Assert.Contains("只看协办不力", all);
        Assert.Contains("协办单位", all);
        Assert.DoesNotContain($"/assists/{id}\"", all); // answered on time: not a failure
        Assert.Contains($"/assists/{id}\"", await PageAsync(p.Supervisor, $"/assists?unitId={p.AssistA}"));
    }
}
