using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Zhengfeng.Tests.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Inspections;

/// <summary>暗访: the supervision office's plans, outside visitors who see only their own, sheets on a phone, findings into clues, the report.</summary>
public sealed class MysteryInspectionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record World(CaseScenario Cases, HttpClient Supervisor, HttpClient Inspector, HttpClient Visitor, string VisitorId, HttpClient Stranger);

    private async Task<World> WorldAsync()
    {
        var s = await CaseScenario.CreateAsync(app);
        var office = await s.Admin.RootUnitIdAsync();
        var supervisor = await s.Admin.UserAsync(app, office, Roles.Supervisor);
        var inspector = await s.Admin.UserAsync(app, office, Roles.Inspector);
        var visitor = await s.Admin.UserAsync(app, office, Roles.Visitor);
        var stranger = await s.Admin.UserAsync(app, office, Roles.Visitor);
        var visitorId = (await visitor.GetOkAsync("/api/v1/auth/me")).Id();
        return new World(s, supervisor, inspector, visitor, visitorId, stranger);
    }

    private static object Plan(World w, string title, string? visitorId = null) => new
    {
        title, purpose = "检查窗口单位工作人员在岗在位和服务态度", startsOn = "2026-11-02", endsOn = "2026-11-20",
        unitIds = new[] { w.Cases.LeadUnit, w.Cases.OtherUnit }, checklist = "在岗在位\n工作纪律\n服务态度", visitorIds = new[] { visitorId ?? w.VisitorId },
    };

    private async Task<string> IssuedPlanAsync(World w, string title)
    {
        var plan = await w.Supervisor.PostOkAsync("/api/v1/inspections", Plan(w, title), HttpStatusCode.Created);
        await w.Supervisor.PostOkAsync($"/api/v1/inspections/{plan.Id()}/issue", new { });
        return plan.Id();
    }

    private static async Task<string> SubmittedSheetAsync(HttpClient visitor, string planId, string unitId, params string[] results)
    {
        var sheet = await visitor.PostOkAsync($"/api/v1/inspections/{planId}/sheets", new { unitId }, HttpStatusCode.Created);
        var marks = results.Select((r, i) => new { line = i + 1, result = r, note = r == "non_conforming" ? "窗口无人，等候二十分钟" : null }).ToArray();
        await visitor.PostOkAsync($"/api/v1/inspections/sheets/{sheet.Id()}/submit",
            new { visitedAt = "2026-11-02T09:30:00+08:00", place = "政务服务中心一楼窗口", findings = "工作人员上班时间玩手机", marks });
        return sheet.Id();
    }

    [Fact]
    public async Task A_plan_goes_from_draft_to_issued_to_closed_and_its_visitor_fills_a_sheet_only_while_it_is_issued()
    {
        var w = await WorldAsync();
        var plan = await w.Supervisor.PostOkAsync("/api/v1/inspections", Plan(w, "生命周期" + app.Unique("p")), HttpStatusCode.Created);
        var id = plan.Id();
        Assert.Equal("draft", plan.GetProperty("status").GetString());
        Assert.StartsWith("AF", plan.GetProperty("number").GetString());
        // A draft is the office's own: the named visitor does not see it yet.
        Assert.Equal(HttpStatusCode.NotFound, (await w.Visitor.GetAsync($"/api/v1/inspections/{id}")).StatusCode);
        Assert.Equal(0, (await w.Visitor.GetOkAsync("/api/v1/inspections")).GetProperty("total").GetInt32());
        var early = await w.Supervisor.PostAsJsonAsync($"/api/v1/inspections/{id}/sheets", new { unitId = w.Cases.LeadUnit });
        Assert.Contains("不能填写记录表", await early.ProblemAsync(HttpStatusCode.Conflict));

        await w.Supervisor.PostOkAsync($"/api/v1/inspections/{id}/issue", new { });
        Assert.Contains("不能下发", await (await w.Supervisor.PostAsync($"/api/v1/inspections/{id}/issue", null)).ProblemAsync(HttpStatusCode.Conflict));
        Assert.Contains("不能再修改", await (await w.Supervisor.PutAsJsonAsync($"/api/v1/inspections/{id}", Plan(w, "改名"))).ProblemAsync(HttpStatusCode.Conflict));
        var mine = await w.Visitor.GetOkAsync("/api/v1/inspections");
        Assert.Equal(id, Assert.Single(mine.GetProperty("items").EnumerateArray()).Id());

        var sheet = await w.Visitor.PostOkAsync($"/api/v1/inspections/{id}/sheets", new { unitId = w.Cases.LeadUnit }, HttpStatusCode.Created);
        Assert.Equal(3, sheet.GetProperty("marks").GetArrayLength());
        Assert.All(sheet.GetProperty("marks").EnumerateArray(), m => Assert.Equal("unchecked", m.GetProperty("result").GetString()));
        var saved = await w.Visitor.PutAsJsonAsync($"/api/v1/inspections/sheets/{sheet.Id()}",
            new { place = "社保窗口", marks = new[] { new { line = 1, result = "conforming" } } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        // A photo is checked by its content like every upload.
        var fake = new ByteArrayContent("not a picture"u8.ToArray());
        fake.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        var bad = await w.Visitor.PostAsync($"/api/v1/inspections/sheets/{sheet.Id()}/photos", new MultipartFormDataContent { { fake, "file", "现场.jpg" } });
        Assert.Contains("按文件内容判断", await bad.ProblemAsync(HttpStatusCode.BadRequest));
        var png = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
        png.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var photo = await w.Visitor.PostAsync($"/api/v1/inspections/sheets/{sheet.Id()}/photos", new MultipartFormDataContent { { png, "file", "现场.png" } });
        Assert.Equal(HttpStatusCode.Created, photo.StatusCode);
        var photoUrl = (await photo.ReadJsonAsync()).GetProperty("url").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await w.Visitor.GetAsync(photoUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Stranger.GetAsync(photoUrl)).StatusCode);

        var incomplete = await w.Visitor.PostAsJsonAsync($"/api/v1/inspections/sheets/{sheet.Id()}/submit", new { });
        Assert.Contains("暗访时间和地点", await incomplete.ProblemAsync(HttpStatusCode.BadRequest));
        var noNote = await w.Visitor.PostAsJsonAsync($"/api/v1/inspections/sheets/{sheet.Id()}/submit",
            new { visitedAt = "2026-11-02T09:00:00+08:00", marks = new[] { new { line = 2, result = "non_conforming" } } });
        Assert.Contains("写明具体情况", await noNote.ProblemAsync(HttpStatusCode.BadRequest));
        var submitted = await w.Visitor.PostOkAsync($"/api/v1/inspections/sheets/{sheet.Id()}/submit",
            new { visitedAt = "2026-11-02T09:00:00+08:00", marks = new[] { new { line = 2, result = "non_conforming", note = "两名工作人员离岗" } } });
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        Assert.Equal("社保窗口", submitted.GetProperty("place").GetString());
        var again = await w.Visitor.PutAsJsonAsync($"/api/v1/inspections/sheets/{sheet.Id()}", new { place = "改动" });
        Assert.Contains("已提交", await again.ProblemAsync(HttpStatusCode.Conflict));

        await w.Supervisor.PostOkAsync($"/api/v1/inspections/{id}/close", new { });
        var late = await w.Visitor.PostAsJsonAsync($"/api/v1/inspections/{id}/sheets", new { unitId = w.Cases.OtherUnit });
        Assert.Contains("已结束", await late.ProblemAsync(HttpStatusCode.Conflict));
        var closed = await w.Inspector.GetOkAsync($"/api/v1/inspections/{id}");
        Assert.Equal("closed", closed.GetProperty("plan").GetProperty("status").GetString());
        Assert.Single(closed.GetProperty("sheets").EnumerateArray());
    }

    [Fact]
    public async Task A_visitor_sees_only_the_plans_naming_them_and_only_their_own_sheets_and_nothing_else_in_the_app()
    {
        var w = await WorldAsync();
        var id = await IssuedPlanAsync(w, "只看自己" + app.Unique("p"));
        var sheet = await SubmittedSheetAsync(w.Visitor, id, w.Cases.LeadUnit, "conforming", "non_conforming", "unchecked");
        var supervisorSheet = (await w.Supervisor.PostOkAsync($"/api/v1/inspections/{id}/sheets", new { unitId = w.Cases.OtherUnit }, HttpStatusCode.Created)).Id();

        Assert.Equal(0, (await w.Stranger.GetOkAsync("/api/v1/inspections")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await w.Stranger.GetAsync($"/api/v1/inspections/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Stranger.GetAsync($"/api/v1/inspections/sheets/{sheet}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Stranger.PostAsJsonAsync($"/api/v1/inspections/{id}/sheets", new { unitId = w.Cases.LeadUnit })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Stranger.GetAsync($"/inspections/{id}")).StatusCode);

        var detail = await w.Visitor.GetOkAsync($"/api/v1/inspections/{id}");
        Assert.Equal(sheet, Assert.Single(detail.GetProperty("sheets").EnumerateArray()).Id());
        Assert.Equal(HttpStatusCode.NotFound, (await w.Visitor.GetAsync($"/api/v1/inspections/sheets/{supervisorSheet}")).StatusCode);
        Assert.Equal(2, (await w.Supervisor.GetOkAsync($"/api/v1/inspections/{id}")).GetProperty("sheets").GetArrayLength());
        // The office's own actions and report are not the visitor's.
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Visitor.PostAsJsonAsync("/api/v1/inspections", Plan(w, "自己制定"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Visitor.PostAsync($"/api/v1/inspections/{id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Visitor.GetAsync($"/api/v1/inspections/{id}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Visitor.PostAsJsonAsync($"/api/v1/inspections/sheets/{sheet}/clues", new { line = 2 })).StatusCode);

        // Nothing else of the app: cases, clues, units, campaigns, messages, exports.
        foreach (var url in new[] { "/api/v1/cases", "/api/v1/clues", "/api/v1/units", "/api/v1/campaigns", "/api/v1/notifications", "/api/v1/exports/cases.xlsx" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await w.Visitor.GetAsync(url)).StatusCode);
        }
        foreach (var page in new[] { "/cases", "/clues", "/org", "/campaigns", "/messages" })
        {
            var response = await w.Visitor.GetAsync(page);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{page}: {response.StatusCode}");
        }
        var home = WebUtility.HtmlDecode(await w.Visitor.GetStringAsync("/"));
        Assert.Contains("暗访任务", home);
        Assert.DoesNotContain("/cases\"", home);
        Assert.Contains("暗访计划", await w.Visitor.GetStringAsync("/inspections"));
        Assert.Equal(HttpStatusCode.OK, (await w.Visitor.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_unit_is_refused_every_inspection_endpoint_and_page()
    {
        var w = await WorldAsync();
        var id = await IssuedPlanAsync(w, "单位不可见" + app.Unique("p"));
        var sheet = await SubmittedSheetAsync(w.Visitor, id, w.Cases.LeadUnit, "non_conforming", "conforming", "conforming");
        foreach (var unit in new[] { w.Cases.LeadStaff, w.Cases.OtherStaff })
        {
            foreach (var url in new[] { "/api/v1/inspections", $"/api/v1/inspections/{id}", $"/api/v1/inspections/{id}/report", $"/api/v1/inspections/{id}/report.xlsx",
                "/api/v1/inspections/export.xlsx", $"/api/v1/inspections/sheets/{sheet}" })
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync(url)).StatusCode);
            }
            Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync("/api/v1/inspections", Plan(w, "单位"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync($"/api/v1/inspections/{id}/sheets", new { unitId = w.Cases.LeadUnit })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync($"/api/v1/inspections/sheets/{sheet}/submit", new { })).StatusCode);
            foreach (var page in new[] { "/inspections", $"/inspections/{id}", $"/inspections/sheets/{sheet}", "/inspections/new" })
            {
                var response = await unit.GetAsync(page);
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{page}: {response.StatusCode}");
            }
            Assert.DoesNotContain("/inspections", await unit.GetStringAsync("/"));
        }
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_chinese_message_and_changes_nothing()
    {
        var w = await WorldAsync();
        var title = "坏输入" + app.Unique("p");
        async Task<string> Refused(object body) => await (await w.Supervisor.PostAsJsonAsync("/api/v1/inspections", body)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("结束日期不能早于开始日期", await Refused(new
        {
            title, purpose = "目的明确", startsOn = "2026-11-20", endsOn = "2026-11-02", unitIds = new[] { w.Cases.LeadUnit }, checklist = "在岗在位",
            visitorIds = new[] { w.VisitorId },
        }));
        Assert.Contains("至少一个暗访单位", await Refused(new
        {
            title, purpose = "目的明确", startsOn = "2026-11-02", endsOn = "2026-11-20", unitIds = Array.Empty<string>(), checklist = "在岗在位",
            visitorIds = new[] { w.VisitorId },
        }));
        Assert.Contains("检查内容", await Refused(new
        {
            title, purpose = "目的明确", startsOn = "2026-11-02", endsOn = "2026-11-20", unitIds = new[] { w.Cases.LeadUnit }, checklist = "  \n ",
            visitorIds = new[] { w.VisitorId },
        }));
        var unitStaffId = (await w.Cases.LeadStaff.GetOkAsync("/api/v1/auth/me")).Id();
        Assert.Contains("暗访人员应为", await Refused(new
        {
            title, purpose = "目的明确", startsOn = "2026-11-02", endsOn = "2026-11-20", unitIds = new[] { w.Cases.LeadUnit }, checklist = "在岗在位",
            visitorIds = new[] { unitStaffId },
        }));
        Assert.Contains("缺少必填字段", await Refused(new { purpose = "目的明确", startsOn = "2026-11-02", endsOn = "2026-11-20" }));
        Assert.Equal(0, (await w.Supervisor.GetOkAsync("/api/v1/inspections?q=" + Uri.EscapeDataString(title))).GetProperty("total").GetInt32());

        var id = await IssuedPlanAsync(w, title);
        var outside = await w.Visitor.PostAsJsonAsync($"/api/v1/inspections/{id}/sheets", new { unitId = await w.Cases.Admin.RootUnitIdAsync() });
        Assert.Contains("不在本次暗访计划中", await outside.ProblemAsync(HttpStatusCode.BadRequest));
        var sheet = (await w.Visitor.PostOkAsync($"/api/v1/inspections/{id}/sheets", new { unitId = w.Cases.LeadUnit }, HttpStatusCode.Created)).Id();
        var line = await w.Visitor.PutAsJsonAsync($"/api/v1/inspections/sheets/{sheet}", new { marks = new[] { new { line = 9, result = "conforming" } } });
        Assert.Contains("第9项不存在", await line.ProblemAsync(HttpStatusCode.BadRequest));
        var result = await w.Visitor.PutAsJsonAsync($"/api/v1/inspections/sheets/{sheet}", new { marks = new[] { new { line = 1, result = "maybe" } } });
        await result.ProblemAsync(HttpStatusCode.BadRequest);
        var future = await w.Visitor.PutAsJsonAsync($"/api/v1/inspections/sheets/{sheet}", new { visitedAt = "2026-12-30T09:00:00+08:00" });
        Assert.Contains("不能晚于现在", await future.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(JsonValueKind.Null, (await w.Visitor.GetOkAsync($"/api/v1/inspections/sheets/{sheet}")).GetProperty("visitedAt").ValueKind);
    }

    [Fact]
    public async Task A_finding_becomes_a_clue_of_the_visited_unit_once_and_the_report_counts_it()
    {
        var w = await WorldAsync();
        var id = await IssuedPlanAsync(w, "线索报告" + app.Unique("p"));
        var first = await SubmittedSheetAsync(w.Visitor, id, w.Cases.LeadUnit, "non_conforming", "conforming", "non_conforming");
        var second = await SubmittedSheetAsync(w.Visitor, id, w.Cases.OtherUnit, "non_conforming", "unchecked", "conforming");

        var draft = (await w.Visitor.PostOkAsync($"/api/v1/inspections/{id}/sheets", new { unitId = w.Cases.OtherUnit }, HttpStatusCode.Created)).Id();
        var early = await w.Supervisor.PostAsJsonAsync($"/api/v1/inspections/sheets/{draft}/clues", new { line = 1 });
        Assert.Contains("提交后", await early.ProblemAsync(HttpStatusCode.Conflict));
        var conforming = await w.Supervisor.PostAsJsonAsync($"/api/v1/inspections/sheets/{first}/clues", new { line = 2 });
        Assert.Contains("不符合", await conforming.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Inspector.PostAsJsonAsync($"/api/v1/inspections/sheets/{first}/clues", new { line = 1 })).StatusCode);

        var made = await w.Supervisor.PostOkAsync($"/api/v1/inspections/sheets/{first}/clues", new { line = 1 });
        Assert.True(made.GetProperty("created").GetBoolean());
        var clueId = made.GetProperty("clueId").GetString()!;
        var twice = await w.Supervisor.PostOkAsync($"/api/v1/inspections/sheets/{first}/clues", new { line = 1 });
        Assert.False(twice.GetProperty("created").GetBoolean());
        Assert.Equal(clueId, twice.GetProperty("clueId").GetString());
        var clue = await w.Supervisor.GetOkAsync($"/api/v1/clues/{clueId}");
        Assert.Equal("mystery", clue.GetProperty("source").GetString());
        Assert.Equal(w.Cases.LeadUnit, clue.GetProperty("unitId").GetString());
        Assert.Contains("在岗在位", clue.GetProperty("content").GetString());
        var mysteryClues = await w.Supervisor.GetOkAsync($"/api/v1/clues?source=mystery&unitId={w.Cases.LeadUnit}&pageSize=200");
        Assert.Single(mysteryClues.GetProperty("items").EnumerateArray(), c => c.Id() == clueId);
        var sheet = await w.Supervisor.GetOkAsync($"/api/v1/inspections/sheets/{first}");
        Assert.Equal(clueId, sheet.GetProperty("marks")[0].GetProperty("clueId").GetString());
        var findings = await w.Supervisor.PostOkAsync($"/api/v1/inspections/sheets/{second}/clues", new { });
        Assert.Equal(findings.GetProperty("clueId").GetString(), (await w.Supervisor.PostOkAsync($"/api/v1/inspections/sheets/{second}/clues", new { })).GetProperty("clueId").GetString());

        var report = await w.Inspector.GetOkAsync($"/api/v1/inspections/{id}/report");
        Assert.Equal(2, report.GetProperty("unitsPlanned").GetInt32());
        Assert.Equal(2, report.GetProperty("unitsVisited").GetArrayLength());
        Assert.Equal(2, report.GetProperty("sheets").GetInt32());
        var lines = report.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal((2, 2), (lines[0].GetProperty("checked").GetInt32(), lines[0].GetProperty("nonConforming").GetInt32()));
        Assert.Equal((1, 0), (lines[1].GetProperty("checked").GetInt32(), lines[1].GetProperty("nonConforming").GetInt32()));
        Assert.Equal((2, 1), (lines[2].GetProperty("checked").GetInt32(), lines[2].GetProperty("nonConforming").GetInt32()));
        Assert.Equal(2, report.GetProperty("clues").GetArrayLength());
        var xlsx = await w.Supervisor.GetAsync($"/api/v1/inspections/{id}/report.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await w.Supervisor.GetAsync("/api/v1/inspections/export.xlsx")).StatusCode);
        var page = await w.Supervisor.GetStringAsync($"/inspections/{id}");
        Assert.Contains("暗访报告", page);
        Assert.Contains("转为问题线索 2 条", page);
    }
}
