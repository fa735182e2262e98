using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Zhengfeng.Tests.Rectification;

public sealed class RectificationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record People(HttpClient Admin, HttpClient Supervisor, HttpClient Inspector, HttpClient UnitStaff, HttpClient InsideSupervisor, string Unit, string OtherUnit);

    private async Task<People> PeopleAsync()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var unit = await admin.CreateUnitAsync(app, "township", root, "清河镇");
        var other = await admin.CreateUnitAsync(app, "department", root, "作风办");
        return new People(admin,
            await admin.UserAsync(app, other, "supervisor"),
            await admin.UserAsync(app, other, "inspector"),
            await admin.UserAsync(app, unit, "unit"),
            await admin.UserAsync(app, unit, "unit", "supervisor"),
            unit, other);
    }

    private async Task<string> VerifiedClueAsync(People p, string problemType = "shirking")
    {
        var clue = await p.Supervisor.PostOkAsync("/api/v1/clues", new { source = "mystery", unitId = p.Unit, problemType, content = "暗访发现便民服务中心窗口人员推诿群众办事" }, HttpStatusCode.Created);
        Assert.Equal("registered", clue.GetProperty("status").GetString());
        var verified = await p.Inspector.PostOkAsync($"/api/v1/clues/{clue.Id()}/verification", new { result = "true", note = "调取监控核实" });
        Assert.Equal("verified", verified.GetProperty("status").GetString());
        return clue.Id();
    }

    private async Task<string> ItemAsync(People p, string clueId)
    {
        var item = await p.Supervisor.PostOkAsync("/api/v1/rectifications",
            new { clueId, unitId = p.Unit, measures = "窗口实行首问负责制并公开承诺", type = "deadline", dueDate = "2026-12-31" }, HttpStatusCode.Created);
        Assert.Equal("open", item.GetProperty("status").GetString());
        return item.Id();
    }

    [Fact]
    public async Task A_problem_goes_from_clue_to_sign_off_with_a_rejected_first_verification()
    {
        var p = await PeopleAsync();
        var id = await ItemAsync(p, await VerifiedClueAsync(p));
        Assert.Equal("reported", (await p.UnitStaff.PostOkAsync($"/api/v1/rectifications/{id}/progress",
            new { content = "已制定首问负责制度", rootCause = "窗口人员服务意识淡薄，缺少考核" })).GetProperty("status").GetString());
        Assert.Equal("open", (await p.Supervisor.PostOkAsync($"/api/v1/rectifications/{id}/verification", new { pass = false, note = "制度未上墙公示" })).GetProperty("status").GetString());
        await (await p.Supervisor.PostAsJsonAsync($"/api/v1/rectifications/{id}/close", new { })).ProblemAsync(HttpStatusCode.Conflict);
        await p.UnitStaff.PostOkAsync($"/api/v1/rectifications/{id}/progress", new { content = "制度已上墙并纳入月度考核" });
        Assert.Equal("verified", (await p.Supervisor.PostOkAsync($"/api/v1/rectifications/{id}/verification", new { pass = true, note = "现场核验" })).GetProperty("status").GetString());
        var closed = await p.Supervisor.PostOkAsync($"/api/v1/rectifications/{id}/close", new { });
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal(1, closed.GetProperty("failedVerifications").GetInt32());
        Assert.Equal(JsonValueKind.String, closed.GetProperty("followUpDue").ValueKind);
    }

    [Fact]
    public async Task Anyone_from_the_responsible_unit_gets_403_on_verification_and_close_whatever_their_roles()
    {
        var p = await PeopleAsync();
        var id = await ItemAsync(p, await VerifiedClueAsync(p));
        await p.UnitStaff.PostOkAsync($"/api/v1/rectifications/{id}/progress", new { content = "已整改完毕", rootCause = "制度缺失" });
        await (await p.InsideSupervisor.PostAsJsonAsync($"/api/v1/rectifications/{id}/verification", new { pass = true })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await p.UnitStaff.PostAsJsonAsync($"/api/v1/rectifications/{id}/verification", new { pass = true })).ProblemAsync(HttpStatusCode.Forbidden);
        await p.Supervisor.PostOkAsync($"/api/v1/rectifications/{id}/verification", new { pass = true });
        await (await p.InsideSupervisor.PostAsJsonAsync($"/api/v1/rectifications/{id}/close", new { })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.Supervisor.PostAsJsonAsync($"/api/v1/rectifications/{id}/progress", new { content = "代替单位报告进展" })).StatusCode);
    }

    [Fact]
    public async Task Rectification_needs_a_verified_clue_and_a_dismissed_clue_leads_nowhere()
    {
        var p = await PeopleAsync();
        var clue = await p.Supervisor.PostOkAsync("/api/v1/clues", new { source = "report", unitId = p.Unit, problemType = "abuse", content = "反映某站所吃拿卡要" }, HttpStatusCode.Created);
        await (await p.Supervisor.PostAsJsonAsync("/api/v1/rectifications",
            new { clueId = clue.Id(), unitId = p.Unit, measures = "立即整改到位", type = "immediate", dueDate = "2026-12-01" })).ProblemAsync(HttpStatusCode.Conflict);
        var dismissed = await p.Inspector.PostOkAsync($"/api/v1/clues/{clue.Id()}/verification", new { result = "false", note = "查无实据" });
        Assert.Equal("dismissed", dismissed.GetProperty("status").GetString());
        await (await p.Inspector.PostAsJsonAsync($"/api/v1/clues/{clue.Id()}/verification", new { result = "true" })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_unit_registers_only_its_own_self_inspection_findings()
    {
        var p = await PeopleAsync();
        await p.UnitStaff.PostOkAsync("/api/v1/clues", new { source = "self", unitId = p.Unit, problemType = "laxity", content = "自查发现考勤制度执行不严" }, HttpStatusCode.Created);
        await (await p.UnitStaff.PostAsJsonAsync("/api/v1/clues", new { source = "mystery", unitId = p.Unit, problemType = "laxity", content = "暗访不是单位能登记的" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await p.UnitStaff.PostAsJsonAsync("/api/v1/clues", new { source = "self", unitId = p.OtherUnit, problemType = "laxity", content = "替别的单位自查" })).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_closed_item_with_told_the_person_as_root_cause_is_flagged_as_paper_rectification()
    {
        var p = await PeopleAsync();
        var id = await ItemAsync(p, await VerifiedClueAsync(p, "attitude"));
        await p.UnitStaff.PostOkAsync($"/api/v1/rectifications/{id}/progress", new { content = "已整改", rootCause = "已告知当事人" });
        await p.Supervisor.PostOkAsync($"/api/v1/rectifications/{id}/verification", new { pass = true });
        var closed = await p.Supervisor.PostOkAsync($"/api/v1/rectifications/{id}/close", new { });
        Assert.Contains("告知当事人", closed.GetProperty("paperFlag").GetString());
        Assert.Contains("当天", closed.GetProperty("paperFlag").GetString());
    }

    [Fact]
    public async Task A_new_verified_problem_of_the_same_kind_reopens_the_closed_item_as_a_relapse()
    {
        var p = await PeopleAsync();
        var id = await ItemAsync(p, await VerifiedClueAsync(p, "delay"));
        await p.UnitStaff.PostOkAsync($"/api/v1/rectifications/{id}/progress", new { content = "压缩审批时限", rootCause = "流程环节过多" });
        await p.Supervisor.PostOkAsync($"/api/v1/rectifications/{id}/verification", new { pass = true });
        await p.Supervisor.PostOkAsync($"/api/v1/rectifications/{id}/close", new { });
        await VerifiedClueAsync(p, "delay");
        var item = await p.Supervisor.GetOkAsync($"/api/v1/rectifications/{id}");
        Assert.Equal("open", item.GetProperty("status").GetString());
        Assert.Equal(1, item.GetProperty("relapseCount").GetInt32());
        var relapsed = await p.Supervisor.GetOkAsync("/api/v1/rectifications?relapsed=true&pageSize=200");
        Assert.Contains(relapsed.GetProperty("items").EnumerateArray(), i => i.Id() == id);
    }

    [Fact]
    public async Task The_zero_report_list_names_units_without_self_inspection_in_the_period()
    {
        var p = await PeopleAsync();
        var silent = await p.Admin.CreateUnitAsync(app, "township", await p.Admin.RootUnitIdAsync(), "沉默乡");
        var section = await p.Admin.CreateUnitAsync(app, "section", p.Unit, "清河镇党政办");
        var sectionStaff = await p.Admin.UserAsync(app, section, "unit");
        await sectionStaff.PostOkAsync("/api/v1/clues", new { source = "self", unitId = section, problemType = "laxity", content = "党政办自查发现值班脱岗" }, HttpStatusCode.Created);

        var list = await p.Supervisor.GetOkAsync("/api/v1/watch/zero-report?period=2026-11");
        var ids = list.EnumerateArray().Select(u => u.GetProperty("unitId").GetString()).ToList();
        Assert.Contains(silent, ids);
        Assert.DoesNotContain(p.Unit, ids); // its section reported for it
        Assert.All(list.EnumerateArray(), u => Assert.False(string.IsNullOrEmpty(u.GetProperty("name").GetString())));
        var december = await p.Supervisor.GetOkAsync("/api/v1/watch/zero-report?period=2026-12");
        Assert.Contains(p.Unit, december.EnumerateArray().Select(u => u.GetProperty("unitId").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await p.UnitStaff.GetAsync("/api/v1/watch/zero-report?period=2026-11")).StatusCode);
    }
}
