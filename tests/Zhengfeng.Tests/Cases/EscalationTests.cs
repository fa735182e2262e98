using System.Net;

namespace Zhengfeng.Tests.Cases;

/// <summary>Cases that keep coming back become problem clues about the unit.</summary>
public sealed class EscalationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_second_bad_rating_after_rework_registers_a_clue()
    {
        var s = await CaseScenario.CreateAsync(app);
        var (id, code) = await s.RepliedCaseAsync();
        await app.Anonymous().PostOkAsync($"/public/v1/cases/{code}/rating", new { level = 2 });
        await s.LeadStaff.PostOkAsync($"/api/v1/cases/{id}/reply", new { content = "已再次处理。", outcome = "resolved" });
        await app.Anonymous().PostOkAsync($"/public/v1/cases/{code}/rating", new { level = 1, comment = "还是没修" });

        var inspector = await s.Admin.UserAsync(app, await s.Admin.RootUnitIdAsync(), "inspector");
        var clues = await inspector.GetOkAsync($"/api/v1/clues?unitId={s.LeadUnit}&source=case");
        var clue = Assert.Single(clues.GetProperty("items").EnumerateArray());
        Assert.Equal(id, clue.GetProperty("caseId").GetString());
        Assert.Equal("registered", clue.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_third_repeat_complaint_to_the_same_unit_registers_one_clue()
    {
        var s = await CaseScenario.CreateAsync(app);
        for (var i = 0; i < 4; i++)
        {
            await s.DispatchedCaseAsync(); // same reporter phone, same category, same unit
        }
        var inspector = await s.Admin.UserAsync(app, await s.Admin.RootUnitIdAsync(), "inspector");
        var clues = await inspector.GetOkAsync($"/api/v1/clues?unitId={s.LeadUnit}&source=case");
        var clue = Assert.Single(clues.GetProperty("items").EnumerateArray());
        Assert.Contains("第3次", clue.GetProperty("content").GetString());
        Assert.Equal(HttpStatusCode.OK, (await inspector.GetAsync($"/api/v1/clues/{clue.Id()}")).StatusCode);
    }
}
