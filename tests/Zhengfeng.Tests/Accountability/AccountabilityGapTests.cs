using System.Net;

namespace Zhengfeng.Tests.Accountability;

/// <summary>重整改、轻追责: a clue verified true long ago with no accountability case is listed until a case names it.</summary>
public sealed class AccountabilityGapTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_verified_clue_without_accountability_is_listed_after_the_set_days_until_a_case_is_opened_on_it()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var unit = await admin.CreateUnitAsync(app, "township", root, "石门镇");
        var office = await admin.CreateUnitAsync(app, "department", root, "县作风办");
        var supervisor = await admin.UserAsync(app, office, "supervisor");
        var inspector = await admin.UserAsync(app, office, "inspector");
        var unitStaff = await admin.UserAsync(app, unit, "unit");
        var clue = await supervisor.PostOkAsync("/api/v1/clues",
            new { source = "mystery", unitId = unit, problemType = "shirking", content = "石门镇便民服务中心上班时间无人在岗" }, HttpStatusCode.Created);
        await inspector.PostOkAsync($"/api/v1/clues/{clue.Id()}/verification", new { result = "true", note = "暗访属实" });

        Assert.DoesNotContain((await inspector.GetOkAsync($"/api/v1/accountability/gaps?unitId={unit}")).EnumerateArray(), g => g.Id() == clue.Id());
        app.Clock.Advance(TimeSpan.FromDays(31));
        admin = await app.AdminAsync(); // tokens expire with the clock
        inspector = await admin.UserAsync(app, office, "inspector");
        unitStaff = await admin.UserAsync(app, unit, "unit");
        var gap = Assert.Single((await inspector.GetOkAsync($"/api/v1/accountability/gaps?unitId={unit}")).EnumerateArray(), g => g.Id() == clue.Id());
        Assert.Equal("clue", gap.GetProperty("kind").GetString());
        Assert.Equal(31, gap.GetProperty("days").GetInt32());
        var page = WebUtility.HtmlDecode(await inspector.GetStringAsync($"/accountability/gaps?unitId={unit}"));
        Assert.Contains("上班时间无人在岗", page);
        await (await unitStaff.GetAsync("/api/v1/accountability/gaps")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await inspector.GetAsync("/api/v1/accountability/gaps?days=-1")).ProblemAsync(HttpStatusCode.BadRequest);

        await inspector.PostOkAsync("/api/v1/accountability", new { unitId = unit, clueId = clue.Id(), facts = "上班时间无人在岗" }, HttpStatusCode.Created);
        Assert.DoesNotContain((await inspector.GetOkAsync($"/api/v1/accountability/gaps?unitId={unit}")).EnumerateArray(), g => g.Id() == clue.Id());
    }
}
