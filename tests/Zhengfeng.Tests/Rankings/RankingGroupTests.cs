using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Rankings;

/// <summary>四类排名: streets, departments, enterprises and districts are each ranked against their own kind.</summary>
public sealed class RankingGroupTests
{
    [Fact]
    public async Task Each_group_is_ranked_on_its_own_and_a_section_goes_with_the_unit_above_it()
    {
        await using var app = await AppFactory.StartAsync();
        var s = await CaseScenario.CreateAsync(app);
        var root = await s.Admin.RootUnitIdAsync();
        var town = await s.Admin.CreateUnitAsync(app, "township", root, "城关镇" + app.Unique("t"));
        var townOffice = await s.Admin.CreateUnitAsync(app, "office", town, "城关镇党政综合办公室" + app.Unique("o"));
        var water = await s.Admin.CreateUnitAsync(app, "enterprise", root, "县自来水公司" + app.Unique("e"));

        var townCase = await DispatchAsync(s, town);
        await DispatchAsync(s, townOffice);
        await DispatchAsync(s, water);
        await DispatchAsync(s, s.LeadUnit);
        var townStaff = await s.Admin.UserAsync(app, town, "unit");
        await townStaff.PostOkAsync($"/api/v1/cases/{townCase}/sign", new { }); // in time: the town's response rate is 100 %

        var townships = await RankingAsync(s.Dispatcher, "group=townships");
        Assert.Equal([(town, 1), (townOffice, 2)], townships.Select(r => (UnitOf(r), r.GetProperty("rank").GetInt32())).ToList());
        Assert.All(townships, r => Assert.Equal("townships", r.GetProperty("group").GetString()));
        Assert.All(townships, r => Assert.Equal("街道乡镇", r.GetProperty("groupLabel").GetString()));

        var departments = await RankingAsync(s.Dispatcher, "group=departments");
        Assert.Contains(departments, r => UnitOf(r) == s.LeadUnit && r.GetProperty("rank").GetInt32() == 1);
        Assert.DoesNotContain(departments, r => UnitOf(r) == town || UnitOf(r) == water);
        Assert.Equal(water, UnitOf(Assert.Single(await RankingAsync(s.Dispatcher, "group=enterprises"))));

        // All units together: the town is first over everyone, and each row says its group.
        var all = await RankingAsync(s.Dispatcher, "");
        Assert.Equal((town, 1), (UnitOf(all[0]), all[0].GetProperty("rank").GetInt32()));
        Assert.Equal("enterprises", all.Single(r => UnitOf(r) == water).GetProperty("group").GetString());
        Assert.Equal("townships", all.Single(r => UnitOf(r) == townOffice).GetProperty("group").GetString());

        var refused = await s.Dispatcher.GetAsync("/api/v1/rankings/units?period=2026-11&group=streets");
        Assert.Contains("group", await refused.ProblemAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_district_is_ranked_on_every_case_below_it_and_its_drill_down_lists_them()
    {
        await using var app = await AppFactory.StartAsync();
        var s = await CaseScenario.CreateAsync(app);
        var (east, eastBureau) = await DistrictAsync(s, "东区" + app.Unique("d"));
        var eastStreet = await s.Admin.CreateUnitAsync(app, "township", east, "东区街道" + app.Unique("t"));
        var (west, westBureau) = await DistrictAsync(s, "西区" + app.Unique("d"));
        var inEast = new[] { await DispatchAsync(s, eastBureau), await DispatchAsync(s, eastStreet), await DispatchAsync(s, east) };
        var inWest = await DispatchAsync(s, westBureau);
        var westStaff = await s.Admin.UserAsync(app, westBureau, "unit");
        await westStaff.PostOkAsync($"/api/v1/cases/{inWest}/sign", new { });

        var districts = await RankingAsync(s.Dispatcher, "group=districts");
        var eastRow = districts.Single(r => UnitOf(r) == east);
        var westRow = districts.Single(r => UnitOf(r) == west);
        Assert.Equal(3, eastRow.GetProperty("dispatched").GetInt32());
        Assert.Equal((1, 1.0), (westRow.GetProperty("dispatched").GetInt32(), westRow.GetProperty("responseRate").GetDouble()));
        Assert.True(westRow.GetProperty("rank").GetInt32() < eastRow.GetProperty("rank").GetInt32());
        Assert.False(eastRow.GetProperty("reported").GetBoolean());

        var drill = await s.Dispatcher.GetOkAsync($"/api/v1/rankings/units/{east}/cases?period=2026-11&metric=dispatched&group=districts");
        Assert.Equal(inEast.Order(), drill.EnumerateArray().Select(c => c.Id()).Order());
        // Without the group, the same district's row in the list of all units is its own cases only.
        var own = await s.Dispatcher.GetOkAsync($"/api/v1/rankings/units/{east}/cases?period=2026-11&metric=dispatched");
        Assert.Equal(inEast[2], Assert.Single(own.EnumerateArray()).Id());
    }

    [Fact]
    public async Task A_district_not_on_the_platform_is_ranked_on_its_reported_figures_until_they_are_withdrawn()
    {
        await using var app = await AppFactory.StartAsync();
        var s = await CaseScenario.CreateAsync(app);
        var name = "南区" + app.Unique("d");
        var (south, _) = await DistrictAsync(s, name, withBureau: false);
        var (north, northBureau) = await DistrictAsync(s, "北区" + app.Unique("d"));
        await DispatchAsync(s, northBureau);
        var supervisor = await s.Admin.UserAsync(app, await s.Admin.RootUnitIdAsync(), "supervisor");

        // A unit may not upload; a row for a district that has cases here that month, a wrong count and a duplicate are all refused.
        var sheet = Sheet(
            ["区县名称", "月份", "派单", "按时签收", "评价", "解决", "满意", "退单"],
            [name, "2026-10", "200", "190", "150", "120", "140", "3"],
            [name, "2026年11月", "100", "120", "80", "60", "70", "1"],
            ["北区不存在", "2026-11", "1", "1", "1", "1", "1", "0"],
            [name, "2026/10", "1", "1", "1", "1", "1", "0"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(s.LeadStaff, sheet)).StatusCode);
        var refused = await UploadAsync(supervisor, sheet);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "按时签收"), (4, "区县名称"), (5, "月份")], errors);
        Assert.Empty((await supervisor.GetOkAsync("/api/v1/rankings/reported?period=2026")).GetProperty("items").EnumerateArray());

        var northSheet = Sheet(["区县编码", "月份", "派单", "按时签收", "评价", "解决", "满意", "退单"], [await CodeAsync(s, north), "2026-11", "5", "5", "5", "5", "5", "0"]);
        var northProblem = await (await UploadAsync(supervisor, northSheet)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("填报文件有1处问题", northProblem);

        // October as reported, then corrected by a second upload of the same month.
        var october = Sheet(["区县名称", "月份", "派单", "按时签收", "评价", "解决", "满意", "退单"], [name, "2026-10", "200", "190", "150", "120", "140", "3"]);
        Assert.Equal(1, (await (await UploadAsync(supervisor, october)).ReadJsonAsync()).GetProperty("added").GetInt32());
        var corrected = Sheet(["区县名称", "月份", "派单", "按时签收", "评价", "解决", "满意", "退单"], [name, "2026-10", "200", "180", "150", "120", "140", "3"]);
        Assert.Equal(1, (await (await UploadAsync(supervisor, corrected)).ReadJsonAsync()).GetProperty("replaced").GetInt32());

        var row = (await RankingAsync(s.Dispatcher, "group=districts", "2026-10")).Single(r => UnitOf(r) == south);
        Assert.True(row.GetProperty("reported").GetBoolean());
        Assert.Equal((200, 180, 0.9), (row.GetProperty("dispatched").GetInt32(), row.GetProperty("respondedInTime").GetInt32(), row.GetProperty("responseRate").GetDouble()));
        // The year adds the reported October to the platform's November of the other district: each district its own months.
        var year = await RankingAsync(s.Dispatcher, "group=districts", "2026");
        Assert.Equal(200, year.Single(r => UnitOf(r) == south).GetProperty("dispatched").GetInt32());
        Assert.Equal(1, year.Single(r => UnitOf(r) == north).GetProperty("dispatched").GetInt32());
        Assert.DoesNotContain(await RankingAsync(s.Dispatcher, "group=districts", "2026-11"), r => UnitOf(r) == south);

        var kept = Assert.Single((await supervisor.GetOkAsync("/api/v1/rankings/reported?period=2026-10")).GetProperty("items").EnumerateArray());
        Assert.Equal((name, 180), (kept.GetProperty("unitName").GetString(), kept.GetProperty("respondedInTime").GetInt32()));
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.DeleteAsync($"/api/v1/rankings/reported/{kept.Id()}")).StatusCode);
        Assert.DoesNotContain(await RankingAsync(s.Dispatcher, "group=districts", "2026-10"), r => UnitOf(r) == south);
    }

    /// <summary>A district beside the county (no unit above it), with one bureau of its own unless told otherwise.</summary>
    private static async Task<(string District, string Bureau)> DistrictAsync(CaseScenario s, string name, bool withBureau = true)
    {
        var code = s.App.Unique("d");
        var district = (await s.Admin.PostOkAsync("/api/v1/units", new { name, code, kind = "county" }, HttpStatusCode.Created)).Id();
        return (district, withBureau ? await s.Admin.CreateUnitAsync(s.App, "department", district, name + "城管局") : "");
    }

    private static async Task<string> CodeAsync(CaseScenario s, string unitId)
        => (await s.Admin.GetOkAsync("/api/v1/units")).EnumerateArray().Single(u => u.Id() == unitId).GetProperty("code").GetString()!;

    private static async Task<string> DispatchAsync(CaseScenario s, string unitId)
    {
        var c = await s.CreateCaseAsync();
        await s.Dispatcher.PostOkAsync($"/api/v1/cases/{c.Id()}/dispatch", new { leadUnitId = unitId });
        return c.Id();
    }

    private static async Task<List<JsonElement>> RankingAsync(HttpClient client, string query, string period = "2026-11")
        => [.. (await client.GetOkAsync($"/api/v1/rankings/units?period={period}&{query}")).EnumerateArray()];

    private static string UnitOf(JsonElement row) => row.GetProperty("unitId").GetString()!;

    private static byte[] Sheet(params string[][] rows) => TestSheets.Xlsx("区县填报", rows);

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PostAsync("/api/v1/rankings/reported/import", new MultipartFormDataContent { { file, "file", "南区填报.xlsx" } });
    }
}
