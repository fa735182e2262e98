using Zhengfeng.Tests.Campaigns;

namespace Zhengfeng.Tests.Cases;

/// <summary>Moves the clock: its own app.</summary>
public sealed class InboxCountTests
{
    [Fact]
    public async Task Each_box_counts_exactly_the_cases_it_lists()
    {
        await using var app = await AppFactory.StartAsync();
        var s = await CaseScenario.CreateAsync(app); // Monday 2026-11-02 09:00
        await s.DispatchedCaseAsync(); // 待签收, overdue once the clock moves
        var (signed, _) = await s.DispatchedCaseAsync();
        await s.LeadStaff.PostOkAsync($"/api/v1/cases/{signed}/sign", new { });
        var (returning, _) = await s.DispatchedCaseAsync();
        await s.LeadStaff.PostOkAsync($"/api/v1/cases/{returning}/return-requests", new { reason = "属于交通部门职责" });
        await s.RepliedCaseAsync();
        await s.RepliedCaseAsync();

        app.Clock.Advance(TimeSpan.FromDays(8)); // Tuesday 11-10: the open cases are past their deadlines
        var admin = await app.AdminAsync();
        var staff = await admin.UserAsync(app, s.LeadUnit, "unit");
        var dispatcher = await admin.UserAsync(app, await admin.RootUnitIdAsync(), "dispatcher");
        var root = await admin.RootUnitIdAsync();
        var fresh = await (await admin.UserAsync(app, root, "operator")).PostOkAsync("/api/v1/cases", new
        {
            kind = "complaint", categoryCode = "roads", title = "路灯不亮", content = "幸福路路灯连续三晚不亮。", channel = "hotline", urgent = true,
        }, System.Net.HttpStatusCode.Created);
        await dispatcher.PostOkAsync($"/api/v1/cases/{fresh.Id()}/dispatch", new { leadUnitId = s.LeadUnit });

        var counts = (await staff.GetOkAsync("/api/v1/inbox")).GetProperty("boxes").EnumerateArray()
            .ToDictionary(b => b.GetProperty("box").GetString()!, b => b.GetProperty("count").GetInt32());
        Assert.Equal(["tosign", "handling", "duesoon", "overdue", "returning", "done"], counts.Keys);
        foreach (var (box, count) in counts)
        {
            var listed = (await staff.GetOkAsync($"/api/v1/inbox?box={box}&take=200")).GetProperty("items").GetArrayLength();
            Assert.True(count == listed, $"{box}: counted {count}, listed {listed}");
        }
        Assert.Equal((2, 1, 1, 3, 2), (counts["tosign"], counts["handling"], counts["returning"], counts["overdue"], counts["done"]));
        var page = await CampaignScenario.PageAsync(staff, "/inbox");
        Assert.Contains("近30日办结", page);

        // A month later the replies have left the 办结 box (the case list still has them); the open work is all counted.
        app.Clock.Advance(TimeSpan.FromDays(31));
        staff = await (await app.AdminAsync()).UserAsync(app, s.LeadUnit, "unit"); // the sign-in has run out meanwhile
        var later = (await staff.GetOkAsync("/api/v1/inbox?box=done")).GetProperty("boxes").EnumerateArray()
            .ToDictionary(b => b.GetProperty("box").GetString()!, b => b.GetProperty("count").GetInt32());
        Assert.Equal((0, 4), (later["done"], later["overdue"])); // the urgent case too, by now
        Assert.Equal(0, (await staff.GetOkAsync("/api/v1/inbox?box=done")).GetProperty("items").GetArrayLength());
        Assert.Equal(6, (await staff.GetOkAsync($"/api/v1/cases?unitId={s.LeadUnit}")).GetProperty("total").GetInt32());
    }
}
