using System.Net;
using Microsoft.Playwright;
using Zhengfeng.Tests;
using static Microsoft.Playwright.Assertions;

namespace Zhengfeng.BrowserTests;

/// <summary>
/// 窗口服务 end to end: the window's clerk publishes a service item with its materials list (a promise longer than the legal
/// limit is refused first), a citizen reads it in the public guide on a phone, the clerk logs the citizen's visit on a phone and
/// records what was missing (一次性告知), and the supervisor finds the unit's figures on the overview.
/// </summary>
public sealed class WindowServiceJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_published_item_reaches_the_guide_and_a_visit_is_logged_with_the_one_time_notice()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var unitName = "县医疗保障局" + app.Unique("");
        var unitId = await admin.CreateUnitAsync(app, "department", root, unitName);
        var clerk = app.Unique("clerk");
        await admin.PostOkAsync("/api/v1/users", new { username = clerk, password = AppFactory.Password, displayName = "医保窗口小周", unitId, roles = new[] { "unit" } },
            HttpStatusCode.Created);
        var supervisorName = app.Unique("supervisor");
        await admin.PostOkAsync("/api/v1/users", new { username = supervisorName, password = AppFactory.Password, displayName = "效能办老何", unitId = root, roles = new[] { "supervisor" } },
            HttpStatusCode.Created);

        var unit = await app.NewPageAsync();
        await BrowserApp.LoginAsync(unit, clerk, AppFactory.Password);
        await BrowserApp.NavigateAsync(unit, "窗口服务");
        await unit.GetByRole(AriaRole.Link, new() { Name = "新增服务事项" }).ClickAsync();
        await unit.GetByLabel("事项名称").FillAsync("医保关系转移接续");
        await unit.GetByLabel("承诺时限").FillAsync("20");
        await unit.GetByLabel("法定时限").FillAsync("15");
        await unit.GetByLabel("一次性告知材料清单").FillAsync("参保人身份证\n参保凭证\n基本医疗保险关系转移接续申请表");
        await unit.GetByLabel("在办事指南中公开").CheckAsync();
        await unit.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(unit.GetByRole(AriaRole.Alert)).ToContainTextAsync("不能超过法定时限");
        await unit.GetByLabel("承诺时限").FillAsync("10");
        await unit.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(unit.GetByRole(AriaRole.Status)).ToHaveTextAsync("已保存服务事项");

        var citizen = await app.NewPageAsync(phone: true);
        await citizen.GotoAsync("/");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "办事指南" }).ClickAsync();
        await citizen.GetByRole(AriaRole.Link, new() { Name = unitName }).ClickAsync();
        await Expect(citizen.Locator("main")).ToContainTextAsync("医保关系转移接续");
        await Expect(citizen.Locator("main")).ToContainTextAsync("10个工作日");
        await Expect(citizen.Locator("main")).ToContainTextAsync("基本医疗保险关系转移接续申请表");

        var window = await app.NewPageAsync(phone: true);
        await BrowserApp.LoginAsync(window, clerk, AppFactory.Password);
        await window.GotoAsync("/services/visits/new");
        await window.GetByLabel("办事人姓名").FillAsync("孙大娘");
        await window.GetByLabel("联系电话").FillAsync("13912340000");
        await window.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Expect(window.GetByRole(AriaRole.Status)).ToHaveTextAsync("已登记");
        await window.GetByLabel("参保凭证").CheckAsync();
        await window.GetByRole(AriaRole.Button, new() { Name = "记录告知" }).ClickAsync();
        await Expect(window.GetByRole(AriaRole.Status)).ToHaveTextAsync("已记录一次性告知的所缺材料");
        await Expect(window.Locator("main")).ToContainTextAsync("已一次性告知");
        await window.GotoAsync("/services/visits");
        await Expect(window.Locator("tbody")).ToContainTextAsync("139****0000");
        await Expect(window.Locator("tbody")).Not.ToContainTextAsync("13912340000");

        var supervisor = await app.NewPageAsync();
        await BrowserApp.LoginAsync(supervisor, supervisorName, AppFactory.Password);
        await supervisor.GotoAsync("/services/overview");
        var row = supervisor.Locator("tbody tr", new() { HasText = unitName });
        await Expect(row).ToContainTextAsync("1（1）");
    }
}
