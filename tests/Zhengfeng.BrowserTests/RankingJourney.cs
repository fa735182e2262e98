using System.Net;
using Microsoft.Playwright;
using Zhengfeng.Tests;

namespace Zhengfeng.BrowserTests;

/// <summary>
/// 四类排名 in the browser: the leader opens the streets' ranking and the departments' ranking, each its own page with its own
/// drill-down; supervision uploads a district's reported month, which the districts' ranking shows marked 填报, without a link.
/// </summary>
public sealed class RankingJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Streets_and_departments_are_ranked_on_separate_pages_and_a_reported_district_is_marked()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var town = await admin.CreateUnitAsync(app, "township", root, "城关镇");
        var bureau = await admin.CreateUnitAsync(app, "department", root, "城市管理局");
        var district = app.Unique("南区");
        await admin.PostOkAsync("/api/v1/units", new { name = district, code = app.Unique("d"), kind = "county" }, HttpStatusCode.Created);
        var intake = await admin.UserAsync(app, root, "operator", "dispatcher");
        foreach (var unit in new[] { town, town, bureau })
        {
            var c = await intake.PostOkAsync("/api/v1/cases", new
            {
                kind = "complaint", categoryCode = "roads", title = "人行道井盖缺失", content = "幸福路人行道井盖缺失，夜间行人易跌落。",
                channel = "hotline", reporter = new { name = "陈某某", phone = "13800138000" },
            }, HttpStatusCode.Created);
            await intake.PostOkAsync($"/api/v1/cases/{c.Id()}/dispatch", new { leadUnitId = unit });
        }
        var leader = app.Unique("leader");
        var supervisor = app.Unique("supervisor");
        foreach (var (username, role) in new[] { (leader, "leader"), (supervisor, "supervisor") })
        {
            await admin.PostOkAsync("/api/v1/users", new { username, password = AppFactory.Password, displayName = "用户" + role, unitId = root, roles = new[] { role } },
                HttpStatusCode.Created);
        }

        var page = await app.NewPageAsync();
        await BrowserApp.LoginAsync(page, leader, AppFactory.Password);
        await BrowserApp.NavigateAsync(page, "排名");
        var kinds = page.GetByRole(AriaRole.Navigation, new() { Name = "排名类别" });

        await kinds.GetByRole(AriaRole.Link, new() { Name = "街道乡镇" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/rankings/townships", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("街道乡镇排名");
        await Assertions.Expect(page.Locator("table tbody")).Not.ToContainTextAsync("城市管理局");
        await page.GetByRole(AriaRole.Link, new() { Name = "城关镇 派单 2 件" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/rankings/cases", StringComparison.Ordinal) && url.Contains("group=townships", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("城关镇 · 派单（2 件）");
        await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Link, new() { Name = "街道乡镇排名" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/rankings/townships", StringComparison.Ordinal));

        await kinds.GetByRole(AriaRole.Link, new() { Name = "部门" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/rankings/departments", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("table tbody")).Not.ToContainTextAsync("城关镇");
        await page.GetByRole(AriaRole.Link, new() { Name = "城市管理局 派单 1 件" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("城市管理局 · 派单（1 件）");
        await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);

        // Supervision uploads the district's October, as its office filled the template in.
        var sheetPath = Path.Combine(Path.GetTempPath(), app.Unique("reported") + ".xlsx");
        await File.WriteAllBytesAsync(sheetPath, TestSheets.Xlsx("区县填报",
            ["区县名称", "月份", "派单", "按时签收", "评价", "解决", "满意", "退单"], [district, "2026-10", "120", "108", "90", "72", "81", "2"]));
        try
        {
            var office = await app.NewPageAsync();
            await BrowserApp.LoginAsync(office, supervisor, AppFactory.Password);
            await office.GotoAsync("/rankings/districts");
            await office.GetByRole(AriaRole.Link, new() { Name = "区县填报数据（导入、撤回）" }).ClickAsync();
            await office.GetByLabel("填报文件（.xlsx 或 CSV）").SetInputFilesAsync(sheetPath);
            await office.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
            await Assertions.Expect(office.GetByText("已导入区县填报数据：新增 1 条，更新 0 条")).ToBeVisibleAsync();
            await Assertions.Expect(office.GetByRole(AriaRole.Table, new() { Name = "区县填报数据" })).ToContainTextAsync(district);
        }
        finally
        {
            File.Delete(sheetPath);
        }

        await page.GotoAsync("/rankings/districts?period=2026-10");
        var row = page.Locator("table tbody tr", new() { HasText = district });
        await Assertions.Expect(row).ToContainTextAsync("填报");
        await Assertions.Expect(row).ToContainTextAsync("90.0 %");
        await Assertions.Expect(row.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
    }
}
