using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Zhengfeng.Tests.Accountability;

/// <summary>
/// The lighter measures of the first of the 四种形态 (谈话提醒、批评教育、责令检查、约谈、函询) for every cadre, leading or not;
/// 函询 and 责令检查 with the written answer and its assessment, on the integrity file and the dashboard.
/// </summary>
public sealed class LightFormsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record People(HttpClient Inspector, HttpClient Leader, HttpClient UnitStaff, string Unit, string Staff, string Head);

    private async Task<People> PeopleAsync()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var unit = await admin.CreateUnitAsync(app, "township", root, "清水镇");
        var office = await admin.CreateUnitAsync(app, "department", root, "县纪委监委第二室");
        var staff = (await admin.PostOkAsync("/api/v1/cadres", new { name = "孙办事员", unitId = unit, post = "便民服务中心窗口", rank = "staff" }, HttpStatusCode.Created)).Id();
        var head = (await admin.PostOkAsync("/api/v1/cadres", new { name = "周镇长", unitId = unit, post = "镇长", rank = "section" }, HttpStatusCode.Created)).Id();
        return new People(await admin.UserAsync(app, office, "inspector"), await admin.UserAsync(app, office, "leader"),
            await admin.UserAsync(app, unit, "unit"), unit, staff, head);
    }

    private static async Task<string> InvestigatingAsync(People p, string cadreId)
    {
        var opened = await p.Inspector.PostOkAsync("/api/v1/accountability", new { cadreId, facts = "窗口办件推诿，群众多次往返" }, HttpStatusCode.Created);
        await p.Inspector.PostOkAsync($"/api/v1/accountability/{opened.Id()}/investigation", new { });
        return opened.Id();
    }

    [Fact]
    public async Task An_ordinary_cadre_may_be_reminded_and_educated_but_not_given_a_leading_cadre_form()
    {
        var p = await PeopleAsync();
        var id = await InvestigatingAsync(p, p.Staff);
        var refused = await (await p.Inspector.PostAsJsonAsync($"/api/v1/accountability/{id}/decision",
            new { decision = "诫勉", forms = new[] { "admonition" }, category = 1 })).ProblemAsync((HttpStatusCode)422);
        Assert.Contains("谈话提醒、批评教育、责令检查、约谈、函询", refused);

        var decided = await p.Inspector.PostOkAsync($"/api/v1/accountability/{id}/decision",
            new { decision = "对孙办事员谈话提醒、批评教育", forms = new[] { "reminder", "education" }, category = 1 });
        Assert.Equal(["reminder", "education"], decided.GetProperty("forms").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["谈话提醒", "批评教育"], decided.GetProperty("formLabels").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(JsonValueKind.Null, decided.GetProperty("answerDueOn").ValueKind);
        Assert.Equal("第一种形态", decided.GetProperty("categoryLabel").GetString());

        var answer = await (await p.Inspector.PostAsJsonAsync($"/api/v1/accountability/{id}/answer", new { answer = "已认识到错误" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("无需书面说明", answer);
    }

    [Fact]
    public async Task Light_measures_alone_belong_to_the_first_form()
    {
        var p = await PeopleAsync();
        var id = await InvestigatingAsync(p, p.Staff);
        var detail = await (await p.Inspector.PostAsJsonAsync($"/api/v1/accountability/{id}/decision",
            new { decision = "约谈", forms = new[] { "interview" }, category = 2 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("第一种形态", detail);
        Assert.Equal("investigating", (await p.Inspector.GetOkAsync($"/api/v1/accountability/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_inquiry_is_answered_in_fifteen_working_days_assessed_once_and_shown_on_the_integrity_file()
    {
        var p = await PeopleAsync();
        var id = await InvestigatingAsync(p, p.Head);
        var decided = await p.Inspector.PostOkAsync($"/api/v1/accountability/{id}/decision",
            new { decision = "对周镇长函询，请就窗口推诿问题作出书面说明", forms = new[] { "inquiry" }, category = 1 });
        // Decided on Monday 2026-11-02: fifteen working days later is Monday 2026-11-23.
        Assert.Equal("2026-11-23", decided.GetProperty("answerDueOn").GetString());

        var early = await (await p.Inspector.PostAsJsonAsync($"/api/v1/accountability/{id}/assessment",
            new { assessment = "accepted", note = "说明属实" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("尚未收到书面说明", early);
        await (await p.Inspector.PostAsJsonAsync($"/api/v1/accountability/{id}/answer", new { answer = "" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await p.UnitStaff.PostAsJsonAsync($"/api/v1/accountability/{id}/answer", new { answer = "本单位代为说明" })).ProblemAsync(HttpStatusCode.Forbidden);

        await p.Inspector.PostOkAsync($"/api/v1/accountability/{id}/answer", new { answer = "窗口人员不足，已调整两名干部充实窗口并建立首问负责台账。" });
        await (await p.Inspector.PostAsJsonAsync($"/api/v1/accountability/{id}/assessment",
            new { assessment = "maybe", note = "说明属实" })).ProblemAsync(HttpStatusCode.BadRequest);
        var assessed = await p.Inspector.PostOkAsync($"/api/v1/accountability/{id}/assessment", new { assessment = "accepted", note = "说明属实，予以了结" });
        Assert.Equal("accepted", assessed.GetProperty("assessment").GetString());
        var again = await (await p.Inspector.PostAsJsonAsync($"/api/v1/accountability/{id}/answer", new { answer = "补充说明" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已经评估", again);

        var file = await p.Leader.GetOkAsync($"/api/v1/cadres/{p.Head}/integrity-file");
        var entry = Assert.Single(file.GetProperty("cases").EnumerateArray());
        Assert.Equal(["函询"], entry.GetProperty("formsOnCadre").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("首问负责台账", entry.GetProperty("case").GetProperty("answer").GetString());
        Assert.Equal("予以采信，了结", entry.GetProperty("case").GetProperty("assessmentLabel").GetString());

        var page = WebUtility.HtmlDecode(await p.Leader.GetStringAsync($"/cadres/{p.Head}/integrity"));
        Assert.Contains("首问负责台账", page);
        Assert.Contains("予以采信，了结", page);
    }

    [Fact]
    public async Task An_ordered_review_on_the_head_of_a_unit_case_needs_the_written_self_examination()
    {
        var p = await PeopleAsync();
        var admin = await app.AdminAsync();
        var u = await admin.GetOkAsync($"/api/v1/units/{p.Unit}");
        await admin.PutAsJsonAsync($"/api/v1/units/{p.Unit}", new
        {
            name = u.GetProperty("name").GetString(), code = u.GetProperty("code").GetString(), kind = "township",
            parentId = u.GetProperty("parentId").GetString(), headId = p.Head,
        });
        var opened = await p.Inspector.PostOkAsync("/api/v1/accountability", new { unitId = p.Unit, facts = "便民服务中心推诿" }, HttpStatusCode.Created);
        await p.Inspector.PostOkAsync($"/api/v1/accountability/{opened.Id()}/investigation", new { });
        var decided = await p.Inspector.PostOkAsync($"/api/v1/accountability/{opened.Id()}/decision",
            new { decision = "对镇党委通报，责令镇长作出书面检查", forms = new[] { "circular" }, headForms = new[] { "review" }, category = 1 });
        Assert.Equal("2026-11-23", decided.GetProperty("answerDueOn").GetString());
        var headFile = await p.Inspector.GetOkAsync($"/api/v1/cadres/{p.Head}/integrity-file");
        Assert.Equal(["责令检查"], Assert.Single(headFile.GetProperty("cases").EnumerateArray()).GetProperty("formsOnCadre").EnumerateArray().Select(f => f.GetString()));

        var other = await p.Inspector.PostOkAsync("/api/v1/accountability", new { unitId = p.Unit, facts = "再次推诿" }, HttpStatusCode.Created);
        await p.Inspector.PostOkAsync($"/api/v1/accountability/{other.Id()}/investigation", new { });
        var refused = await (await p.Inspector.PostAsJsonAsync($"/api/v1/accountability/{other.Id()}/decision",
            new { decision = "约谈", forms = new[] { "interview" }, category = 1 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("不能用于党组织", refused);
    }

    [Fact]
    public async Task The_dashboard_counts_light_measures_in_the_first_form_and_by_measure()
    {
        var p = await PeopleAsync();
        var id = await InvestigatingAsync(p, p.Staff);
        await p.Inspector.PostOkAsync($"/api/v1/accountability/{id}/decision", new { decision = "约谈", forms = new[] { "interview" }, category = 1 });
        var records = await p.Leader.GetOkAsync("/api/v1/dashboard/drill?metric=acc-form&status=interview&from=2026-11&to=2026-11");
        Assert.Contains(records.EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        var first = await p.Leader.GetOkAsync("/api/v1/dashboard/drill?metric=acc-category&status=1&from=2026-11&to=2026-11");
        Assert.Contains(first.EnumerateArray(), r => r.GetProperty("id").GetString() == id);
    }
}
