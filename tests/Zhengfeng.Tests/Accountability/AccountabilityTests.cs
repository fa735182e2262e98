using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Zhengfeng.Tests.Accountability;

public sealed class AccountabilityTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record People(HttpClient Admin, HttpClient Supervisor, HttpClient Inspector, HttpClient Leader, HttpClient UnitStaff,
        string Unit, string Head, string Deputy, string Clerk);

    private async Task<People> PeopleAsync()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var unit = await admin.CreateUnitAsync(app, "township", root, "柳河镇");
        var other = await admin.CreateUnitAsync(app, "department", root, "县纪委监委");
        var head = await CadreAsync(admin, unit, "王书记", "section");
        var deputy = await CadreAsync(admin, unit, "李副镇长", "deputysection");
        var clerk = await CadreAsync(admin, unit, "赵站长", "deputysection");
        var u = await admin.GetOkAsync($"/api/v1/units/{unit}");
        await admin.PutAsJsonAsync($"/api/v1/units/{unit}", new
        {
            name = u.GetProperty("name").GetString(), code = u.GetProperty("code").GetString(), kind = "township", parentId = root, headId = head, deputyId = deputy,
        });
        return new People(admin,
            await admin.UserAsync(app, other, "supervisor"),
            await admin.UserAsync(app, other, "inspector"),
            await admin.UserAsync(app, other, "leader"),
            await admin.UserAsync(app, unit, "unit"),
            unit, head, deputy, clerk);
    }

    private static async Task<string> CadreAsync(HttpClient admin, string unitId, string name, string rank)
        => (await admin.PostOkAsync("/api/v1/cadres", new { name, unitId, post = "领导职务", rank }, HttpStatusCode.Created)).Id();

    private static async Task<string> VerifiedClueAsync(People p, string? personId = null)
    {
        var clue = await p.Supervisor.PostOkAsync("/api/v1/clues",
            new { source = "report", unitId = p.Unit, personId, problemType = "shirking", content = "群众反映镇便民服务中心长期推诿扯皮" }, HttpStatusCode.Created);
        await p.Inspector.PostOkAsync($"/api/v1/clues/{clue.Id()}/verification", new { result = "true", note = "走访核实属实" });
        return clue.Id();
    }

    private static async Task<string> InvestigatingCadreCaseAsync(People p)
    {
        var opened = await p.Inspector.PostOkAsync("/api/v1/accountability", new { cadreId = p.Clerk, facts = "分管站所长期推诿群众诉求" }, HttpStatusCode.Created);
        await p.Inspector.PostOkAsync($"/api/v1/accountability/{opened.Id()}/investigation", new { });
        return opened.Id();
    }

    private static object AllCriteria(string cadreId, string? caseId, bool noPersonalGain = true) => new
    {
        cadreId, accountabilityCaseId = caseId, facts = "为推进土地流转改革先行先试，程序经党委会研究",
        publicPurpose = true, publicPurposeNote = "推进改革试点", noPersonalGain, noBreachOfLaw = true, noMajorLoss = true,
        timelyRemedy = true, timelyRemedyNote = "发现问题后当即纠正", procedureFollowed = true,
    };

    [Fact]
    public async Task A_unit_case_from_a_verified_clue_traces_head_and_deputy_and_is_decided_with_circular_and_admonition()
    {
        var p = await PeopleAsync();
        var opened = await p.Inspector.PostOkAsync("/api/v1/accountability", new { unitId = p.Unit, clueId = await VerifiedClueAsync(p), facts = "便民服务中心推诿扯皮，群众反映强烈" }, HttpStatusCode.Created);
        Assert.Equal("opened", opened.GetProperty("status").GetString());
        Assert.Equal(p.Head, opened.GetProperty("headId").GetString());
        Assert.Equal(p.Deputy, opened.GetProperty("deputyId").GetString());

        await (await p.Inspector.PostAsJsonAsync($"/api/v1/accountability/{opened.Id()}/decision",
            new { decision = "未经调查", forms = new[] { "circular" }, category = 1 })).ProblemAsync(HttpStatusCode.Conflict);
        await p.Inspector.PostOkAsync($"/api/v1/accountability/{opened.Id()}/investigation", new { });
        var decided = await p.Inspector.PostOkAsync($"/api/v1/accountability/{opened.Id()}/decision",
            new { decision = "对柳河镇党委予以通报，对党委书记诫勉", forms = new[] { "circular" }, headForms = new[] { "admonition" }, category = 1 });
        Assert.Equal("decided", decided.GetProperty("status").GetString());
        Assert.Equal(["circular"], decided.GetProperty("forms").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["admonition"], decided.GetProperty("headForms").EnumerateArray().Select(f => f.GetString()));

        var headFile = await p.Inspector.GetOkAsync($"/api/v1/cadres/{p.Head}/integrity-file");
        var entry = Assert.Single(headFile.GetProperty("cases").EnumerateArray());
        Assert.Equal("head", entry.GetProperty("role").GetString());
        Assert.Equal(["诫勉"], entry.GetProperty("formsOnCadre").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("deputy", Assert.Single((await p.Inspector.GetOkAsync($"/api/v1/cadres/{p.Deputy}/integrity-file")).GetProperty("cases").EnumerateArray()).GetProperty("role").GetString());
    }

    [Fact]
    public async Task An_unverified_clue_cannot_be_the_source()
    {
        var p = await PeopleAsync();
        var clue = await p.Supervisor.PostOkAsync("/api/v1/clues", new { source = "report", unitId = p.Unit, problemType = "shirking", content = "尚未核查的举报" }, HttpStatusCode.Created);
        var detail = await (await p.Inspector.PostAsJsonAsync("/api/v1/accountability", new { unitId = p.Unit, clueId = clue.Id(), facts = "据举报问责" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("核实属实", detail);
    }

    [Fact]
    public async Task A_cadre_given_a_demerit_has_it_in_effect_for_twelve_months_on_the_integrity_file()
    {
        var p = await PeopleAsync();
        await VerifiedClueAsync(p, p.Clerk);
        var id = await InvestigatingCadreCaseAsync(p);
        var decided = await p.Inspector.PostOkAsync($"/api/v1/accountability/{id}/decision",
            new { decision = "给予记过处分，并予以通报、诫勉", forms = new[] { "circular", "admonition" }, sanction = "demerit", category = 2 });
        var from = DateOnly.Parse(decided.GetProperty("sanctionFrom").GetString()!);
        Assert.Equal(new DateOnly(2026, 11, 2), from);

        var file = await p.Inspector.GetOkAsync($"/api/v1/cadres/{p.Clerk}/integrity-file");
        var sanction = Assert.Single(file.GetProperty("sanctions").EnumerateArray());
        Assert.Equal("记过", sanction.GetProperty("label").GetString());
        Assert.True(sanction.GetProperty("inEffect").GetBoolean());
        Assert.Equal(from.AddMonths(12), DateOnly.Parse(sanction.GetProperty("until").GetString()!));
        Assert.Equal("subject", Assert.Single(file.GetProperty("cases").EnumerateArray()).GetProperty("role").GetString());
        Assert.Single(file.GetProperty("clues").EnumerateArray());
    }

    [Fact]
    public async Task An_organisation_form_on_a_cadre_is_refused()
    {
        var p = await PeopleAsync();
        var id = await InvestigatingCadreCaseAsync(p);
        var detail = await (await p.Inspector.PostAsJsonAsync($"/api/v1/accountability/{id}/decision",
            new { decision = "责令改组", forms = new[] { "reorganisation" }, category = 2 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("改组", detail);
    }

    [Fact]
    public async Task An_exemption_meeting_all_criteria_closes_the_case_without_accountability()
    {
        var p = await PeopleAsync();
        var id = await InvestigatingCadreCaseAsync(p);
        var applied = await p.Inspector.PostOkAsync("/api/v1/exemptions", AllCriteria(p.Clerk, id), HttpStatusCode.Created);
        Assert.Equal("applied", applied.GetProperty("status").GetString());
        var approved = await p.Leader.PostOkAsync($"/api/v1/exemptions/{applied.Id()}/decision", new { approve = true, reason = "符合三个区分开来，予以容错" });
        Assert.Equal("approved", approved.GetProperty("status").GetString());

        var closed = await p.Inspector.GetOkAsync($"/api/v1/accountability/{id}");
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Contains("免予问责", closed.GetProperty("closedReason").GetString());
        Assert.Equal(applied.Id(), closed.GetProperty("exemptionId").GetString());
        var file = await p.Inspector.GetOkAsync($"/api/v1/cadres/{p.Clerk}/integrity-file");
        Assert.Equal("approved", Assert.Single(file.GetProperty("exemptions").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_exemption_with_a_failing_criterion_cannot_be_approved_and_is_refused_with_the_reason()
    {
        var p = await PeopleAsync();
        var id = await InvestigatingCadreCaseAsync(p);
        var applied = await p.Inspector.PostOkAsync("/api/v1/exemptions", AllCriteria(p.Clerk, id, noPersonalGain: false), HttpStatusCode.Created);
        var detail = await (await p.Leader.PostAsJsonAsync($"/api/v1/exemptions/{applied.Id()}/decision", new { approve = true, reason = "拟予容错" })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("未谋取私利", detail);

        var refused = await p.Inspector.PostOkAsync($"/api/v1/exemptions/{applied.Id()}/decision", new { approve = false, reason = "为亲属企业谋取利益，不符合容错条件" });
        Assert.Equal("refused", refused.GetProperty("status").GetString());
        Assert.Contains("谋取利益", refused.GetProperty("decisionReason").GetString());
        Assert.Equal("investigating", (await p.Inspector.GetOkAsync($"/api/v1/accountability/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_unit_role_gets_403()
    {
        var p = await PeopleAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await p.UnitStaff.PostAsJsonAsync("/api/v1/accountability", new { cadreId = p.Clerk, facts = "单位自行问责" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.UnitStaff.GetAsync($"/api/v1/cadres/{p.Clerk}/integrity-file")).StatusCode);
        var id = await InvestigatingCadreCaseAsync(p);
        var applied = await p.Inspector.PostOkAsync("/api/v1/exemptions", AllCriteria(p.Clerk, id), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.Supervisor.PostAsJsonAsync($"/api/v1/exemptions/{applied.Id()}/decision", new { approve = true, reason = "督查员无权认定" })).StatusCode);
        Assert.Equal(JsonValueKind.Object, (await p.Leader.GetOkAsync($"/api/v1/cadres/{p.Clerk}/integrity-file")).ValueKind);
    }

    [Fact]
    public async Task The_pages_show_the_ledger_and_the_integrity_file()
    {
        var p = await PeopleAsync();
        await InvestigatingCadreCaseAsync(p);
        var list = WebUtility.HtmlDecode(await p.Inspector.GetStringAsync("/accountability"));
        Assert.Contains("分管站所长期推诿群众诉求", list);
        var file = WebUtility.HtmlDecode(await p.Leader.GetStringAsync($"/cadres/{p.Clerk}/integrity"));
        Assert.Contains("赵站长 廉政档案", file);
        Assert.Contains("问责对象", file);
    }
}
