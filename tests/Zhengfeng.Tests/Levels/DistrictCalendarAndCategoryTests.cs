using System.Net;
using System.Net.Http.Json;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Levels;

/// <summary>Each district keeps its own calendar exceptions (地方节假日) and its own categories beside the shared ones.</summary>
public sealed class DistrictCalendarAndCategoryTests
{
    private sealed record District(string Id, string Bureau, HttpClient Admin, HttpClient Dispatcher);

    private static async Task<(CaseScenario S, District East, District West)> CityAsync(AppFactory app)
    {
        var s = await CaseScenario.CreateAsync(app);
        var root = await s.Admin.RootUnitIdAsync();
        var renamed = await s.Admin.PutAsJsonAsync($"/api/v1/units/{root}", new { name = "云岭市", code = app.Unique("city"), kind = "city" });
        Assert.True(renamed.IsSuccessStatusCode, await renamed.Content.ReadAsStringAsync());
        return (s, await DistrictAsync(s, root, "东区"), await DistrictAsync(s, root, "西区"));
    }

    private static async Task<District> DistrictAsync(CaseScenario s, string root, string name)
    {
        var id = await s.Admin.CreateUnitAsync(s.App, "county", root, name + s.App.Unique("d"));
        var bureau = await s.Admin.CreateUnitAsync(s.App, "department", id, name + "城管局" + s.App.Unique("b"));
        return new District(id, bureau, await s.Admin.UserAsync(s.App, id, "admin"), await s.Admin.UserAsync(s.App, id, "dispatcher"));
    }

    private static async Task<string> DispatchedAsync(District d, string category = "roads")
    {
        var id = (await d.Dispatcher.PostOkAsync("/api/v1/cases",
            new { kind = "complaint", categoryCode = category, content = "小区门口路面塌陷，车辆无法通行", reporter = new { name = "张三", phone = "13900000001" } },
            HttpStatusCode.Created)).Id();
        await d.Dispatcher.PostOkAsync($"/api/v1/cases/{id}/dispatch", new { leadUnitId = d.Bureau });
        return id;
    }

    private static async Task<string> HandleDueAsync(District d, string id)
        => (await d.Dispatcher.GetOkAsync($"/api/v1/cases/{id}")).GetProperty("handleDueAt").GetString()!;

    [Fact]
    public async Task A_districts_own_day_off_moves_its_deadlines_and_no_one_elses()
    {
        await using var app = await AppFactory.StartAsync();
        var (s, east, west) = await CityAsync(app);
        // Monday 2026-11-02: five working days end on Monday 11-09 everywhere.
        var eastCase = await DispatchedAsync(east);
        var westCase = await DispatchedAsync(west);
        Assert.StartsWith("2026-11-09", await HandleDueAsync(east, eastCase));

        // The east gives Tuesday 11-03 off: its running case moves a day, the west's does not.
        var set = await east.Admin.PutAsJsonAsync($"/api/v1/calendar/local-days/{east.Id}/2026-11-03", new { name = "民族节", isOffDay = true });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.StartsWith("2026-11-10", await HandleDueAsync(east, eastCase));
        Assert.StartsWith("2026-11-09", await HandleDueAsync(west, westCase));
        var later = await DispatchedAsync(east);
        Assert.StartsWith("2026-11-10", await HandleDueAsync(east, later));

        // The public look-ups answer for the district when asked, and for the nation otherwise.
        var anonymous = app.Anonymous();
        var local = await anonymous.GetOkAsync($"/api/v1/calendar/is-workday?date=2026-11-03&areaId={east.Id}");
        Assert.False(local.GetProperty("isWorkday").GetBoolean());
        Assert.Equal("民族节", local.GetProperty("holiday").GetString());
        Assert.True((await anonymous.GetOkAsync("/api/v1/calendar/is-workday?date=2026-11-03")).GetProperty("isWorkday").GetBoolean());
        Assert.Single((await anonymous.GetOkAsync($"/api/v1/calendar/local-days?areaId={east.Id}")).EnumerateArray());

        // Only the district's own admin or the city's sets its days; a day already off needs no setting.
        var foreign = await west.Admin.PutAsJsonAsync($"/api/v1/calendar/local-days/{east.Id}/2026-11-04", new { name = "民族节", isOffDay = true });
        Assert.Contains("不在本辖区内", await foreign.ProblemAsync(HttpStatusCode.Forbidden));
        var byDispatcher = await east.Dispatcher.PutAsJsonAsync($"/api/v1/calendar/local-days/{east.Id}/2026-11-04", new { name = "民族节" });
        Assert.Equal(HttpStatusCode.Forbidden, byDispatcher.StatusCode);
        var sunday = await s.Admin.PutAsJsonAsync($"/api/v1/calendar/local-days/{east.Id}/2026-11-08", new { name = "民族节", isOffDay = true });
        Assert.Contains("本已是休息日", await sunday.ProblemAsync(HttpStatusCode.BadRequest));
        var notArea = await s.Admin.PutAsJsonAsync($"/api/v1/calendar/local-days/{east.Bureau}/2026-11-04", new { name = "民族节", isOffDay = true });
        Assert.Contains("县（区）", await notArea.ProblemAsync(HttpStatusCode.BadRequest));

        // Taking the day back moves the deadlines back.
        Assert.Equal(HttpStatusCode.NoContent, (await s.Admin.DeleteAsync($"/api/v1/calendar/local-days/{east.Id}/2026-11-03")).StatusCode);
        Assert.StartsWith("2026-11-09", await HandleDueAsync(east, eastCase));
        Assert.Empty((await anonymous.GetOkAsync($"/api/v1/calendar/local-days?areaId={east.Id}")).EnumerateArray());
    }

    [Fact]
    public async Task A_districts_own_category_is_offered_and_accepted_in_that_district_only()
    {
        await using var app = await AppFactory.StartAsync();
        var (s, east, west) = await CityAsync(app);
        var code = "east-" + Guid.NewGuid().ToString("N")[..8];
        await east.Admin.PostOkAsync("/api/v1/categories", new { code, name = "民族节庆活动", responseHours = 2, handleWorkdays = 3, urgentHandleHours = 24 },
            HttpStatusCode.Created);

        static async Task<List<string>> CodesAsync(HttpClient who)
            => (await who.GetOkAsync("/api/v1/categories")).EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToList();
        Assert.Contains(code, await CodesAsync(east.Dispatcher));
        Assert.Contains("roads", await CodesAsync(east.Dispatcher));
        Assert.DoesNotContain(code, await CodesAsync(west.Dispatcher));
        Assert.DoesNotContain(code, await CodesAsync(app.Anonymous())); // nor on the public channels

        // Its own limit counts in the east: three working days from Monday end on Thursday.
        var id = await DispatchedAsync(east, code);
        Assert.StartsWith("2026-11-05", await HandleDueAsync(east, id));
        var refused = await west.Dispatcher.PostAsJsonAsync("/api/v1/cases",
            new { kind = "complaint", categoryCode = code, content = "小区门口路面塌陷，车辆无法通行" });
        Assert.Contains("其他辖区", await refused.ProblemAsync(HttpStatusCode.BadRequest));
        // The district keeps its own and may not change the shared ones; the city's admin may.
        var shared = await east.Admin.PutAsJsonAsync("/api/v1/categories/roads", new { code = "roads", name = "道路", handleWorkdays = 1 });
        Assert.Contains("上级管理员", await shared.ProblemAsync(HttpStatusCode.Forbidden));
        var foreign = await west.Admin.PutAsJsonAsync($"/api/v1/categories/{code}", new { code, name = "改名", handleWorkdays = 1 });
        Assert.Contains("其他辖区", await foreign.ProblemAsync(HttpStatusCode.Forbidden));
        var own = await east.Admin.PutAsJsonAsync($"/api/v1/categories/{code}", new { code, name = "民族节庆与活动", handleWorkdays = 4 });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }
}
