using System.Net;
using System.Net.Http.Json;
using Zhengfeng.Tests.Scores;
using static Zhengfeng.Tests.Scores.ScoreScenario;

namespace Zhengfeng.Tests.Honours;

/// <summary>表彰激励: nominated from the record, decided by a leader, announced in a praise bulletin; refusals with their reasons.</summary>
public sealed class HonourTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Task<System.Text.Json.JsonElement> NominateAsync(HttpClient client, string unitId, string? cadreId = null, string? title = null)
        => client.PostOkAsync("/api/v1/honours",
            new { year = 2026, title, nomineeType = cadreId is null ? "unit" : "cadre", unitId, cadreId, reason = "窗口服务零投诉" }, HttpStatusCode.Created);

    [Fact]
    public async Task A_unit_nominated_from_the_record_is_awarded_adds_to_its_score_and_is_praised_in_a_draft_bulletin()
    {
        var s = await CreateAsync(app);
        var unit = await s.UnitAsync("先进镇");
        var other = await s.UnitAsync("先进乙镇");

        var candidates = (await s.Supervisor.GetOkAsync("/api/v1/honours/candidates?year=2026&take=50")).EnumerateArray().ToList();
        var candidate = Assert.Single(candidates, c => c.GetProperty("unitId").GetString() == unit);
        Assert.Contains("综合考核得分100分", candidate.GetProperty("reason").GetString());
        Assert.Contains("无问责决定", candidate.GetProperty("reason").GetString());

        var nominated = await NominateAsync(s.Supervisor, unit);
        Assert.Equal("nominated", nominated.GetProperty("status").GetString());
        Assert.Equal("效能示范岗", nominated.GetProperty("title").GetString());
        var reason = nominated.GetProperty("reason").GetString()!;
        Assert.Contains("先进镇2026年度综合考核得分100分", reason);
        Assert.Contains("2026年度无问责决定", reason);
        Assert.Contains("窗口服务零投诉", reason);
        var second = await NominateAsync(s.Supervisor, other);

        var awarded = await s.Leader.PostOkAsync($"/api/v1/honours/{nominated.Id()}/award", new { note = "同意" });
        Assert.Equal("awarded", awarded.GetProperty("status").GetString());
        await s.Admin.PostOkAsync($"/api/v1/honours/{second.Id()}/award", new { });
        var honour = Assert.Single(Items(await s.ScoreOfAsync(unit), "honour"));
        Assert.Equal(2m, honour.GetProperty("points").GetDecimal());
        Assert.Equal(nominated.Id(), honour.GetProperty("sourceId").GetString());
        Assert.Contains("效能示范岗", honour.GetProperty("reason").GetString());

        var drafted = await s.Supervisor.PostOkAsync($"/api/v1/honours/{nominated.Id()}/bulletin", new { }, HttpStatusCode.Created);
        var bulletinId = drafted.GetProperty("bulletinId").GetString()!;
        Assert.Contains(second.Id(), drafted.GetProperty("honourIds").EnumerateArray().Select(i => i.GetString()));
        var bulletin = await s.Supervisor.GetOkAsync($"/api/v1/bulletins/{bulletinId}");
        Assert.Equal("praise", bulletin.GetProperty("kind").GetString());
        Assert.Equal("draft", bulletin.GetProperty("status").GetString());
        Assert.Contains("效能示范岗", bulletin.GetProperty("title").GetString());
        Assert.Contains("先进镇", bulletin.GetProperty("body").GetString());
        Assert.Contains("先进乙镇", bulletin.GetProperty("body").GetString());
        Assert.Equal(bulletinId, (await s.Leader.GetOkAsync($"/api/v1/honours/{second.Id()}")).GetProperty("bulletinId").GetString());
        await (await s.Supervisor.PostAsJsonAsync($"/api/v1/honours/{nominated.Id()}/bulletin", new { })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Empty(Items(await s.ScoreOfAsync(unit), "bulletin")); // a draft praises no one yet
        await s.Supervisor.PostOkAsync($"/api/v1/bulletins/{bulletinId}/issue", new { });
        var praise = Assert.Single(Items(await s.ScoreOfAsync(unit), "bulletin"));
        Assert.Equal(1m, praise.GetProperty("points").GetDecimal());
        Assert.Equal(bulletinId, praise.GetProperty("sourceId").GetString());
        Assert.Equal(103m, (await s.ScoreOfAsync(unit)).GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task A_unit_or_cadre_held_accountable_in_the_year_cannot_be_nominated_and_is_not_suggested()
    {
        var s = await CreateAsync(app);
        var unit = await s.UnitAsync("问责镇");
        await s.DecidedCaseOnUnitAsync(unit, "对问责镇党委予以通报");
        var clean = await s.UnitAsync("干部问责镇");
        var cadre = await s.CadreAsync(clean, "钱站长");
        var colleague = await s.CadreAsync(clean, "孙副镇长");
        await s.DecidedCaseOnCadreAsync(cadre, "对钱站长予以诫勉");

        var detail = await (await s.Supervisor.PostAsJsonAsync("/api/v1/honours",
            new { year = 2026, nomineeType = "unit", unitId = unit })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("问责镇2026年度有问责决定", detail);
        Assert.Contains("不能提名表彰", detail);
        detail = await (await s.Supervisor.PostAsJsonAsync("/api/v1/honours",
            new { year = 2026, nomineeType = "cadre", unitId = clean, cadreId = cadre })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("钱站长", detail);
        Assert.Contains("对钱站长予以诫勉", detail);
        await (await s.Supervisor.PostAsJsonAsync("/api/v1/honours",
            new { year = 2026, nomineeType = "unit", unitId = clean })).ProblemAsync(HttpStatusCode.Conflict); // a cadre of it was held accountable

        var candidates = (await s.Supervisor.GetOkAsync("/api/v1/honours/candidates?year=2026&take=50")).EnumerateArray().ToList();
        Assert.DoesNotContain(candidates, c => c.GetProperty("unitId").GetString() == unit);
        Assert.DoesNotContain(candidates, c => c.GetProperty("unitId").GetString() == clean);

        var nominated = await NominateAsync(s.Supervisor, clean, colleague); // the colleague has no accountability
        Assert.Equal("cadre", nominated.GetProperty("nomineeType").GetString());
        Assert.Equal("孙副镇长", nominated.GetProperty("cadreName").GetString());
        Assert.Contains("本人及所在单位2026年度无问责决定", nominated.GetProperty("reason").GetString());
        Assert.Contains("所在单位2026年度综合考核得分99分", nominated.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_duplicate_nomination_a_decline_without_a_note_and_bad_nominees_are_refused()
    {
        var s = await CreateAsync(app);
        var unit = await s.UnitAsync("重复镇");
        var nominated = await NominateAsync(s.Supervisor, unit);
        var detail = await (await s.Supervisor.PostAsJsonAsync("/api/v1/honours", new { year = 2026, title = "效能示范岗", nomineeType = "unit", unitId = unit }))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("不能重复提名", detail);
        await NominateAsync(s.Supervisor, unit, title: "服务标兵"); // another honour is another nomination

        detail = await (await s.Leader.PostAsJsonAsync($"/api/v1/honours/{nominated.Id()}/decline", new { note = " " })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("不予表彰须写明理由", detail);
        Assert.Equal("nominated", (await s.Leader.GetOkAsync($"/api/v1/honours/{nominated.Id()}")).GetProperty("status").GetString());
        await (await s.Supervisor.PostAsJsonAsync($"/api/v1/honours/{nominated.Id()}/bulletin", new { })).ProblemAsync(HttpStatusCode.Conflict);
        var declined = await s.Leader.PostOkAsync($"/api/v1/honours/{nominated.Id()}/decline", new { note = "该单位当年群众投诉较多" });
        Assert.Equal("declined", declined.GetProperty("status").GetString());
        Assert.Equal("该单位当年群众投诉较多", declined.GetProperty("decisionNote").GetString());
        await (await s.Leader.PostAsJsonAsync($"/api/v1/honours/{nominated.Id()}/award", new { })).ProblemAsync(HttpStatusCode.Conflict);

        await (await s.Supervisor.PostAsJsonAsync("/api/v1/honours", new { year = 2031, nomineeType = "unit", unitId = unit })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await s.Supervisor.PostAsJsonAsync("/api/v1/honours", new { year = 2026, nomineeType = "cadre", unitId = unit })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await s.Supervisor.PostAsJsonAsync("/api/v1/honours", new { year = 2026, nomineeType = "unit", unitId = "no-such-unit" })).ProblemAsync(HttpStatusCode.BadRequest);
        var elsewhere = await s.CadreAsync(await s.UnitAsync("别处镇"), "周干事");
        await (await s.Supervisor.PostAsJsonAsync("/api/v1/honours", new { year = 2026, nomineeType = "cadre", unitId = unit, cadreId = elsewhere }))
            .ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unit_staff_get_403_and_only_supervision_nominates_and_only_leaders_decide()
    {
        var s = await CreateAsync(app);
        var unit = await s.UnitAsync("权限乙镇");
        var nominated = await NominateAsync(s.Supervisor, unit);
        var staff = await s.Admin.UserAsync(app, unit, "unit");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/honours?year=2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/honours/candidates?year=2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/honours", new { year = 2026, nomineeType = "unit", unitId = unit })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"/api/v1/honours/{nominated.Id()}/award", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/honours")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Leader.PostAsJsonAsync("/api/v1/honours", new { year = 2026, nomineeType = "unit", unitId = unit })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Supervisor.PostAsJsonAsync($"/api/v1/honours/{nominated.Id()}/award", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Inspector.PostAsJsonAsync($"/api/v1/honours/{nominated.Id()}/decline", new { note = "不同意" })).StatusCode);
        var list = await s.Inspector.GetOkAsync("/api/v1/honours?year=2026");
        Assert.Contains(list.EnumerateArray(), h => h.Id() == nominated.Id());
    }

    [Fact]
    public async Task The_honours_page_lists_nominations_and_lets_supervisors_nominate_and_leaders_decide()
    {
        var s = await CreateAsync(app);
        var unit = await s.UnitAsync("页面镇");
        var supervisor = await s.BrowserAsync(s.Root, "supervisor");
        var page = await PageAsync(supervisor, "/honours?year=2026");
        Assert.Contains("推荐对象（“效能示范岗”）", page);
        Assert.Contains("提名 页面镇", page);

        var posted = await PostFormToAsync(supervisor, "/honours?year=2026", "/honours?year=2026&handler=Nominate", ("nominate.Year", "2026"), ("nominate.Title", "效能示范岗"),
            ("nominate.NomineeType", "unit"), ("nominate.UnitId", unit), ("nominate.Reason", "群众满意度高"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var honour = (await s.Supervisor.GetOkAsync("/api/v1/honours?year=2026")).EnumerateArray().Single(h => h.GetProperty("unitId").GetString() == unit);
        Assert.Equal("网页用户", honour.GetProperty("nominatedByName").GetString());

        var again = await PostFormToAsync(supervisor, "/honours?year=2026", "/honours?year=2026&handler=Nominate", ("nominate.Year", "2026"), ("nominate.Title", "效能示范岗"),
            ("nominate.NomineeType", "unit"), ("nominate.UnitId", unit));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("不能重复提名", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));

        var leader = await s.BrowserAsync(s.Root, "leader");
        var refused = await PostFormToAsync(leader, "/honours?year=2026", "/honours?year=2026&handler=Decline", ("id", honour.Id()), ("decide.Note", ""));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("不予表彰须写明理由", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var decided = await PostFormToAsync(leader, "/honours?year=2026", "/honours?year=2026&handler=Award", ("id", honour.Id()), ("decide.Note", "同意表彰"));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var list = await PageAsync(leader, "/honours?year=2026");
        Assert.Contains("已表彰", list);
        Assert.Contains("同意表彰", list);
        Assert.Contains($"<a href=\"/scores/{unit}/2026\">考核明细</a>", list);
    }
}
