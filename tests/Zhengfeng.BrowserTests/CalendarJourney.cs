using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Zhengfeng.Tests;
using static Microsoft.Playwright.Assertions;

namespace Zhengfeng.BrowserTests;

/// <summary>Reading the official calendar, computing a deadline over the National Day holiday, and loading next year's file.</summary>
public sealed class CalendarJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_2026_calendar_shows_holidays_and_make_up_days_and_computes_a_deadline()
    {
        var page = await app.NewPageAsync(phone: true);
        await BrowserApp.LoginAsync(page, "admin", AppFactory.AdminPassword);
        await BrowserApp.NavigateAsync(page, "工作日历");

        await page.GetByLabel("年份").SelectOptionAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作日历 · 2026年" })).ToBeVisibleAsync();
        var october = page.GetByRole(AriaRole.Region, new() { Name = "2026年10月" });
        await Expect(october.Locator("time[datetime='2026-10-01']")).ToHaveClassAsync(new Regex(@"\boff\b"));
        await Expect(october.Locator("time[datetime='2026-10-10']")).ToHaveClassAsync(new Regex(@"\bmakeup\b"));
        await Expect(october.Locator("time[datetime='2026-10-10']")).ToHaveAttributeAsync("title", new Regex("国庆节"));
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "国庆节" })).ToContainTextAsync("10月10日");

        await page.GetByLabel("起算日期").FillAsync("2026-09-30");
        await page.GetByLabel("工作日数").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "计算期限" }).ClickAsync();
        var result = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "截止日期" });
        await Expect(result).ToContainTextAsync("2026-10-13（星期二）");
        await Expect(result).ToContainTextAsync("跳过国庆节假期");
    }

    [Fact]
    public async Task Admin_loads_the_2027_file_and_a_broken_file_is_refused_in_chinese()
    {
        var page = await app.NewPageAsync();
        await BrowserApp.LoginAsync(page, "admin", AppFactory.AdminPassword);
        await page.GotoAsync("/calendar?year=2027");
        await Expect(page.GetByText("2027年国务院节假日安排尚未载入")).ToBeVisibleAsync();
        // Until the notice comes the statutory days stand in: 国庆 10-02 and 10-03 fall on the weekend, made up on 10-04 and 10-05.
        await Expect(page.Locator("time[datetime='2027-10-05']")).ToHaveClassAsync(new Regex(@"\boff\b"));

        const string json = """
            {"year": 2027, "days": [
              {"name": "国庆节", "date": "2027-10-01", "isOffDay": true},
              {"name": "国庆节", "date": "2027-10-04", "isOffDay": true},
              {"name": "国庆节", "date": "2027-10-09", "isOffDay": false}]}
            """;
        await UploadAsync(page, "2027.json", json);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已导入2027年节假日安排：放假2天，调休上班1天");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作日历 · 2027年" })).ToBeVisibleAsync();
        await Expect(page.Locator("time[datetime='2027-10-04']")).ToHaveClassAsync(new Regex(@"\boff\b"));
        await Expect(page.Locator("time[datetime='2027-10-09']")).ToHaveClassAsync(new Regex(@"\bmakeup\b"));
        await Expect(page.Locator("time[datetime='2027-10-05']")).Not.ToHaveClassAsync(new Regex(@"\boff\b")); // the notice replaces the statute

        await UploadAsync(page, "broken.json", """{"year": 2028, "days": [""");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("导入失败：文件不是有效的 JSON");
        await UploadAsync(page, "2028.json", """{"year": 2028, "days": [{"name": "元旦", "date": "2028/01/01", "isOffDay": true}]}""");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("第1条的 date 不是 yyyy-MM-dd 格式的日期");
    }

    [Fact]
    public async Task Staff_read_the_calendar_but_are_not_offered_the_import()
    {
        var admin = await app.AdminAsync();
        var username = app.Unique("cal");
        await admin.PostOkAsync("/api/v1/users",
            new { username, password = AppFactory.Password, displayName = "日历读者", unitId = await admin.RootUnitIdAsync(), roles = new[] { "operator" } },
            System.Net.HttpStatusCode.Created);
        var page = await app.NewPageAsync();
        await BrowserApp.LoginAsync(page, username, AppFactory.Password);
        await page.GotoAsync("/calendar");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作日历 · 2026年" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "导入" })).ToHaveCountAsync(0);
    }

    private static async Task UploadAsync(IPage page, string name, string content)
    {
        await page.GetByLabel("节假日文件（JSON）").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(content) });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
    }
}
