using System.Net;
using Microsoft.Playwright;
using Zhengfeng.Tests;

namespace Zhengfeng.BrowserTests;

/// <summary>
/// The county leader opens the dashboard: the four charts draw, and a number in the table under the unit chart
/// leads to the page listing exactly that many cases.
/// </summary>
public sealed class DashboardJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_leader_sees_the_charts_and_a_table_number_opens_that_many_records()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var bureau = await admin.CreateUnitAsync(app, "department", root, "城市管理局");
        var intake = await admin.UserAsync(app, root, "operator", "dispatcher");
        for (var i = 0; i < 2; i++)
        {
            var c = await intake.PostOkAsync("/api/v1/cases", new
            {
                kind = "complaint", categoryCode = "roads", title = "人行道井盖缺失", content = "幸福路人行道井盖缺失，夜间行人易跌落。",
                channel = "hotline", reporter = new { name = "陈某某", phone = "13800138000" },
            }, HttpStatusCode.Created);
            await intake.PostOkAsync($"/api/v1/cases/{c.Id()}/dispatch", new { leadUnitId = bureau });
        }
        var username = app.Unique("leader");
        await admin.PostOkAsync("/api/v1/users", new { username, password = AppFactory.Password, displayName = "县长", unitId = root, roles = new[] { "leader" } }, HttpStatusCode.Created);

        var page = await app.NewPageAsync();
        await BrowserApp.LoginAsync(page, username, AppFactory.Password);
        await BrowserApp.NavigateAsync(page, "驾驶舱");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "领导驾驶舱" })).ToBeVisibleAsync();
        foreach (var chart in new[] { "#chart-trend", "#chart-units", "#chart-problems", "#chart-rectification", "#chart-accountability", "#chart-forms", "#chart-categories", "#chart-exemptions" })
        {
            await Assertions.Expect(page.Locator($"{chart} canvas")).ToHaveCountAsync(1);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "城市管理局 派单 2 件" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/rankings/cases", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("（2 件）");
        await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(2);
    }
}
