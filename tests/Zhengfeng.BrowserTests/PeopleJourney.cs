using System.Net;
using Microsoft.Playwright;
using Zhengfeng.Tests;
using static Microsoft.Playwright.Assertions;

namespace Zhengfeng.BrowserTests;

/// <summary>A township's staff page through their own cadres only; search narrows the roll.</summary>
public sealed class PeopleJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Township_staff_page_through_their_own_cadres_and_cannot_add_any()
    {
        var admin = await app.AdminAsync();
        var town = await admin.CreateUnitAsync(app, "township", name: "石门镇");
        var office = await admin.CreateUnitAsync(app, "office", town, name: "石门镇党政办");
        var other = await admin.CreateUnitAsync(app, "township", name: "桃源镇");
        for (var i = 1; i <= 52; i++)
        {
            await admin.PostOkAsync("/api/v1/cadres", new { name = $"石门干部{i:00}", unitId = i % 2 == 0 ? town : office, post = "科员" }, HttpStatusCode.Created);
        }
        await admin.PostOkAsync("/api/v1/cadres", new { name = "石门镇镇长", unitId = town, post = "镇长", rank = "section" }, HttpStatusCode.Created);
        await admin.PostOkAsync("/api/v1/cadres", new { name = "桃源干部", unitId = other, post = "科员" }, HttpStatusCode.Created);
        var username = app.Unique("sm");
        await admin.PostOkAsync("/api/v1/users", new { username, password = AppFactory.Password, displayName = "石门镇承办人", unitId = town, roles = new[] { "unit" } }, HttpStatusCode.Created);

        var page = await app.NewPageAsync(phone: true);
        await BrowserApp.LoginAsync(page, username, AppFactory.Password);
        await BrowserApp.NavigateAsync(page, "干部名册");
        await Expect(page.GetByText("共 53 人，第 1 / 2 页").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row)).ToHaveCountAsync(51);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "新增干部" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "上一页" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "下一页" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row)).ToHaveCountAsync(4);
        await Expect(page.GetByText("桃源干部")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "上一页" })).ToBeVisibleAsync();

        await page.GetByLabel("姓名或职务").FillAsync("镇长");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "石门镇镇长" });
        await Expect(row).ToContainTextAsync("正科级");
        await Expect(row).ToContainTextAsync("领导干部");
        await Expect(page.GetByText("共 1 人")).ToBeVisibleAsync();

        var filter = page.GetByLabel("所在单位");
        await Expect(filter.Locator("option")).ToHaveCountAsync(3);
        await filter.SelectOptionAsync(new SelectOptionValue { Label = "本县（区） / 石门镇 / 石门镇党政办" });
        await page.GetByLabel("姓名或职务").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(page.GetByText("共 26 人")).ToBeVisibleAsync();
    }
}
