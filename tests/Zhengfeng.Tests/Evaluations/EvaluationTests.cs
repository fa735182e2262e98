using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Zhengfeng.Tests.Evaluations;

public sealed class EvaluationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<string> CampaignAsync(HttpClient admin, int year, params string[] unitIds)
    {
        var campaign = await admin.PostOkAsync("/api/v1/evaluations", new
        {
            name = $"{year}年度政风行风评议",
            year,
            unitIds,
            groups = new[] { new { group = "deputies", weight = 60 }, new { group = "public", weight = 40 } },
        }, HttpStatusCode.Created);
        Assert.Equal("draft", campaign.GetProperty("status").GetString());
        await admin.PostOkAsync($"/api/v1/evaluations/{campaign.Id()}/open", new { });
        return campaign.Id();
    }

    private static async Task<List<string>> BallotsAsync(HttpClient admin, string campaignId, string group, int count)
    {
        var issued = await admin.PostOkAsync($"/api/v1/evaluations/{campaignId}/ballots", new { group, count });
        return issued.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
    }

    private static Task<JsonElement> CastAsync(HttpClient anonymous, string code, params (string UnitId, string Level)[] ratings)
        => anonymous.PostOkAsync($"/public/v1/ballots/{code}", new { ratings = ratings.Select(r => new { unitId = r.UnitId, level = r.Level }) }, HttpStatusCode.NoContent);

    private static JsonElement ResultFor(JsonElement results, string unitId) => results.EnumerateArray().Single(r => r.GetProperty("unitId").GetString() == unitId);

    [Fact]
    public async Task Ballots_cast_through_the_public_endpoint_give_weighted_scores_and_verdicts()
    {
        var admin = await app.AdminAsync();
        var a = await admin.CreateUnitAsync(app, name: "县住建局");
        var b = await admin.CreateUnitAsync(app, name: "县市场监管局");
        var id = await CampaignAsync(admin, 2026, a, b);
        var deputies = await BallotsAsync(admin, id, "deputies", 2);
        var publics = await BallotsAsync(admin, id, "public", 2);
        var anonymous = app.Anonymous();

        var ballot = await anonymous.GetOkAsync($"/public/v1/ballots/{deputies[0]}");
        Assert.Equal(2, ballot.GetProperty("units").GetArrayLength());
        Assert.Equal("人大代表、政协委员", ballot.GetProperty("groupLabel").GetString());

        await CastAsync(anonymous, deputies[0], (a, "satisfied"), (b, "basic"));
        await CastAsync(anonymous, deputies[1], (a, "satisfied"), (b, "unsatisfied"));
        await CastAsync(anonymous, publics[0], (a, "satisfied"), (b, "basic"));
        await CastAsync(anonymous, publics[1], (a, "basic"), (b, "basic"));

        var reuse = await anonymous.PostAsJsonAsync($"/public/v1/ballots/{deputies[0]}", new { ratings = new[] { new { unitId = a, level = "unsatisfied" } } });
        await reuse.ProblemAsync(HttpStatusCode.Conflict);
        await (await anonymous.GetAsync("/public/v1/ballots/NOPE-NOPE-NOPE")).ProblemAsync(HttpStatusCode.NotFound);

        await admin.PostOkAsync($"/api/v1/evaluations/{id}/close", new { });
        var spare = await BallotsAsync(admin, await CampaignAsync(admin, 2026, a), "public", 1);
        Assert.Single(spare);

        var results = await admin.GetOkAsync($"/api/v1/evaluations/{id}/results");
        // A: deputies (100+100)/2 = 100, public (100+60)/2 = 80 → 0.6×100 + 0.4×80 = 92 → 满意
        var ra = ResultFor(results, a);
        Assert.Equal(92, ra.GetProperty("score").GetDouble());
        Assert.Equal("满意", ra.GetProperty("verdictLabel").GetString());
        Assert.Contains(ra.GetProperty("consequences").EnumerateArray(), c => c.GetProperty("kind").GetString() == "通报表扬");
        // B: deputies (60+0)/2 = 30, public (60+60)/2 = 60 → 0.6×30 + 0.4×60 = 42 → 不满意
        var rb = ResultFor(results, b);
        Assert.Equal(42, rb.GetProperty("score").GetDouble());
        Assert.Equal("不满意", rb.GetProperty("verdictLabel").GetString());
        Assert.Empty(rb.GetProperty("consequences").EnumerateArray());
    }

    [Fact]
    public async Task The_ballot_page_opens_without_login_and_lists_the_units()
    {
        var admin = await app.AdminAsync();
        var a = await admin.CreateUnitAsync(app, name: "县人社局");
        var code = (await BallotsAsync(admin, await CampaignAsync(admin, 2026, a), "public", 1))[0];
        var html = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync($"/ballot/{code}"));
        Assert.Contains("县人社局", html);
        Assert.Contains("基本满意", html);
    }

    [Fact]
    public async Task A_ballot_of_a_closed_campaign_is_refused_with_409()
    {
        var admin = await app.AdminAsync();
        var a = await admin.CreateUnitAsync(app);
        var id = await CampaignAsync(admin, 2026, a);
        var code = (await BallotsAsync(admin, id, "public", 1))[0];
        await admin.PostOkAsync($"/api/v1/evaluations/{id}/close", new { });
        var late = await app.Anonymous().PostAsJsonAsync($"/public/v1/ballots/{code}", new { ratings = new[] { new { unitId = a, level = "satisfied" } } });
        await late.ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsJsonAsync($"/api/v1/evaluations/{id}/open", new { })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Two_unsatisfied_years_flag_the_head_for_removal_and_the_deputy_for_accountability()
    {
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(app, name: "县自然资源局");
        var head = (await admin.PostOkAsync("/api/v1/cadres", new { name = "王局长", unitId = unit, post = "局长", rank = "section" }, HttpStatusCode.Created)).Id();
        var deputy = (await admin.PostOkAsync("/api/v1/cadres", new { name = "李副局长", unitId = unit, post = "副局长", rank = "deputysection" }, HttpStatusCode.Created)).Id();
        var current = await admin.GetOkAsync($"/api/v1/units/{unit}");
        await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/units/{unit}")
        {
            Content = JsonContent.Create(new
            {
                name = current.GetProperty("name").GetString(), code = current.GetProperty("code").GetString(),
                parentId = current.GetProperty("parentId").GetString(), kind = "department", headId = head, deputyId = deputy
            }),
        });

        string? last = null;
        foreach (var year in new[] { 2098, 2099 })
        {
            last = await CampaignAsync(admin, year, unit);
            await CastAsync(app.Anonymous(), (await BallotsAsync(admin, last, "public", 1))[0], (unit, "unsatisfied"));
            await admin.PostOkAsync($"/api/v1/evaluations/{last}/close", new { });
        }
        var result = ResultFor(await admin.GetOkAsync($"/api/v1/evaluations/{last}/results"), unit);
        var consequences = result.GetProperty("consequences").EnumerateArray().ToList();
        Assert.Contains(consequences, c => c.GetProperty("kind").GetString() == "建议免职" && c.GetProperty("cadreId").GetString() == head);
        Assert.Contains(consequences, c => c.GetProperty("kind").GetString() == "建议问责" && c.GetProperty("cadreId").GetString() == deputy);
    }
}
