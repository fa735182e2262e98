using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhengfeng.Tests.Campaigns;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Levels;

/// <summary>市、区县两级: one deployment for a city and its districts; each district's oversight sees its own district only.</summary>
public sealed class CityAndDistrictTests
{
    /// <summary>The scenario's root becomes a city with two districts, each with a bureau, a dispatcher and a supervisor.</summary>
    private sealed record City(CaseScenario S, HttpClient CitySupervisor, District East, District West)
    {
        /// <summary>The city at the root (the scenario's county, renamed).</summary>
        public required string Root { get; init; }
    }

    private sealed record District(string Id, string Bureau, HttpClient Dispatcher, HttpClient Supervisor, HttpClient BureauStaff);

    private static async Task<City> CityAsync(AppFactory app)
    {
        var s = await CaseScenario.CreateAsync(app);
        var root = await s.Admin.RootUnitIdAsync();
        var renamed = await s.Admin.PutAsJsonAsync($"/api/v1/units/{root}", new { name = "云岭市", code = app.Unique("city"), kind = "city" });
        Assert.True(renamed.IsSuccessStatusCode, await renamed.Content.ReadAsStringAsync());
        var office = await s.Admin.CreateUnitAsync(app, "department", root, "市委督查室" + app.Unique("o"));
        return new City(s, await s.Admin.UserAsync(app, office, "supervisor"), await DistrictAsync(s, root, "东区"), await DistrictAsync(s, root, "西区"))
        {
            Root = root,
        };
    }

    private static async Task<District> DistrictAsync(CaseScenario s, string root, string name)
    {
        var id = await s.Admin.CreateUnitAsync(s.App, "county", root, name + s.App.Unique("d"));
        var bureau = await s.Admin.CreateUnitAsync(s.App, "department", id, name + "城管局" + s.App.Unique("b"));
        var office = await s.Admin.CreateUnitAsync(s.App, "department", id, name + "作风办" + s.App.Unique("o"));
        return new District(id, bureau, await s.Admin.UserAsync(s.App, id, "dispatcher"), await s.Admin.UserAsync(s.App, office, "supervisor"),
            await s.Admin.UserAsync(s.App, bureau, "unit"));
    }

    private static async Task<string> TakeInAsync(HttpClient intake) => (await intake.PostOkAsync("/api/v1/cases",
        new { kind = "complaint", categoryCode = "roads", content = "小区门口路面塌陷，车辆无法通行", reporter = new { name = "张三", phone = "13900000001" } },
        HttpStatusCode.Created)).Id();

    private static async Task<List<string>> ListedAsync(HttpClient who)
        => (await who.GetOkAsync("/api/v1/cases?pageSize=100")).GetProperty("items").EnumerateArray().Select(c => c.Id()).ToList();

    [Fact]
    public async Task A_district_sees_and_dispatches_only_its_own_cases_and_the_city_dispatches_across_districts()
    {
        await using var app = await AppFactory.StartAsync();
        var (s, citySupervisor, east, west) = await CityAsync(app);

        // Taken in by the east district's hotline: waiting for dispatch, it is the east's alone (and the city's).
        var id = await TakeInAsync(east.Dispatcher);
        await east.Supervisor.GetOkAsync($"/api/v1/cases/{id}");
        await citySupervisor.GetOkAsync($"/api/v1/cases/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, (await west.Supervisor.GetAsync($"/api/v1/cases/{id}")).StatusCode);
        Assert.Contains(id, await ListedAsync(east.Dispatcher));
        Assert.DoesNotContain(id, await ListedAsync(west.Dispatcher));
        Assert.DoesNotContain(id, await ListedAsync(west.Supervisor));

        // The east's dispatcher cannot send it into the west; the city's dispatcher can, and then it is the west's.
        var refused = await east.Dispatcher.PostAsJsonAsync($"/api/v1/cases/{id}/dispatch", new { leadUnitId = west.Bureau });
        Assert.Contains("不在本辖区内", await refused.ProblemAsync(HttpStatusCode.Forbidden));
        await s.Dispatcher.PostOkAsync($"/api/v1/cases/{id}/dispatch", new { leadUnitId = west.Bureau });
        await west.Supervisor.GetOkAsync($"/api/v1/cases/{id}");
        await west.BureauStaff.PostOkAsync($"/api/v1/cases/{id}/sign", new { });
        Assert.Equal(HttpStatusCode.Forbidden, (await east.Supervisor.GetAsync($"/api/v1/cases/{id}")).StatusCode);
        Assert.DoesNotContain(id, await ListedAsync(east.Dispatcher));

        // Within its own district the east dispatches as before.
        var own = await TakeInAsync(east.Dispatcher);
        await east.Dispatcher.PostOkAsync($"/api/v1/cases/{own}/dispatch", new { leadUnitId = east.Bureau });
        Assert.Equal(HttpStatusCode.Forbidden, (await west.Supervisor.GetAsync($"/api/v1/cases/{own}")).StatusCode);

        // Each district's ranking lists its own units; the city's lists both districts' bureaus.
        var eastRanking = (await east.Supervisor.GetOkAsync("/api/v1/rankings/units?period=2026-11")).EnumerateArray().Select(UnitOf).ToList();
        Assert.Contains(east.Bureau, eastRanking);
        Assert.DoesNotContain(west.Bureau, eastRanking);
        var cityRanking = (await citySupervisor.GetOkAsync("/api/v1/rankings/units?period=2026-11")).EnumerateArray().Select(UnitOf).ToList();
        Assert.Contains(east.Bureau, cityRanking);
        Assert.Contains(west.Bureau, cityRanking);
    }

    [Fact]
    public async Task A_city_supervisor_sends_a_notice_to_a_district_whose_supervision_answers_while_the_other_district_sees_nothing()
    {
        await using var app = await AppFactory.StartAsync();
        var (_, citySupervisor, east, west) = await CityAsync(app);

        var notice = (await citySupervisor.PostOkAsync("/api/v1/supervision-notices",
            new { unitId = east.Id, level = "yellow", reason = "东区12345工单按时签收率连续两月全市末位，请说明原因并提出整改措施" }, HttpStatusCode.Created)).Id();

        Assert.Equal(HttpStatusCode.Forbidden, (await west.Supervisor.GetAsync($"/api/v1/supervision-notices/{notice}")).StatusCode);
        Assert.Equal(0, (await west.Supervisor.GetOkAsync("/api/v1/supervision-notices")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await west.Supervisor.PostAsJsonAsync($"/api/v1/supervision-notices/{notice}/reply", new { content = "收到" })).StatusCode);
        // A bureau inside the district does not answer for the whole district.
        Assert.Equal(HttpStatusCode.Forbidden, (await east.BureauStaff.PostAsJsonAsync($"/api/v1/supervision-notices/{notice}/reply", new { content = "收到" })).StatusCode);

        var listed = (await east.Supervisor.GetOkAsync("/api/v1/supervision-notices")).GetProperty("items");
        Assert.Equal(notice, Assert.Single(listed.EnumerateArray()).Id());
        var replied = await east.Supervisor.PostOkAsync($"/api/v1/supervision-notices/{notice}/reply", new { content = "已约谈签收率末位的三个部门，建立每日通报制度" });
        Assert.Equal("replied", replied.GetProperty("status").GetString());

        // The district does not judge its own answer; the city does.
        Assert.Equal(HttpStatusCode.Forbidden, (await east.Supervisor.PostAsJsonAsync($"/api/v1/supervision-notices/{notice}/judgement", new { accept = true })).StatusCode);
        var judged = await citySupervisor.PostOkAsync($"/api/v1/supervision-notices/{notice}/judgement", new { accept = true, note = "认可" });
        Assert.Equal("accepted", judged.GetProperty("status").GetString());

        // A district's supervision sends notices inside its district only.
        var outside = await east.Supervisor.PostAsJsonAsync("/api/v1/supervision-notices", new { unitId = west.Bureau, level = "reminder", reason = "请加快办理" });
        Assert.Contains("不在本辖区内", await outside.ProblemAsync(HttpStatusCode.Forbidden));
        await east.Supervisor.PostOkAsync("/api/v1/supervision-notices", new { unitId = east.Bureau, level = "reminder", reason = "请加快办理" }, HttpStatusCode.Created);
        Assert.Equal(0, (await west.Supervisor.GetOkAsync("/api/v1/supervision-notices")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_districts_clues_and_assigned_work_stay_in_the_district_while_the_city_follows_both()
    {
        await using var app = await AppFactory.StartAsync();
        var (_, citySupervisor, east, west) = await CityAsync(app);

        var clue = (await east.Supervisor.PostOkAsync("/api/v1/clues",
            new { source = "tour", unitId = east.Bureau, problemType = "shirking", content = "巡察发现东区城管局推诿群众诉求" }, HttpStatusCode.Created)).Id();
        Assert.Equal(HttpStatusCode.Forbidden, (await west.Supervisor.GetAsync($"/api/v1/clues/{clue}")).StatusCode);
        Assert.Equal(0, (await west.Supervisor.GetOkAsync("/api/v1/clues")).GetProperty("total").GetInt32());
        Assert.Contains(clue, (await citySupervisor.GetOkAsync("/api/v1/clues")).GetProperty("items").EnumerateArray().Select(c => c.Id()));
        var outside = await east.Supervisor.PostAsJsonAsync("/api/v1/clues",
            new { source = "tour", unitId = west.Bureau, problemType = "shirking", content = "东区越界登记西区的线索" });
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);

        var task = (await citySupervisor.PostOkAsync("/api/v1/tasks",
            new { title = "背街小巷路灯全覆盖", leadUnitId = west.Bureau, dueOn = "2026-12-31", source = "superior" }, HttpStatusCode.Created)).Id();
        await west.Supervisor.GetOkAsync($"/api/v1/tasks/{task}");
        Assert.Equal(HttpStatusCode.Forbidden, (await east.Supervisor.GetAsync($"/api/v1/tasks/{task}")).StatusCode);
        Assert.Equal(0, (await east.Supervisor.GetOkAsync("/api/v1/tasks")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await citySupervisor.GetOkAsync("/api/v1/tasks")).GetProperty("total").GetInt32());

        // A district's campaign takes in the district's units only.
        var campaign = await east.Supervisor.PostAsJsonAsync("/api/v1/campaigns",
            new { name = "东区越界的专项整治", startsOn = "2026-11-01", endsOn = "2026-12-31", unitIds = new[] { east.Bureau, west.Bureau } });
        Assert.Contains("不在本辖区内", await campaign.ProblemAsync(HttpStatusCode.Forbidden));
        await east.Supervisor.PostOkAsync("/api/v1/campaigns",
            new { name = "东区背街小巷整治", startsOn = "2026-11-01", endsOn = "2026-12-31", unitIds = new[] { east.Bureau } }, HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_city_sees_its_districts_scores_side_by_side_and_a_district_ranks_its_own_units()
    {
        await using var app = await AppFactory.StartAsync();
        var (_, citySupervisor, east, west) = await CityAsync(app);

        var districts = (await citySupervisor.GetOkAsync("/api/v1/scores/districts?year=2026")).EnumerateArray()
            .ToDictionary(d => d.GetProperty("areaId").GetString()!, d => d);
        Assert.Contains(east.Id, districts.Keys);
        Assert.Contains(west.Id, districts.Keys);
        Assert.Equal(2, districts[east.Id].GetProperty("units").GetInt32()); // the bureau and the supervision office
        Assert.Equal(100m, districts[east.Id].GetProperty("average").GetDecimal());
        Assert.Equal(1, districts[west.Id].GetProperty("rank").GetInt32());

        // A district's supervisor sees its own units only, ranked among themselves, and no districts below it.
        var eastBoard = (await east.Supervisor.GetOkAsync("/api/v1/scores/units?year=2026")).EnumerateArray().ToList();
        Assert.Equal(2, eastBoard.Count);
        Assert.Contains(east.Bureau, eastBoard.Select(UnitOf));
        Assert.All(eastBoard, u => Assert.Equal((1, 2), (u.GetProperty("rank").GetInt32(), u.GetProperty("ranked").GetInt32())));
        Assert.Empty((await east.Supervisor.GetOkAsync("/api/v1/scores/districts?year=2026")).EnumerateArray());

        // The city's page puts the districts side by side and drills down into one.
        var page = await CampaignScenario.PageAsync(citySupervisor, $"/scores?year=2026&area={east.Id}");
        Assert.Contains("各区县对比", page);
        Assert.Contains("单位排名", page);
    }

    [Fact]
    public async Task A_districts_leader_reads_the_districts_figures_on_the_dashboard()
    {
        await using var app = await AppFactory.StartAsync();
        var city = await CityAsync(app);
        var (s, _, east, west) = city;
        var eastLeader = await s.Admin.UserAsync(app, east.Id, "leader");
        var westLeader = await s.Admin.UserAsync(app, west.Id, "leader");
        var cityLeader = await s.Admin.UserAsync(app, city.Root, "leader");
        await s.DispatchedCaseAsync(); // the city's own
        var id = await TakeInAsync(east.Dispatcher);
        await east.Dispatcher.PostOkAsync($"/api/v1/cases/{id}/dispatch", new { leadUnitId = east.Bureau });

        static async Task<int> RegisteredAsync(HttpClient leader)
            => (await leader.GetOkAsync("/api/v1/dashboard?from=2026-11&to=2026-11")).GetProperty("trend")[0].GetProperty("registered").GetProperty("value").GetInt32();
        Assert.Equal((1, 0), (await RegisteredAsync(eastLeader), await RegisteredAsync(westLeader)));
        Assert.Equal(2, await RegisteredAsync(cityLeader));
        var drilled = (await eastLeader.GetOkAsync("/api/v1/dashboard/drill?metric=registered&month=2026-11")).EnumerateArray().Select(r => r.Id()).ToList();
        Assert.Equal([id], drilled);

        // The running counts agree with a recount per area.
        var check = await s.Admin.PostOkAsync("/api/v1/operations/figures/check", new { });
        Assert.Equal(0, check.GetProperty("mismatches").GetArrayLength());
    }

    [Fact]
    public async Task A_districts_repeated_problems_at_one_place_are_its_own()
    {
        await using var app = await AppFactory.StartAsync();
        var (_, citySupervisor, east, west) = await CityAsync(app);
        foreach (var address in new[] { "幸福路12号", "幸福路12号门口", "幸福路88号附近" })
        {
            await east.Dispatcher.PostOkAsync("/api/v1/cases",
                new { kind = "complaint", categoryCode = "roads", content = "幸福路路灯连续三晚不亮", address }, HttpStatusCode.Created);
        }

        static async Task<List<string>> AddressesAsync(HttpClient who) => (await who.GetOkAsync("/api/v1/hotspots?days=7&minCases=3"))
            .GetProperty("clusters").GetProperty("items").EnumerateArray().SelectMany(c => c.GetProperty("addresses").EnumerateArray())
            .Select(a => a.GetString()!).ToList();
        Assert.Contains(await AddressesAsync(east.Supervisor), a => a.Contains("幸福路", StringComparison.Ordinal));
        Assert.Contains(await AddressesAsync(citySupervisor), a => a.Contains("幸福路", StringComparison.Ordinal));
        Assert.Empty(await AddressesAsync(west.Supervisor));
    }

    private static string UnitOf(JsonElement row) => row.GetProperty("unitId").GetString()!;
}
