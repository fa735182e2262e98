using System.Net;
using Microsoft.Playwright;
using Zhengfeng.Tests;

namespace Zhengfeng.BrowserTests;

/// <summary>
/// 年度考核 of one unit: the admin finds the unit, sees the 优秀 quota explained, a cadre admonished this year capped at
/// 称职 and one under a 记过 sanction left without a grade; two 优秀 out of five are refused, one is saved, and a cadre
/// with no 优秀 in three years is flagged as not first in line for promotion.
/// </summary>
public sealed class AssessmentJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Unit = "县审计局";

    [Fact]
    public async Task A_batch_over_the_excellent_quota_is_refused_and_caps_from_the_record_are_shown()
    {
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(app, name: Unit);
        await admin.CreateUnitAsync(app, name: "县统计局");
        var names = new[] { "孙诫勉", "周记过", "吴平常", "郑优秀", "王踏实", "冯认真" };
        var ids = new Dictionary<string, string>();
        foreach (var name in names)
        {
            var leading = name == "孙诫勉"; // 诫勉 is a form for leading cadres only
            ids[name] = (await admin.PostOkAsync("/api/v1/cadres",
                new { name, unitId = unit, post = leading ? "副局长" : "审计员", rank = leading ? "deputysection" : "staff" }, HttpStatusCode.Created)).Id();
        }
        await DecideAsync(admin, ids["孙诫勉"], ["admonition"], null);
        await DecideAsync(admin, ids["周记过"], [], "demerit");
        foreach (var year in new[] { 2024, 2025 })
        {
            await admin.PostOkAsync("/api/v1/assessments", new { unitId = unit, year, entries = names.Where(n => n != "周记过").Select(n => new { cadreId = ids[n], grade = "competent" }) });
        }

        var page = await app.NewPageAsync();
        await BrowserApp.LoginAsync(page, "admin", AppFactory.AdminPassword);
        await BrowserApp.NavigateAsync(page, "年度考核");
        await page.GetByLabel("单位名称").FillAsync("审计");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(page.GetByText("共 1 个单位")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"{Unit}考核登记" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{Unit} 2026 年度考核" })).ToBeVisibleAsync();

        // The quota and the caps, with their reasons.
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "优秀等次比例" })).ToContainTextAsync("其中 1 人处分期间不确定等次");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "优秀等次比例" })).ToContainTextAsync("按 5 人参加考核计，最多评定优秀 1 人");
        var admonished = Row(page, "孙诫勉");
        await Assertions.Expect(admonished).ToContainTextAsync("受到诫勉");
        await Assertions.Expect(admonished).ToContainTextAsync("最高：称职");
        await Assertions.Expect(admonished.GetByRole(AriaRole.Combobox, new() { Name = "考核等次：孙诫勉" }).Locator("option", new() { HasText = "优秀" })).ToBeDisabledAsync();
        await Assertions.Expect(admonished.GetByRole(AriaRole.Combobox, new() { Name = "问责方式：孙诫勉" })).ToHaveValueAsync("admonition");
        var sanctioned = Row(page, "周记过");
        await Assertions.Expect(sanctioned).ToContainTextAsync("记过处分（处分期间）");
        await Assertions.Expect(sanctioned).ToContainTextAsync("只写评语，不确定等次");
        await Assertions.Expect(sanctioned.GetByRole(AriaRole.Combobox)).ToHaveCountAsync(0);
        await Assertions.Expect(Row(page, "吴平常")).ToContainTextAsync("2025：称职");

        // Two 优秀 out of five are refused with the numbers; the choices stay on the page.
        await Grade(page, "孙诫勉", "称职");
        await Grade(page, "吴平常", "称职");
        await Grade(page, "郑优秀", "优秀");
        await Grade(page, "王踏实", "优秀");
        await Grade(page, "冯认真", "称职");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存考核结果" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("优秀等次超出比例：本单位参加考核5人，优秀不超过20%即1人，本次报送2人");
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "考核等次：王踏实" })).ToHaveValueAsync("excellent");

        // One 优秀 is within the quota.
        await Grade(page, "王踏实", "称职");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存考核结果" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已保存5名干部的2026年度考核等次");
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "考核等次：郑优秀" })).ToHaveValueAsync("excellent");
        await Assertions.Expect(Row(page, "吴平常")).ToContainTextAsync("不作为优先提拔人选");
        await Assertions.Expect(Row(page, "郑优秀")).Not.ToContainTextAsync("不作为优先提拔人选");

        // The list shows the unit's progress.
        await page.GetByRole(AriaRole.Link, new() { Name = "返回年度考核" }).ClickAsync();
        var row = new System.Text.RegularExpressions.Regex($@"^\s*{Unit}\s*6\s*5\s*1\s*[\d.]+（第 \d+ 名）\s*考核登记\s*$");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = Unit })).ToHaveTextAsync(row);
    }

    private static ILocator Row(IPage page, string name)
        => page.GetByRole(AriaRole.Table, new() { Name = "干部考核等次" }).GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });

    private static async Task Grade(IPage page, string name, string grade)
        => await page.GetByRole(AriaRole.Combobox, new() { Name = $"考核等次：{name}" }).SelectOptionAsync(new SelectOptionValue { Label = grade });

    private static async Task DecideAsync(HttpClient admin, string cadreId, string[] forms, string? sanction)
    {
        var opened = await admin.PostOkAsync("/api/v1/accountability", new { cadreId, facts = "审计项目拖延推诿，群众反映强烈" }, HttpStatusCode.Created);
        await admin.PostOkAsync($"/api/v1/accountability/{opened.Id()}/investigation", new { });
        await admin.PostOkAsync($"/api/v1/accountability/{opened.Id()}/decision", new { decision = "依规问责", forms, sanction, category = 2 });
    }
}
