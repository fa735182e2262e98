using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Features.Evaluations;

namespace Zhengfeng.Tests.Evaluations;

/// <summary>Turnout, codes handed out as a spreadsheet, and acting on a closed campaign's consequences.</summary>
public sealed class EvaluationFollowUpTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<string> OpenCampaignAsync(HttpClient admin, int year, params string[] unitIds)
    {
        var campaign = await admin.PostOkAsync("/api/v1/evaluations", new
        {
            name = $"{year}年度政风行风评议",
            year,
            unitIds,
            groups = new[] { new { group = "firms", weight = 50 }, new { group = "public", weight = 50 } },
        }, HttpStatusCode.Created);
        await admin.PostOkAsync($"/api/v1/evaluations/{campaign.Id()}/open", new { });
        return campaign.Id();
    }

    private static async Task<List<string>> CodesAsync(HttpClient admin, string id, string group, int count)
        => (await admin.PostOkAsync($"/api/v1/evaluations/{id}/ballots", new { group, count })).GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();

    private static Task<JsonElement> VoteAsync(HttpClient anonymous, string code, string unitId, string level)
        => anonymous.PostOkAsync($"/public/v1/ballots/{code}", new { ratings = new[] { new { unitId, level } } }, HttpStatusCode.NoContent);

    /// <summary>A unit with a head and a deputy on record, 不满意 in <paramref name="years"/> closed campaigns.</summary>
    private async Task<(HttpClient Admin, string Unit, string Head, string Deputy, string Campaign)> UnsatisfiedTwiceAsync(int firstYear, bool withLeaders = true)
    {
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(app, name: app.Unique("县林业局"));
        string head = "", deputy = "";
        if (withLeaders)
        {
            head = (await admin.PostOkAsync("/api/v1/cadres", new { name = "赵局长", unitId = unit, post = "局长", rank = "section" }, HttpStatusCode.Created)).Id();
            deputy = (await admin.PostOkAsync("/api/v1/cadres", new { name = "钱副局长", unitId = unit, post = "副局长", rank = "deputysection" }, HttpStatusCode.Created)).Id();
            var current = await admin.GetOkAsync($"/api/v1/units/{unit}");
            (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/units/{unit}")
            {
                Content = JsonContent.Create(new
                {
                    name = current.GetProperty("name").GetString(), code = current.GetProperty("code").GetString(),
                    parentId = current.GetProperty("parentId").GetString(), kind = "department", headId = head, deputyId = deputy
                }),
            })).EnsureSuccessStatusCode();
        }
        var id = "";
        foreach (var year in new[] { firstYear, firstYear + 1 })
        {
            id = await OpenCampaignAsync(admin, year, unit);
            await VoteAsync(app.Anonymous(), (await CodesAsync(admin, id, "public", 1))[0], unit, "unsatisfied");
            await admin.PostOkAsync($"/api/v1/evaluations/{id}/close", new { });
        }
        return (admin, unit, head, deputy, id);
    }

    private static async Task<List<JsonElement>> ConsequencesAsync(HttpClient admin, string campaign, string unit)
        => (await admin.GetOkAsync($"/api/v1/evaluations/{campaign}/results")).EnumerateArray()
            .Single(r => r.GetProperty("unitId").GetString() == unit).GetProperty("consequences").EnumerateArray().ToList();

    [Fact]
    public async Task Turnout_counts_issued_and_cast_ballots_per_group()
    {
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(app);
        var id = await OpenCampaignAsync(admin, 2026, unit);
        var firms = await CodesAsync(admin, id, "firms", 3);
        await CodesAsync(admin, id, "public", 2);
        await VoteAsync(app.Anonymous(), firms[0], unit, "satisfied");

        var turnout = (await admin.GetOkAsync($"/api/v1/evaluations/{id}/turnout")).EnumerateArray().ToList();
        var f = turnout.Single(t => t.GetProperty("group").GetString() == "firms");
        Assert.Equal("企业", f.GetProperty("label").GetString());
        Assert.Equal(3, f.GetProperty("issued").GetInt32());
        Assert.Equal(1, f.GetProperty("cast").GetInt32());
        Assert.Equal(33.3, f.GetProperty("percent").GetDouble());
        var p = turnout.Single(t => t.GetProperty("group").GetString() == "public");
        Assert.Equal((2, 0), (p.GetProperty("issued").GetInt32(), p.GetProperty("cast").GetInt32()));
    }

    [Fact]
    public async Task Codes_issued_as_a_spreadsheet_vote_once_and_are_stored_only_as_hashes()
    {
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(app);
        var id = await OpenCampaignAsync(admin, 2026, unit);
        var response = await admin.PostAsJsonAsync($"/api/v1/evaluations/{id}/ballots.xlsx", new { group = "firms", count = 2 });
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        Assert.Equal("评议码", sheet.Cell(1, 3).GetString());
        Assert.Equal("企业", sheet.Cell(2, 2).GetString());
        var codes = new[] { sheet.Cell(2, 3).GetString(), sheet.Cell(3, 3).GetString() };
        Assert.EndsWith($"/ballot/{codes[0]}", sheet.Cell(2, 4).GetString(), StringComparison.Ordinal);
        Assert.True(sheet.Cell(4, 3).IsEmpty());

        await VoteAsync(app.Anonymous(), codes[0], unit, "basic");
        var again = await app.Anonymous().PostAsJsonAsync($"/public/v1/ballots/{codes[0]}", new { ratings = new[] { new { unitId = unit, level = "satisfied" } } });
        Assert.Contains("只能投票一次", await again.ProblemAsync(HttpStatusCode.Conflict));

        await app.WithDbAsync(async db =>
        {
            var hashes = await db.Set<Ballot>().Where(b => b.CampaignId == id).Select(b => b.CodeHash).ToListAsync();
            Assert.Equal(2, hashes.Count);
            Assert.DoesNotContain(codes[1], hashes);
            Assert.Contains(EvaluationWorkflow.Hash(codes[1]), hashes);
        });
    }

    [Fact]
    public async Task An_inspector_referring_a_consequence_opens_an_accountability_case_against_the_cadre_only_once()
    {
        var (admin, _, head, deputy, campaign) = await UnsatisfiedTwiceAsync(2090);
        var unit = (await admin.GetOkAsync($"/api/v1/evaluations/{campaign}")).GetProperty("unitIds")[0].GetString()!;
        var accountability = (await ConsequencesAsync(admin, campaign, unit)).Single(c => c.GetProperty("kind").GetString() == "建议问责");
        Assert.Equal(deputy, accountability.GetProperty("cadreId").GetString());
        Assert.Equal(JsonValueKind.Null, accountability.GetProperty("accountabilityCaseId").ValueKind);

        // 纪检 reads the results and refers the consequence.
        var inspector = await admin.UserAsync(app, await admin.RootUnitIdAsync(), "inspector");
        Assert.Equal(2, (await ConsequencesAsync(inspector, campaign, unit)).Count);
        var referral = await inspector.PostOkAsync($"/api/v1/evaluations/{campaign}/consequences/{accountability.Id()}/referral", new { });
        var caseId = referral.GetProperty("accountabilityCaseId").GetString()!;
        var opened = await admin.GetOkAsync($"/api/v1/accountability/{caseId}");
        Assert.Equal(deputy, opened.GetProperty("cadreId").GetString());
        Assert.Equal("opened", opened.GetProperty("status").GetString());
        Assert.Contains("2090、2091年度评议连续不满意", opened.GetProperty("facts").GetString());

        var twice = await admin.PostAsJsonAsync($"/api/v1/evaluations/{campaign}/consequences/{accountability.Id()}/referral", new { });
        Assert.Contains("已移送问责", await twice.ProblemAsync(HttpStatusCode.Conflict));
        var after = (await ConsequencesAsync(admin, campaign, unit)).Single(c => c.Id() == accountability.Id());
        Assert.Equal(caseId, after.GetProperty("accountabilityCaseId").GetString());
        var removal = (await ConsequencesAsync(admin, campaign, unit)).Single(c => c.GetProperty("kind").GetString() == "建议免职");
        Assert.Equal(head, removal.GetProperty("cadreId").GetString());
        Assert.Equal(JsonValueKind.Null, removal.GetProperty("accountabilityCaseId").ValueKind);
    }

    [Fact]
    public async Task A_consequence_without_a_cadre_on_record_cannot_be_referred_and_a_leader_may_not_refer()
    {
        var (admin, unit, _, _, campaign) = await UnsatisfiedTwiceAsync(2092, withLeaders: false);
        var removal = (await ConsequencesAsync(admin, campaign, unit)).Single(c => c.GetProperty("kind").GetString() == "建议免职");
        var refused = await admin.PostAsJsonAsync($"/api/v1/evaluations/{campaign}/consequences/{removal.Id()}/referral", new { });
        Assert.Contains("未登记主要负责人", await refused.ProblemAsync(HttpStatusCode.Conflict));

        var leader = await admin.UserAsync(app, await admin.RootUnitIdAsync(), "leader");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync($"/api/v1/evaluations/{campaign}/consequences/{removal.Id()}/referral", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync($"/api/v1/evaluations/{campaign}/praise-bulletin", new { })).StatusCode);
        await (await admin.PostAsJsonAsync($"/api/v1/evaluations/{campaign}/consequences/nope/referral", new { })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Praise_drafts_one_bulletin_naming_the_satisfied_units()
    {
        var admin = await app.AdminAsync();
        var good = await admin.CreateUnitAsync(app, name: app.Unique("县政务服务中心"));
        var poor = await admin.CreateUnitAsync(app, name: app.Unique("县城管局"));
        var id = await OpenCampaignAsync(admin, 2026, good, poor);
        var early = await admin.PostAsJsonAsync($"/api/v1/evaluations/{id}/praise-bulletin", new { });
        Assert.Contains("评议结束后", await early.ProblemAsync(HttpStatusCode.Conflict));
        var code = (await CodesAsync(admin, id, "public", 1))[0];
        await app.Anonymous().PostOkAsync($"/public/v1/ballots/{code}",
            new { ratings = new[] { new { unitId = good, level = "satisfied" }, new { unitId = poor, level = "unsatisfied" } } }, HttpStatusCode.NoContent);
        await admin.PostOkAsync($"/api/v1/evaluations/{id}/close", new { });

        var praise = await admin.PostOkAsync($"/api/v1/evaluations/{id}/praise-bulletin", new { }, HttpStatusCode.Created);
        var bulletin = await admin.GetOkAsync($"/api/v1/bulletins/{praise.GetProperty("bulletinId").GetString()}");
        Assert.Equal("praise", bulletin.GetProperty("kind").GetString());
        Assert.Equal("draft", bulletin.GetProperty("status").GetString());
        var body = bulletin.GetProperty("body").GetString()!;
        var goodName = (await admin.GetOkAsync($"/api/v1/units/{good}")).GetProperty("name").GetString()!;
        var poorName = (await admin.GetOkAsync($"/api/v1/units/{poor}")).GetProperty("name").GetString()!;
        Assert.Contains(goodName, body);
        Assert.DoesNotContain(poorName, body);

        var twice = await admin.PostAsJsonAsync($"/api/v1/evaluations/{id}/praise-bulletin", new { });
        Assert.Contains("没有待通报表扬", await twice.ProblemAsync(HttpStatusCode.Conflict));
        var consequence = (await ConsequencesAsync(admin, id, good)).Single();
        Assert.Equal(praise.GetProperty("bulletinId").GetString(), consequence.GetProperty("bulletinId").GetString());
    }

    [Fact]
    public async Task A_code_typed_in_lower_case_at_the_entry_page_opens_the_ballot()
    {
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(app, name: app.Unique("县医保局"));
        var code = (await CodesAsync(admin, await OpenCampaignAsync(admin, 2026, unit), "firms", 1))[0];
        var entry = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/ballot"));
        Assert.Contains("评议码", entry);
        var html = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync($"/ballot?code={code.ToLowerInvariant()}"));
        Assert.Contains("您的身份：企业", html);
        Assert.Contains("提交评议", html);
        var wrong = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/ballot/ABCD-EFGH-JKLM"));
        Assert.Contains("评议码不正确", wrong);
    }

    [Fact]
    public async Task The_evaluation_and_assessment_pages_need_a_sign_in()
    {
        foreach (var path in new[] { "/evaluations", "/assessments" })
        {
            var response = await app.Anonymous().GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
    }
}
