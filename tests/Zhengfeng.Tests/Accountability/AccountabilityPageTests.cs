using System.Net;
using System.Net.Http.Json;

namespace Zhengfeng.Tests.Accountability;

/// <summary>The accountability pages as served: filters, what a source fills in, and who may open them.</summary>
public sealed class AccountabilityPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record Setup(HttpClient Admin, HttpClient Inspector, HttpClient Supervisor, string Root, string Unit, string Head, string Deputy, string Cadre);

    private async Task<Setup> SetupAsync(string township)
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var unit = await admin.CreateUnitAsync(app, "township", root, township);
        var head = (await admin.PostOkAsync("/api/v1/cadres", new { name = township + "书记", unitId = unit, post = "党委书记", rank = "section" }, HttpStatusCode.Created)).Id();
        var deputy = (await admin.PostOkAsync("/api/v1/cadres", new { name = township + "副镇长", unitId = unit, post = "副镇长", rank = "deputysection" }, HttpStatusCode.Created)).Id();
        var cadre = (await admin.PostOkAsync("/api/v1/cadres", new { name = township + "站长", unitId = unit, post = "站长", rank = "deputysection" }, HttpStatusCode.Created)).Id();
        var u = await admin.GetOkAsync($"/api/v1/units/{unit}");
        (await admin.PutAsJsonAsync($"/api/v1/units/{unit}",
            new { name = township, code = u.GetProperty("code").GetString(), kind = "township", parentId = root, headId = head, deputyId = deputy }))
            .EnsureSuccessStatusCode();
        return new Setup(admin, await admin.UserAsync(app, root, "inspector"), await admin.UserAsync(app, root, "supervisor"), root, unit, head, deputy, cadre);
    }

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_ledger_filters_by_status_and_by_the_subjects_name()
    {
        var s = await SetupAsync("青石镇");
        var a = await s.Inspector.PostOkAsync("/api/v1/accountability", new { cadreId = s.Cadre, facts = "青石镇农机补贴发放拖延" }, HttpStatusCode.Created);
        await s.Inspector.PostOkAsync($"/api/v1/accountability/{a.Id()}/investigation", new { });
        await s.Inspector.PostOkAsync("/api/v1/accountability", new { unitId = s.Unit, facts = "青石镇便民大厅窗口空岗" }, HttpStatusCode.Created);

        var investigating = await PageAsync(s.Inspector, "/accountability?status=investigating&q=青石镇");
        Assert.Contains("青石镇农机补贴发放拖延", investigating);
        Assert.DoesNotContain("青石镇便民大厅窗口空岗", investigating);
        var byName = await PageAsync(s.Inspector, "/accountability?status=active&q=青石镇站长");
        Assert.Contains("青石镇农机补贴发放拖延", byName);
        Assert.DoesNotContain("青石镇便民大厅窗口空岗", byName);
        Assert.Contains("共 1 件", byName);
    }

    [Fact]
    public async Task Opening_from_a_red_notice_fills_in_the_unit_with_its_head_and_deputy()
    {
        var s = await SetupAsync("白沙镇");
        var notice = await s.Supervisor.PostOkAsync("/api/v1/supervision-notices", new { unitId = s.Unit, level = "red", reason = "白沙镇连续三次超期未办结群众诉求" }, HttpStatusCode.Created);
        var html = await PageAsync(s.Inspector, $"/accountability/new?source=notice&noticeId={notice.Id()}");
        Assert.Contains($"<option value=\"{notice.Id()}\" selected=\"selected\"", html);
        Assert.Contains($"<option value=\"{s.Unit}\" selected=\"selected\"", html);
        Assert.Contains("<dd id=\"unit-head\">白沙镇书记</dd>", html);
        Assert.Contains("<dd id=\"unit-deputy\">白沙镇副镇长</dd>", html);
        Assert.Contains("白沙镇连续三次超期未办结群众诉求</textarea>", html);
    }

    [Fact]
    public async Task Opening_from_a_badly_rated_citizen_case_fills_in_its_lead_unit()
    {
        var scenario = await Cases.CaseScenario.CreateAsync(app);
        var (caseId, code) = await scenario.RepliedCaseAsync();
        (await scenario.Admin.PostAsJsonAsync($"/public/v1/cases/{code}/rating", new { level = 1, comment = "井盖仍未更换" })).EnsureSuccessStatusCode();
        var inspector = await scenario.Admin.UserAsync(app, await scenario.Admin.RootUnitIdAsync(), "inspector");
        var html = await PageAsync(inspector, $"/accountability/new?source=case&caseId={caseId}");
        Assert.Contains($"<option value=\"{caseId}\" selected=\"selected\"", html);
        Assert.Contains($"<option value=\"{scenario.LeadUnit}\" selected=\"selected\"", html);
        Assert.Contains("人行道井盖缺失</textarea>", html);
    }

    [Fact]
    public async Task The_decision_form_offers_only_forms_for_the_subject_and_greys_out_cadre_forms_for_staff()
    {
        var s = await SetupAsync("红岩镇");
        var staff = (await s.Admin.PostOkAsync("/api/v1/cadres", new { name = "红岩镇科员", unitId = s.Unit, post = "科员", rank = "staff" }, HttpStatusCode.Created)).Id();
        var unitCase = await s.Inspector.PostOkAsync("/api/v1/accountability", new { unitId = s.Unit, facts = "红岩镇推诿扯皮" }, HttpStatusCode.Created);
        await s.Inspector.PostOkAsync($"/api/v1/accountability/{unitCase.Id()}/investigation", new { });
        var unitPage = await PageAsync(s.Inspector, $"/accountability/{unitCase.Id()}");
        Assert.Contains("value=\"reorganisation\"", unitPage);
        Assert.Contains("对主要负责人（第一责任人）红岩镇书记 的问责方式", unitPage);
        Assert.Contains("对分管领导（一岗双责）红岩镇副镇长 的问责方式", unitPage);
        Assert.DoesNotContain("decide.Sanctions", unitPage);

        var staffCase = await s.Inspector.PostOkAsync("/api/v1/accountability", new { cadreId = staff, facts = "红岩镇科员态度生硬" }, HttpStatusCode.Created);
        await s.Inspector.PostOkAsync($"/api/v1/accountability/{staffCase.Id()}/investigation", new { });
        var staffPage = await PageAsync(s.Inspector, $"/accountability/{staffCase.Id()}");
        Assert.DoesNotContain("value=\"reorganisation\"", staffPage);
        Assert.Matches("name=\"decide.Forms\" value=\"admonition\"\\s+disabled=\"disabled\"", staffPage);
        Assert.Contains("不是领导干部", staffPage);
        Assert.Contains("警告（处分期间6个月）", staffPage);
    }

    [Fact]
    public async Task Unit_staff_and_intake_cannot_open_accountability_pages()
    {
        var s = await SetupAsync("金桥镇");
        var opened = await s.Inspector.PostOkAsync("/api/v1/accountability", new { cadreId = s.Cadre, facts = "金桥镇站长拖延" }, HttpStatusCode.Created);
        var exemption = await s.Inspector.PostOkAsync("/api/v1/exemptions", new { cadreId = s.Cadre, accountabilityCaseId = opened.Id(), facts = "改革试点" }, HttpStatusCode.Created);
        var unitStaff = await s.Admin.UserAsync(app, s.Unit, "unit");
        var otherUnit = await s.Admin.UserAsync(app, await s.Admin.CreateUnitAsync(app, "township", s.Root, "银湖镇"), "unit");
        var operatorClient = await s.Admin.UserAsync(app, s.Root, "operator");
        foreach (var url in new[] { "/accountability", "/accountability/new", $"/accountability/{opened.Id()}", "/exemptions", $"/cadres/{s.Cadre}/integrity" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await unitStaff.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync($"/exemptions/{exemption.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/exemptions/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherUnit.GetAsync($"/exemptions/{exemption.Id()}")).StatusCode);
        Assert.Contains("改革试点", await PageAsync(unitStaff, $"/exemptions/{exemption.Id()}"));
        var leader = await s.Admin.UserAsync(app, s.Root, "leader");
        Assert.Contains("金桥镇站长拖延", await PageAsync(leader, $"/accountability/{opened.Id()}"));
        Assert.DoesNotContain("开始调查", await PageAsync(leader, $"/accountability/{opened.Id()}"));
    }
}
