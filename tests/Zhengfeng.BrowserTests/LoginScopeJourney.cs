using System.Net;
using Microsoft.Playwright;
using Zhengfeng.Tests;

namespace Zhengfeng.BrowserTests;

/// <summary>The admin and a township's staff log in and each sees only what they may see.</summary>
public sealed class LoginScopeJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Admin_sees_administration_and_township_staff_do_not()
    {
        var admin = await app.AdminAsync();
        var town = await admin.CreateUnitAsync(app, "township", name: "青石镇");
        var otherTown = await admin.CreateUnitAsync(app, "township", name: "白沙镇");
        await admin.PostOkAsync("/api/v1/cadres", new { name = "青石镇干部甲", unitId = town }, HttpStatusCode.Created);
        await admin.PostOkAsync("/api/v1/cadres", new { name = "白沙镇干部乙", unitId = otherTown }, HttpStatusCode.Created);
        var username = app.Unique("qs");
        await admin.PostOkAsync("/api/v1/users", new { username, password = AppFactory.Password, displayName = "青石镇承办人", unitId = town, roles = new[] { "unit" } }, HttpStatusCode.Created);

        var adminPage = await app.NewPageAsync();
        await BrowserApp.LoginAsync(adminPage, "admin", AppFactory.AdminPassword);
        await Assertions.Expect(adminPage.GetByRole(AriaRole.Heading, new() { Name = "我的待办" })).ToBeVisibleAsync();
        await Assertions.Expect(adminPage.GetByRole(AriaRole.Link, new() { Name = "账号管理" })).ToBeVisibleAsync();

        var staffPage = await app.NewPageAsync();
        await BrowserApp.LoginAsync(staffPage, username, AppFactory.Password);
        await Assertions.Expect(staffPage.GetByText("青石镇承办人")).ToBeVisibleAsync();
        await Assertions.Expect(staffPage.GetByRole(AriaRole.Link, new() { Name = "账号管理" })).ToHaveCountAsync(0);
        var denied = await staffPage.GotoAsync("/accounts");
        Assert.Equal(403, denied!.Status);
    }

    [Fact]
    public async Task A_wrong_password_shows_a_chinese_error_on_the_login_page()
    {
        var page = await app.NewPageAsync(phone: true);
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名").FillAsync("admin");
        await page.GetByLabel("密码").FillAsync("not-the-password1");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码错误");
    }

    [Fact]
    public async Task Signing_out_returns_to_the_login_page_and_the_pages_ask_for_a_login_again()
    {
        var page = await app.NewPageAsync(phone: true);
        await BrowserApp.LoginAsync(page, "admin", AppFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "登录" })).ToBeVisibleAsync();
        await page.GotoAsync("/org");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
    }
}
