using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Zhengfeng.Tests;
using static Microsoft.Playwright.Assertions;

namespace Zhengfeng.BrowserTests;

/// <summary>The admin opens an account for a township clerk, resets its password, and disables it.</summary>
public sealed class AccountsJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Admin_creates_an_account_resets_its_password_and_disables_it()
    {
        var admin = await app.AdminAsync();
        await admin.CreateUnitAsync(app, "township", name: "云溪镇");
        var username = app.Unique("yx");

        var page = await app.NewPageAsync();
        await BrowserApp.LoginAsync(page, "admin", AppFactory.AdminPassword);
        await BrowserApp.NavigateAsync(page, "账号管理");
        var form = page.GetByRole(AriaRole.Region, new() { Name = "新增账号" });
        await form.GetByLabel("用户名").FillAsync(username);
        await form.GetByLabel("姓名").FillAsync("云溪镇承办人");
        await form.GetByLabel("初始密码").FillAsync("lettersonly");
        await form.GetByLabel("所属单位").SelectOptionAsync(new SelectOptionValue { Label = "本县（区） / 云溪镇" });
        await form.GetByLabel("承办单位").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("密码至少8位，且须同时包含字母和数字");
        await Expect(form.GetByLabel("承办单位")).ToBeCheckedAsync();

        await form.GetByLabel("初始密码").FillAsync(AppFactory.Password);
        await form.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"已创建账号“{username}”");
        await page.GetByLabel("用户名或姓名").FillAsync(username);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = username });
        await Expect(row).ToContainTextAsync("承办单位");
        await Expect(row).ToContainTextAsync("本县（区） / 云溪镇");

        await row.GetByText("重置密码").ClickAsync();
        await row.GetByLabel("新密码").FillAsync("Newpass2026");
        await row.GetByRole(AriaRole.Button, new() { Name = "确定重置" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已重置密码");
        await app.LoginAsync(username, "Newpass2026");

        await row.GetByRole(AriaRole.Button, new() { Name = "停用" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"已停用账号“{username}”");
        await Expect(row).ToContainTextAsync("已停用");
        var refused = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { username, password = "Newpass2026" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        await row.GetByRole(AriaRole.Button, new() { Name = "启用" }).ClickAsync();
        await Expect(row).ToContainTextAsync("启用中");
    }
}
