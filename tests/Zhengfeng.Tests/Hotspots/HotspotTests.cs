using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Zhengfeng.Features.Audit;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Hotspots;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Hotspots;

/// <summary>同一地点同类问题: each test reports at a road of its own, so the clusters of one test never meet another's.</summary>
public sealed class HotspotTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string StreetLight = "roads";

    [Fact]
    public async Task Four_streetlight_cases_at_spellings_of_one_road_in_a_week_form_one_rising_cluster_on_the_supervisors_list()
    {
        var s = await CaseScenario.CreateAsync(app);
        var supervisor = await s.Admin.UserAsync(app, s.OtherUnit, "supervisor");
        var now = app.Clock.GetUtcNow();
        await SeedAsync("县城长青路", now.AddDays(-9)); // the week before: one case
        var ids = new List<string>();
        foreach (var address in new[] { "县城长青路", "长青路12号", "县城长青路（人民医院对面）", "岚城街道长青路88号附近" })
        {
            ids.Add((await CreateAsync(s, address)).Id());
        }
        await s.Dispatcher.PostOkAsync($"/api/v1/cases/{ids[0]}/dispatch", new { leadUnitId = s.LeadUnit });

        var list = await supervisor.GetOkAsync("/api/v1/hotspots?days=7&minCases=3");
        var cluster = Single(list, "长青路");
        Assert.Equal(StreetLight, cluster.GetProperty("categoryCode").GetString());
        Assert.Equal(4, cluster.GetProperty("count").GetInt32());
        Assert.Equal(1, cluster.GetProperty("previousCount").GetInt32());
        Assert.Equal("上升", cluster.GetProperty("trendLabel").GetString());
        Assert.Equal(4, cluster.GetProperty("open").GetInt32());
        Assert.Equal(["城市管理局"], cluster.GetProperty("units").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(ids.Order(), cluster.GetProperty("cases").EnumerateArray().Select(c => c.Id()).Order());
        Assert.Equal(4, cluster.GetProperty("daily").EnumerateArray().Sum(d => d.GetInt32()));

        var page = WebUtility.HtmlDecode(await (await supervisor.GetAsync("/hotspots?days=7")).Content.ReadAsStringAsync());
        Assert.Contains("同一地点同类问题", page);
        Assert.Contains("县城长青路", page);
        Assert.Contains("上升", page);
        Assert.Contains($"/cases/{ids[0]}", page);

        var home = await (await supervisor.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.Contains("href=\"/hotspots\"", home);
    }

    [Fact]
    public async Task A_new_cluster_shows_on_the_leaders_dashboard_card_as_new()
    {
        var s = await CaseScenario.CreateAsync(app);
        var road = Road();
        for (var i = 0; i < 3; i++)
        {
            await CreateAsync(s, $"县城{road}{i + 1}号");
        }
        var leader = await s.Admin.UserAsync(app, await s.Admin.RootUnitIdAsync(), "leader");
        var dashboard = WebUtility.HtmlDecode(await (await leader.GetAsync("/dashboard")).Content.ReadAsStringAsync());
        var card = dashboard[dashboard.IndexOf("hotspots-title", StringComparison.Ordinal)..dashboard.IndexOf("units-title", StringComparison.Ordinal)];
        Assert.Contains($"县城{road}", card);
        Assert.Contains("新出现", card);
    }

    [Fact]
    public async Task Cases_at_another_place_or_of_another_category_do_not_join()
    {
        var s = await CaseScenario.CreateAsync(app);
        var (here, there) = (Road(), Road());
        await CreateAsync(s, $"县城{here}");
        await CreateAsync(s, $"{here}3号");
        await CreateAsync(s, $"县城{there}");
        await CreateAsync(s, $"县城{here}", category: "sanitation", title: "垃圾清运不及时");

        var list = await s.Dispatcher.GetOkAsync("/api/v1/hotspots?days=7&minCases=3");
        Assert.Empty(Matching(list, here));
        Assert.Empty(Matching(list, there));
        Assert.Equal(2, Single(await s.Dispatcher.GetOkAsync("/api/v1/hotspots?days=7&minCases=2"), here).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Cases_before_the_window_do_not_count_in_it()
    {
        var s = await CaseScenario.CreateAsync(app);
        var road = Road();
        var now = app.Clock.GetUtcNow();
        await CreateAsync(s, $"县城{road}");
        await CreateAsync(s, $"县城{road}");
        await SeedAsync($"县城{road}", now.AddDays(-8));
        await SeedAsync($"县城{road}", now.AddDays(-10));

        Assert.Empty(Matching(await s.Dispatcher.GetOkAsync("/api/v1/hotspots?days=7&minCases=3"), road));
        var fortnight = Single(await s.Dispatcher.GetOkAsync("/api/v1/hotspots?days=14&minCases=3"), road);
        Assert.Equal(4, fortnight.GetProperty("count").GetInt32());
        Assert.Equal("新出现", fortnight.GetProperty("trendLabel").GetString());
    }

    [Fact]
    public async Task A_merged_duplicate_is_not_counted_twice()
    {
        var s = await CaseScenario.CreateAsync(app);
        var road = Road();
        var main = await CreateAsync(s, $"县城{road}");
        await CreateAsync(s, $"县城{road}");
        var duplicate = await CreateAsync(s, $"县城{road}");
        await s.Dispatcher.PostOkAsync($"/api/v1/cases/{duplicate.Id()}/merge", new { intoId = main.Id() });

        Assert.Empty(Matching(await s.Dispatcher.GetOkAsync("/api/v1/hotspots?days=7&minCases=3"), road));
        Assert.Equal(2, Single(await s.Dispatcher.GetOkAsync("/api/v1/hotspots?days=7&minCases=2"), road).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Cases_with_coordinates_a_few_metres_apart_meet_whatever_their_addresses_say()
    {
        var s = await CaseScenario.CreateAsync(app);
        var road = Road();
        await CreateAsync(s, $"县城{road}", lat: 27.80011, lon: 114.40012);
        await CreateAsync(s, "路边", lat: 27.80015, lon: 114.40020);
        await CreateAsync(s, null, lat: 27.80019, lon: 114.40009);

        Assert.Equal(3, Single(await s.Dispatcher.GetOkAsync("/api/v1/hotspots?days=7&minCases=3"), road).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Unit_staff_are_refused_the_list_the_page_and_the_export()
    {
        var s = await CaseScenario.CreateAsync(app);
        foreach (var url in new[] { "/api/v1/hotspots", "/api/v1/hotspots/export.xlsx", "/hotspots" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await s.LeadStaff.GetAsync(url)).StatusCode);
        }
        Assert.DoesNotContain("href=\"/hotspots\"", await (await s.LeadStaff.GetAsync("/")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_window_other_than_7_14_or_30_days_is_refused_naming_the_field()
    {
        var s = await CaseScenario.CreateAsync(app);
        Assert.Contains("days", await (await s.Dispatcher.GetAsync("/api/v1/hotspots?days=9")).ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Contains("minCases", await (await s.Dispatcher.GetAsync("/api/v1/hotspots?minCases=1")).ProblemAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task The_export_holds_the_cluster_row_with_its_case_numbers()
    {
        var s = await CaseScenario.CreateAsync(app);
        var supervisor = await s.Admin.UserAsync(app, s.OtherUnit, "supervisor");
        var road = Road();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await CreateAsync(s, $"县城{road}")).Id());
        }
        var response = await supervisor.GetAsync("/api/v1/hotspots/export.xlsx?days=7&minCases=3");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = book.Worksheet(1);
        var header = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains("近7天件数", header);
        var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == $"县城{road}");
        Assert.Equal("道路交通与市政设施", row.Cell(header.IndexOf("问题类别") + 1).GetString());
        Assert.Equal(3, row.Cell(header.IndexOf("近7天件数") + 1).GetValue<int>());
        var numbers = row.Cell(header.IndexOf("工单编号") + 1).GetString();
        foreach (var id in ids)
        {
            Assert.Contains(await s.NumberAsync(id), numbers);
        }
    }

    private async Task<JsonElement> CreateAsync(CaseScenario s, string? address, string category = StreetLight, string title = "路灯不亮",
        double? lat = null, double? lon = null)
        => await s.Operator.PostOkAsync("/api/v1/cases", new
        {
            kind = "complaint", categoryCode = category, title, content = $"{address}一段路灯已经坏了两周多，晚上出行一片漆黑。", channel = "hotline",
            address, lat, lon,
        }, HttpStatusCode.Created);

    /// <summary>A case registered at an earlier time than the clock's (the API registers at the present).</summary>
    private Task SeedAsync(string address, DateTimeOffset at) => app.WithDbAsync(async db =>
    {
        var c = new Case
        {
            Id = Guid.NewGuid().ToString("N"), TrackingCode = CaseWorkflow.NewTrackingCode(), Kind = CaseKind.Complaint, CategoryCode = StreetLight,
            Title = "路灯不亮", Content = address + "路灯不亮", Address = address, RegisteredAt = at,
        };
        c.Register(Actor.System, at, "热线受理");
        db.Add(c);
        db.PendingAction = "case.create";
        await db.SaveChangesAsync();
    });

    /// <summary>A road name no other test uses, in Chinese characters only (digits would be read as a house number).</summary>
    private static string Road()
    {
        const string Syllables = "安宝春丹福光和华嘉锦康乐明宁平庆瑞盛泰祥新兴阳永裕泽振中";
        var n = Guid.NewGuid().ToByteArray();
        return string.Concat(n.Take(3).Select(b => Syllables[b % Syllables.Length])) + "路";
    }

    private static List<JsonElement> Matching(JsonElement list, string road)
        => [.. list.GetProperty("clusters").GetProperty("items").EnumerateArray()
            .Where(h => h.GetProperty("addresses").EnumerateArray().Any(a => a.GetString()!.Contains(road, StringComparison.Ordinal)))];

    private static JsonElement Single(JsonElement list, string road) => Assert.Single(Matching(list, road));
}

public sealed class PlaceKeyTests
{
    [Theory]
    [InlineData("县城长青路", "长青路")]
    [InlineData("长青路12号", "长青路")]
    [InlineData("县城长青路 88 号", "长青路")]
    [InlineData("长青路（人民医院对面）", "长青路")]
    [InlineData("岚城街道长青路88号附近", "长青路")]
    [InlineData("岚城街道锦绣花园小区", "锦绣花园小区")]
    [InlineData("锦绣花园小区3栋2单元", "锦绣花园小区")]
    [InlineData("枫岭乡枫岭村三组", "枫岭村")]
    [InlineData("望川镇望川中学门口", "望川中学")]
    [InlineData("县城人民路与解放路交叉口", "人民路与解放路")]
    [InlineData("某某县县城东门菜市场", "东门菜市场")]
    public void Spellings_of_one_place_share_a_key(string address, string key) => Assert.Equal(key, PlaceKey.Of(address));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12号")]
    public void An_address_without_a_place_has_no_key(string? address) => Assert.Null(PlaceKey.Of(address));

    [Fact]
    public void Points_a_few_metres_apart_share_a_cell_and_points_a_kilometre_apart_do_not()
    {
        Assert.Equal(PlaceKey.Cell(27.80011, 114.40012, 300), PlaceKey.Cell(27.80019, 114.40020, 300));
        Assert.NotEqual(PlaceKey.Cell(27.80011, 114.40012, 300), PlaceKey.Cell(27.81011, 114.40012, 300));
    }
}
