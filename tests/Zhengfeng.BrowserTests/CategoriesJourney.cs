using Microsoft.Playwright;
using Zhengfeng.Tests;

namespace Zhengfeng.BrowserTests;

/// <summary>The admin edits a category's time limit and adds a category; a bad code is refused in Chinese.</summary>
public sealed class CategoriesJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Admin_changes_a_time_limit_and_adds_a_category()
    {
        var page = await app.NewPageAsync();
        await BrowserApp.LoginAsync(page, "admin", AppFactory.AdminPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "诉求分类" }).ClickAsync();
        await page.GetByLabel("roads办理工作日").FillAsync("7");
        await page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByLabel("roads名称") }).GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已保存");
        await Assertions.Expect(page.GetByLabel("roads办理工作日")).ToHaveValueAsync("7");

        await page.GetByLabel("编码（小写字母、数字、连字符）").FillAsync("trees");
        await page.GetByLabel("名称", new() { Exact = true }).FillAsync("古树名木保护");
        await page.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("trees名称")).ToHaveValueAsync("古树名木保护");

        await page.GetByLabel("编码（小写字母、数字、连字符）").FillAsync("trees");
        await page.GetByLabel("名称", new() { Exact = true }).FillAsync("重复的分类");
        await page.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("已存在");

        var categories = await app.Anonymous().GetOkAsync("/api/v1/categories");
        Assert.Equal(7, categories.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "roads").GetProperty("handleWorkdays").GetInt32());
    }
}
