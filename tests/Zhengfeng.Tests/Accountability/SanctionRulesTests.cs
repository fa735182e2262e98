using System.Net;
using System.Net.Http.Json;

namespace Zhengfeng.Tests.Accountability;

/// <summary>政务处分法 Art. 15 (several acts in one decision) and 问责条例 Art. 8 (forms for leading cadres only), over HTTP.</summary>
public sealed class SanctionRulesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record Setup(HttpClient Inspector, string Unit, string Leading, string Staff);

    private async Task<Setup> SetupAsync()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var unit = await admin.CreateUnitAsync(app, "township", root, "石桥镇");
        var office = await admin.CreateUnitAsync(app, "department", root, "县纪委监委");
        var leading = (await admin.PostOkAsync("/api/v1/cadres", new { name = "孙所长", unitId = unit, post = "国土所所长", rank = "deputysection" }, HttpStatusCode.Created)).Id();
        var staff = (await admin.PostOkAsync("/api/v1/cadres", new { name = "周科员", unitId = unit, post = "国土所科员", rank = "staff" }, HttpStatusCode.Created)).Id();
        return new Setup(await admin.UserAsync(app, office, "inspector"), unit, leading, staff);
    }

    private static async Task<string> InvestigatingAsync(Setup s, string cadreId)
    {
        var opened = await s.Inspector.PostOkAsync("/api/v1/accountability", new { cadreId, facts = "违规办理宅基地审批并长期拖延群众诉求" }, HttpStatusCode.Created);
        await s.Inspector.PostOkAsync($"/api/v1/accountability/{opened.Id()}/investigation", new { });
        return opened.Id();
    }

    [Fact]
    public async Task Sanctions_of_different_kinds_execute_the_heaviest_with_its_own_period()
    {
        var s = await SetupAsync();
        var id = await InvestigatingAsync(s, s.Leading);
        var decided = await s.Inspector.PostOkAsync($"/api/v1/accountability/{id}/decision",
            new { decision = "两项违法行为分别给予警告、记大过，执行记大过", sanctions = new[] { "warning", "majordemerit" }, sanctionFrom = "2026-11-02", category = 2 });
        Assert.Equal("majordemerit", decided.GetProperty("sanction").GetString());
        Assert.Equal(18, decided.GetProperty("sanctionMonths").GetInt32());
        Assert.Equal("2028-05-02", decided.GetProperty("sanctionUntil").GetString());
        Assert.Equal(["warning", "majordemerit"], decided.GetProperty("sanctionActs").EnumerateArray().Select(a => a.GetString()));

        var sanction = Assert.Single((await s.Inspector.GetOkAsync($"/api/v1/cadres/{s.Leading}/integrity-file")).GetProperty("sanctions").EnumerateArray());
        Assert.Equal("记大过", sanction.GetProperty("label").GetString());
        Assert.Equal(["警告", "记大过"], sanction.GetProperty("acts").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Equal_sanctions_below_dismissal_take_the_combined_period_the_decider_sets()
    {
        var s = await SetupAsync();
        var id = await InvestigatingAsync(s, s.Leading);
        var decided = await s.Inspector.PostOkAsync($"/api/v1/accountability/{id}/decision",
            new { decision = "两项违法行为均应给予记过，合并确定处分期间二十个月", sanctions = new[] { "demerit", "demerit" }, combinedMonths = 20, sanctionFrom = "2026-11-02", category = 2 });
        Assert.Equal("demerit", decided.GetProperty("sanction").GetString());
        Assert.Equal(20, decided.GetProperty("sanctionMonths").GetInt32());
        Assert.Equal("2028-07-02", decided.GetProperty("sanctionUntil").GetString());
        Assert.True(decided.GetProperty("sanctionInEffect").GetBoolean());
    }

    [Fact]
    public async Task Four_major_demerits_may_combine_to_forty_eight_months_but_not_more()
    {
        var s = await SetupAsync();
        var id = await InvestigatingAsync(s, s.Leading);
        var acts = new[] { "majordemerit", "majordemerit", "majordemerit", "majordemerit" };
        var detail = await (await s.Inspector.PostAsJsonAsync($"/api/v1/accountability/{id}/decision",
            new { decision = "四项行为均应给予记大过", sanctions = acts, combinedMonths = 49, category = 3 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("48", detail);
        var decided = await s.Inspector.PostOkAsync($"/api/v1/accountability/{id}/decision",
            new { decision = "四项行为均应给予记大过，合并确定处分期间四十八个月", sanctions = acts, combinedMonths = 48, category = 3, sanctionFrom = "2026-11-02" });
        Assert.Equal(48, decided.GetProperty("sanctionMonths").GetInt32());
        Assert.Equal("2030-11-02", decided.GetProperty("sanctionUntil").GetString());
    }

    [Theory]
    [InlineData(new[] { "demerit", "demerit" }, 25, "12至24个月")]   // more than the sum of the periods
    [InlineData(new[] { "demerit", "demerit" }, 11, "12至24个月")]   // less than one period
    [InlineData(new[] { "demerit", "demerit" }, null, "请在12至24个月之间确定")]
    [InlineData(new[] { "warning", "demerit" }, 12, "执行其中最重的“记过”")]
    [InlineData(new[] { "dismissal", "dismissal" }, 36, "撤职以下")]
    [InlineData(new[] { "warning" }, 6, "不需要合并")]
    public async Task A_combined_period_outside_article_15_is_refused_in_chinese(string[] acts, int? combinedMonths, string expected)
    {
        var s = await SetupAsync();
        var id = await InvestigatingAsync(s, s.Leading);
        var detail = await (await s.Inspector.PostAsJsonAsync($"/api/v1/accountability/{id}/decision",
            new { decision = "多项违法行为合并处理", sanctions = acts, combinedMonths, category = 2 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(expected, detail);
        Assert.Equal("investigating", (await s.Inspector.GetOkAsync($"/api/v1/accountability/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Sanction_and_sanctions_together_are_refused()
    {
        var s = await SetupAsync();
        var id = await InvestigatingAsync(s, s.Leading);
        var detail = await (await s.Inspector.PostAsJsonAsync($"/api/v1/accountability/{id}/decision",
            new { decision = "重复填写", sanction = "warning", sanctions = new[] { "demerit" }, category = 2 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("只能填写其一", detail);
    }

    [Theory]
    [InlineData("circular", "通报")]
    [InlineData("admonition", "诫勉")]
    [InlineData("organisational", "组织调整或者组织处理")]
    [InlineData("disciplinary", "纪律处分")]
    public async Task A_form_for_leading_cadres_on_a_staff_member_is_refused(string form, string label)
    {
        var s = await SetupAsync();
        var id = await InvestigatingAsync(s, s.Staff);
        var detail = await (await s.Inspector.PostAsJsonAsync($"/api/v1/accountability/{id}/decision",
            new { decision = "对一般干部问责", forms = new[] { form }, category = 1 })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("不是领导干部", detail);
        Assert.Contains(label, detail);
    }

    [Fact]
    public async Task A_staff_member_may_still_be_given_a_government_sanction()
    {
        var s = await SetupAsync();
        var id = await InvestigatingAsync(s, s.Staff);
        var decided = await s.Inspector.PostOkAsync($"/api/v1/accountability/{id}/decision", new { decision = "给予警告处分", sanction = "warning", category = 2 });
        Assert.Equal("warning", decided.GetProperty("sanction").GetString());
        Assert.Equal(6, decided.GetProperty("sanctionMonths").GetInt32());
    }

    [Fact]
    public async Task A_unit_whose_head_is_not_a_leading_cadre_cannot_have_the_head_admonished()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var unit = await admin.CreateUnitAsync(app, "section", root, "综合股");
        var head = (await admin.PostOkAsync("/api/v1/cadres", new { name = "吴股长", unitId = unit, post = "股长", rank = "staff" }, HttpStatusCode.Created)).Id();
        var u = await admin.GetOkAsync($"/api/v1/units/{unit}");
        await admin.PutAsJsonAsync($"/api/v1/units/{unit}",
            new { name = u.GetProperty("name").GetString(), code = u.GetProperty("code").GetString(), kind = "section", parentId = root, headId = head });
        var inspector = await admin.UserAsync(app, root, "inspector");
        var opened = await inspector.PostOkAsync("/api/v1/accountability", new { unitId = unit, facts = "综合股推诿扯皮" }, HttpStatusCode.Created);
        await inspector.PostOkAsync($"/api/v1/accountability/{opened.Id()}/investigation", new { });
        var detail = await (await inspector.PostAsJsonAsync($"/api/v1/accountability/{opened.Id()}/decision",
            new { decision = "通报并诫勉股长", forms = new[] { "circular" }, headForms = new[] { "admonition" }, category = 1 })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("主要负责人吴股长", detail);
    }

    [Fact]
    public async Task Findings_are_recorded_only_while_investigating()
    {
        var s = await SetupAsync();
        var opened = await s.Inspector.PostOkAsync("/api/v1/accountability", new { cadreId = s.Leading, facts = "拖延审批" }, HttpStatusCode.Created);
        await (await s.Inspector.PostAsJsonAsync($"/api/v1/accountability/{opened.Id()}/findings", new { findings = "尚未调查" })).ProblemAsync(HttpStatusCode.Conflict);
        await s.Inspector.PostOkAsync($"/api/v1/accountability/{opened.Id()}/investigation", new { });
        var recorded = await s.Inspector.PostOkAsync($"/api/v1/accountability/{opened.Id()}/findings", new { findings = "经调阅台账，12件审批超期均无正当理由" });
        Assert.Equal("经调阅台账，12件审批超期均无正当理由", recorded.GetProperty("findings").GetString());
    }

    [Fact]
    public async Task A_refusal_names_the_criteria_the_decider_found_not_met()
    {
        var s = await SetupAsync();
        var id = await InvestigatingAsync(s, s.Leading);
        var applied = await s.Inspector.PostOkAsync("/api/v1/exemptions", new
        {
            cadreId = s.Leading, accountabilityCaseId = id, facts = "为加快项目落地简化审批环节",
            publicPurpose = true, noPersonalGain = true, noBreachOfLaw = true, noMajorLoss = true, timelyRemedy = true, procedureFollowed = true,
        }, HttpStatusCode.Created);
        var none = await (await s.Inspector.PostAsJsonAsync($"/api/v1/exemptions/{applied.Id()}/decision", new { approve = false, reason = "不予认定" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("请指出不符合", none);
        var refused = await s.Inspector.PostOkAsync($"/api/v1/exemptions/{applied.Id()}/decision",
            new { approve = false, reason = "简化环节未经集体研究", failedCriteria = new[] { "procedureFollowed" } });
        Assert.Equal(["履行了决策程序"], refused.GetProperty("refusedCriteria").EnumerateArray().Select(c => c.GetString()));
    }
}
