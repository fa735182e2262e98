using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Zhengfeng.Tests;

namespace Zhengfeng.BrowserTests;

/// <summary>
/// 市、区县两级 in the browser: the city's supervisor sends a 督办单 to a district, the district's supervisor answers it on its
/// page, the second district sees nothing of it, and the city accepts the answer.
/// </summary>
public sealed class CityJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_city_sends_a_notice_to_a_district_which_answers_it_while_the_other_district_sees_nothing()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var renamed = await admin.PutAsJsonAsync($"/api/v1/units/{root}", new { name = "云岭市", code = app.Unique("city"), kind = "city" });
        Assert.True(renamed.IsSuccessStatusCode, await renamed.Content.ReadAsStringAsync());
        var east = await admin.CreateUnitAsync(app, "county", root, "东城区");
        var west = await admin.CreateUnitAsync(app, "county", root, "西城区");
        var city = await SupervisorAsync(admin, root, "市作风办");
        var eastSupervisor = await SupervisorAsync(admin, east, "东城区作风办");
        var westSupervisor = await SupervisorAsync(admin, west, "西城区作风办");

        var cityPage = await app.NewPageAsync();
        await BrowserApp.LoginAsync(cityPage, city, AppFactory.Password);
        await BrowserApp.NavigateAsync(cityPage, "督办单");
        await cityPage.GetByRole(AriaRole.Link, new() { Name = "下发督办单" }).ClickAsync();
        await cityPage.GetByLabel("督办对象单位").SelectOptionAsync(new SelectOptionValue { Label = "东城区（区县）" });
        await cityPage.GetByLabel("督办级别").SelectOptionAsync(new SelectOptionValue { Label = "黄牌督办" });
        await cityPage.GetByLabel("督办事由").FillAsync("东城区12345工单按时签收率连续两月全市末位，请说明原因并提出整改措施");
        await cityPage.GetByRole(AriaRole.Button, new() { Name = "下发督办单" }).ClickAsync();
        await Assertions.Expect(cityPage.GetByRole(AriaRole.Status)).ToContainTextAsync("已下发黄牌督办督办单");
        var noticeUrl = new Uri(cityPage.Url).AbsolutePath;

        var eastPage = await app.NewPageAsync();
        await BrowserApp.LoginAsync(eastPage, eastSupervisor, AppFactory.Password);
        await BrowserApp.NavigateAsync(eastPage, "督办单");
        await eastPage.Locator("table tbody a").First.ClickAsync();
        await Assertions.Expect(eastPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("督");
        await eastPage.GetByLabel("回复内容").FillAsync("已约谈签收率末位的三个部门，建立每日通报制度");
        await eastPage.GetByRole(AriaRole.Button, new() { Name = "提交回复" }).ClickAsync();
        await Assertions.Expect(eastPage.GetByRole(AriaRole.Status)).ToHaveTextAsync("已提交回复");
        // the district does not judge its own answer
        await Assertions.Expect(eastPage.GetByRole(AriaRole.Button, new() { Name = "认可回复" })).ToHaveCountAsync(0);

        var westPage = await app.NewPageAsync();
        await BrowserApp.LoginAsync(westPage, westSupervisor, AppFactory.Password);
        await BrowserApp.NavigateAsync(westPage, "督办单");
        await Assertions.Expect(westPage.GetByText("共 0 份")).ToBeVisibleAsync();
        var refused = await westPage.GotoAsync(noticeUrl);
        Assert.Equal((int)HttpStatusCode.Forbidden, refused!.Status);

        await cityPage.ReloadAsync();
        await Assertions.Expect(cityPage.Locator("main")).ToContainTextAsync("已约谈签收率末位的三个部门");
        await cityPage.GetByRole(AriaRole.Button, new() { Name = "认可回复" }).ClickAsync();
        await Assertions.Expect(cityPage.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("已办结");
    }

    private async Task<string> SupervisorAsync(HttpClient admin, string parent, string office)
    {
        var unit = await admin.CreateUnitAsync(app, "department", parent, office);
        var username = app.Unique("sv");
        await admin.PostOkAsync("/api/v1/users", new { username, password = AppFactory.Password, displayName = office + "督查员", unitId = unit, roles = new[] { "supervisor" } },
            HttpStatusCode.Created);
        return username;
    }
}
