using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.Playwright;
using Zhengfeng.Tests;

namespace Zhengfeng.BrowserTests;

/// <summary>
/// 评议 from set-up to consequences: the admin creates the year's campaign on the pages, opens it and issues one-time codes
/// (on screen for printing and as a spreadsheet); outside raters vote on their phones; a code cannot be used twice; the
/// admin watches the turnout, closes the campaign and sees each unit's verdict. A unit that was 不满意 last year too has its
/// head flagged for removal and its deputy for accountability; the deputy is referred to 问责 (the case opens on the accountability pages) and the 满意 unit praised.
/// </summary>
public sealed partial class EvaluationJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Housing = "县住房和城乡建设局";
    private const string Land = "县自然资源局";

    [Fact]
    public async Task A_campaign_is_set_up_voted_on_phones_closed_and_its_consequences_acted_on()
    {
        var admin = await app.AdminAsync();
        var housing = await admin.CreateUnitAsync(app, name: Housing);
        var land = await admin.CreateUnitAsync(app, name: Land);
        await LeadersAsync(admin, land, "赵国土", "钱分管");
        await LastYearUnsatisfiedAsync(admin, land);

        // The admin creates the campaign for two units with the deputies and the public as rater groups.
        var page = await app.NewPageAsync();
        await BrowserApp.LoginAsync(page, "admin", AppFactory.AdminPassword);
        await BrowserApp.NavigateAsync(page, "评议");
        await page.GetByLabel("名称", new() { Exact = true }).FillAsync("2026年度政风行风评议");
        await page.GetByLabel("年度", new() { Exact = true }).FillAsync("2026");
        await page.GetByLabel(Housing).CheckAsync();
        await page.GetByLabel(Land).CheckAsync();
        await page.GetByLabel("人大代表、政协委员", new() { Exact = true }).FillAsync("40");
        await page.GetByLabel("群众", new() { Exact = true }).FillAsync("60");
        foreach (var unused in new[] { "企业", "行风监督员", "服务对象" })
        {
            await page.GetByLabel(unused, new() { Exact = true }).FillAsync("0");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "新建评议" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2026年度政风行风评议" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("被评议单位：")).ToContainTextAsync(Housing);
        await page.GetByRole(AriaRole.Button, new() { Name = "开始评议" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("评议已开始，可以发放评议码");

        // Codes for the public are shown once, as slips to print; those for the deputies come as a spreadsheet.
        var issue = page.GetByRole(AriaRole.Form, new() { Name = "发放评议码" });
        await issue.GetByLabel("评议群体").SelectOptionAsync(new SelectOptionValue { Label = "群众" });
        await issue.GetByLabel("数量").FillAsync("3");
        await issue.GetByRole(AriaRole.Button, new() { Name = "发放评议码" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "群众评议码（共 3 张）" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("评议码只显示这一次")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印评议码" })).ToBeVisibleAsync();
        var slips = page.GetByRole(AriaRole.List, new() { Name = "评议码清单" });
        await Assertions.Expect(slips.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(3);
        var publicCodes = (await slips.Locator(".slip-code").AllInnerTextsAsync()).ToList();
        Assert.All(publicCodes, c => Assert.Matches(CodePattern(), c));
        await Assertions.Expect(slips.GetByRole(AriaRole.Listitem).First).ToContainTextAsync($"/ballot/{publicCodes[0]}");

        issue = page.GetByRole(AriaRole.Form, new() { Name = "发放评议码" });
        await issue.GetByLabel("评议群体").SelectOptionAsync(new SelectOptionValue { Label = "人大代表、政协委员" });
        await issue.GetByLabel("数量").FillAsync("2");
        var download = await page.RunAndWaitForDownloadAsync(() => issue.GetByRole(AriaRole.Button, new() { Name = "发放并下载Excel" }).ClickAsync());
        Assert.EndsWith("人大代表、政协委员评议码.xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var deputyCodes = ReadCodes(await download.PathAsync());
        Assert.Equal(2, deputyCodes.Count);

        // The codes are not stored: reloading the page does not show them again, but the turnout counts them.
        await page.GotoAsync(page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "评议码清单" })).ToHaveCountAsync(0);
        var turnout = page.GetByRole(AriaRole.Table, new() { Name = "参评情况" });
        await Assertions.Expect(turnout.GetByRole(AriaRole.Row).Filter(new() { HasText = "群众" })).ToHaveTextAsync(Turnout("群众", 60, 3, 0, "0"));
        await Assertions.Expect(turnout.GetByRole(AriaRole.Row).Filter(new() { HasText = "人大代表" })).ToHaveTextAsync(Turnout("人大代表、政协委员", 40, 2, 0, "0"));
        var campaignUrl = page.Url;

        // Raters vote on their phones. A: deputies (100+100)/2 = 100, public (100+100+60)/3 = 86.67 → 92 → 满意.
        // B: deputies 0, public (0+60+0)/3 = 20 → 12 → 不满意.
        await VoteOnPhoneAsync(deputyCodes[0], "人大代表、政协委员", ("满意", "不满意"));
        await VoteOnPhoneAsync(deputyCodes[1], "人大代表、政协委员", ("满意", "不满意"));
        await VoteOnPhoneAsync(publicCodes[0], "群众", ("满意", "不满意"));

        // One rater types the code (in lower case) at /ballot instead of opening the link.
        var typed = await app.NewPageAsync(phone: true);
        await typed.GotoAsync("/ballot");
        await typed.GetByRole(AriaRole.Textbox, new() { Name = "评议码" }).FillAsync(publicCodes[1].ToLowerInvariant());
        await typed.GetByRole(AriaRole.Button, new() { Name = "开始评议" }).ClickAsync();
        await RateAsync(typed, ("满意", "基本满意"));
        await Assertions.Expect(typed.GetByRole(AriaRole.Status)).ToHaveTextAsync("投票成功，感谢您的参与！");

        // The same code opened on two phones: the second submission is refused, and the code shows as used.
        var first = await app.NewPageAsync(phone: true);
        var second = await app.NewPageAsync(phone: true);
        await first.GotoAsync($"/ballot/{publicCodes[2]}");
        await second.GotoAsync($"/ballot/{publicCodes[2]}");
        await RateAsync(first, ("基本满意", "不满意"));
        await Assertions.Expect(first.GetByRole(AriaRole.Status)).ToHaveTextAsync("投票成功，感谢您的参与！");
        await RateAsync(second, ("不满意", "满意"));
        await Assertions.Expect(second.GetByRole(AriaRole.Alert)).ToHaveTextAsync("此评议码已使用，每个评议码只能投票一次");
        await Assertions.Expect(second.GetByRole(AriaRole.Button, new() { Name = "提交评议" })).ToHaveCountAsync(0);
        var reused = await app.NewPageAsync(phone: true);
        await reused.GotoAsync($"/ballot/{deputyCodes[0]}");
        await Assertions.Expect(reused.GetByRole(AriaRole.Status)).ToHaveTextAsync("此评议码已使用，每个评议码只能投票一次。");
        await reused.GotoAsync("/ballot/ABCD-EFGH-JKLM");
        await Assertions.Expect(reused.GetByRole(AriaRole.Alert)).ToHaveTextAsync("评议码不正确，请核对后重新输入");

        // The admin sees everyone has voted and closes the campaign.
        await page.GotoAsync(campaignUrl);
        await Assertions.Expect(turnout.GetByRole(AriaRole.Row).Filter(new() { HasText = "群众" })).ToHaveTextAsync(Turnout("群众", 60, 3, 3, "100"));
        await Assertions.Expect(turnout.GetByRole(AriaRole.Row).Filter(new() { HasText = "人大代表" })).ToHaveTextAsync(Turnout("人大代表、政协委员", 40, 2, 2, "100"));
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "结束评议并计算结果" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("评议已结束，结果已计算");

        var results = page.GetByRole(AriaRole.Table, new() { Name = "评议结果" });
        var housingRow = results.GetByRole(AriaRole.Row).Filter(new() { HasText = Housing });
        await Assertions.Expect(housingRow.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("92");
        await Assertions.Expect(housingRow.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync("满意");
        await Assertions.Expect(housingRow).ToContainTextAsync("通报表扬");
        await Assertions.Expect(housingRow.GetByRole(AriaRole.Cell).Nth(5)).ToContainTextAsync("群众：86.67");
        var landRow = results.GetByRole(AriaRole.Row).Filter(new() { HasText = Land });
        await Assertions.Expect(landRow.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("12");
        await Assertions.Expect(landRow.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync("不满意");
        await Assertions.Expect(landRow.GetByRole(AriaRole.Cell).Nth(5)).ToContainTextAsync("人大代表、政协委员：0");
        await Assertions.Expect(landRow).ToContainTextAsync("建议免职：赵国土");
        await Assertions.Expect(landRow).ToContainTextAsync("建议问责：钱分管");
        await Assertions.Expect(landRow).ToContainTextAsync("2025、2026年度评议连续不满意");
        await Assertions.Expect(landRow.GetByRole(AriaRole.Link, new() { Name = "赵国土" })).ToHaveAttributeAsync("href", IntegrityPath());

        // The deputy is referred to 问责; the case is then on the accountability ledger.
        await landRow.GetByRole(AriaRole.Button, new() { Name = "移送问责：钱分管" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已移送问责：对钱分管的问责案件已立项");
        await Assertions.Expect(landRow.GetByRole(AriaRole.Button, new() { Name = "移送问责：钱分管" })).ToHaveCountAsync(0);
        await Assertions.Expect(landRow.GetByRole(AriaRole.Button, new() { Name = "移送问责：赵国土" })).ToBeVisibleAsync();
        await landRow.GetByRole(AriaRole.Link, new() { Name = "已移送问责" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "问责案件：钱分管" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("已立项");
        await Assertions.Expect(page.GetByText("2025、2026年度评议连续不满意").First).ToBeVisibleAsync();

        // The 满意 unit is praised in a draft 通报表扬.
        await page.GotoAsync(campaignUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "拟制表扬通报" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已拟制表扬通报《关于对2026年度政风行风评议满意单位予以通报表扬的通报》");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "拟制表扬通报" })).ToHaveCountAsync(0);
        await housingRow.GetByRole(AriaRole.Link, new() { Name = "已拟制表扬通报" }).ClickAsync();
        await Assertions.Expect(page.GetByText("关于对2026年度政风行风评议满意单位予以通报表扬的通报").First).ToBeVisibleAsync();
    }

    private async Task VoteOnPhoneAsync(string code, string group, (string Housing, string Land) levels)
    {
        var phone = await app.NewPageAsync(phone: true);
        await phone.GotoAsync($"/ballot/{code}");
        await Assertions.Expect(phone.GetByText($"您的身份：{group}")).ToBeVisibleAsync();
        await RateAsync(phone, levels);
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToHaveTextAsync("投票成功，感谢您的参与！");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the ballot scrolls sideways on a phone");
    }

    private static async Task RateAsync(IPage phone, (string Housing, string Land) levels)
    {
        await phone.GetByRole(AriaRole.Group, new() { Name = Housing }).GetByRole(AriaRole.Radio, new() { Name = levels.Housing, Exact = true }).CheckAsync();
        await phone.GetByRole(AriaRole.Group, new() { Name = Land }).GetByRole(AriaRole.Radio, new() { Name = levels.Land, Exact = true }).CheckAsync();
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the ballot scrolls sideways on a phone");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交评议" }).ClickAsync();
    }

    private static async Task LeadersAsync(HttpClient admin, string unit, string head, string deputy)
    {
        var headId = (await admin.PostOkAsync("/api/v1/cadres", new { name = head, unitId = unit, post = "局长", rank = "section" }, HttpStatusCode.Created)).Id();
        var deputyId = (await admin.PostOkAsync("/api/v1/cadres", new { name = deputy, unitId = unit, post = "副局长", rank = "deputysection" }, HttpStatusCode.Created)).Id();
        var current = await admin.GetOkAsync($"/api/v1/units/{unit}");
        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/units/{unit}")
        {
            Content = JsonContent.Create(new
            {
                name = current.GetProperty("name").GetString(), code = current.GetProperty("code").GetString(),
                parentId = current.GetProperty("parentId").GetString(), kind = "department", headId, deputyId
            }),
        })).EnsureSuccessStatusCode();
    }

    /// <summary>Last year's campaign, run and closed through the API: the unit was 不满意.</summary>
    private async Task LastYearUnsatisfiedAsync(HttpClient admin, string unit)
    {
        var id = (await admin.PostOkAsync("/api/v1/evaluations", new
        {
            name = "2025年度政风行风评议",
            year = 2025,
            unitIds = new[] { unit },
            groups = new[] { new { group = "public", weight = 100 } },
        }, HttpStatusCode.Created)).Id();
        await admin.PostOkAsync($"/api/v1/evaluations/{id}/open", new { });
        var code = (await admin.PostOkAsync($"/api/v1/evaluations/{id}/ballots", new { group = "public", count = 1 })).GetProperty("codes")[0].GetString();
        await app.Anonymous().PostOkAsync($"/public/v1/ballots/{code}", new { ratings = new[] { new { unitId = unit, level = "unsatisfied" } } }, HttpStatusCode.NoContent);
        await admin.PostOkAsync($"/api/v1/evaluations/{id}/close", new { });
    }

    private static List<string> ReadCodes(string path)
    {
        using var stream = File.OpenRead(path);
        using var workbook = new XLWorkbook(stream);
        var sheet = workbook.Worksheet(1);
        Assert.Equal("评议码", sheet.Cell(1, 3).GetString());
        return sheet.RowsUsed().Skip(1).Select(r => r.Cell(3).GetString()).ToList();
    }

    private static Regex Turnout(string group, int weight, int issued, int cast, string percent)
        => new($@"^\s*{Regex.Escape(group)}\s*{weight}\s*{issued}\s*{cast}\s*{percent}%\s*$");

    [GeneratedRegex("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^/cadres/[^/]+/integrity$")]
    private static partial Regex IntegrityPath();
}
