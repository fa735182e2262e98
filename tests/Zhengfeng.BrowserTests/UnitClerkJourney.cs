using System.Net;
using Microsoft.Playwright;
using Zhengfeng.Tests;

namespace Zhengfeng.BrowserTests;

/// <summary>
/// 减负: a unit clerk gets from the home page to a submitted reply in at most six interactions — the inbox, the row's reply form, the
/// text with one of the unit's phrases, submit — and the reply signs the case on record.
/// </summary>
public sealed class UnitClerkJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_clerk_replies_from_the_inbox_in_at_most_six_interactions()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var unit = await admin.CreateUnitAsync(app, "department", root, "住房和城乡建设局");
        var clerkName = app.Unique("clerk");
        await admin.PostOkAsync("/api/v1/users", new { username = clerkName, password = AppFactory.Password, displayName = "住建承办人小赵", unitId = unit, roles = new[] { "unit" } },
            HttpStatusCode.Created);
        var clerkApi = await app.LoginAsync(clerkName, AppFactory.Password);
        await clerkApi.PostOkAsync("/api/v1/phrases", new { text = "感谢您对住建工作的监督。" }, HttpStatusCode.Created);
        var dispatcher = await admin.UserAsync(app, root, "dispatcher");
        var operatorApi = await admin.UserAsync(app, root, "operator");
        var c = await operatorApi.PostOkAsync("/api/v1/cases", new
        {
            kind = "complaint", categoryCode = "roads", title = "小区门口井盖松动", content = "阳光小区南门井盖松动，车辆经过响声很大。",
            reporter = new { name = "刘某", phone = "13900139000" },
        }, HttpStatusCode.Created);
        await dispatcher.PostOkAsync($"/api/v1/cases/{c.Id()}/dispatch", new { leadUnitId = unit });
        var number = (await dispatcher.GetOkAsync($"/api/v1/cases/{c.Id()}")).GetProperty("number").GetString()!;

        var page = await app.NewPageAsync();
        await BrowserApp.LoginAsync(page, clerkName, AppFactory.Password);
        var steps = 0;
        async Task Step(Func<Task> interaction)
        {
            steps++;
            await interaction();
        }

        await Step(() => page.GetByRole(AriaRole.Link, new() { Name = "待签收 1 件工单" }).ClickAsync());
        await Step(() => page.Locator("summary", new() { HasText = "答复（同时签收）" }).ClickAsync());
        await Step(() => page.GetByLabel("答复内容").FillAsync("已于今日加固南门井盖并更换橡胶垫圈，车辆经过不再有响声。"));
        await Step(() => page.GetByRole(AriaRole.Button, new() { Name = "感谢您对住建工作的监督。" }).ClickAsync());
        await Step(() => page.GetByRole(AriaRole.Button, new() { Name = "提交答复" }).ClickAsync());

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"已答复：小区门口井盖松动（{number}），等待群众评价");
        Assert.True(steps <= 6, $"从登录到提交答复用了{steps}步");
        var handled = await dispatcher.GetOkAsync($"/api/v1/cases/{c.Id()}");
        Assert.Equal("replied", handled.GetProperty("status").GetString());
        var timeline = handled.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Contains(timeline, e => e.GetProperty("action").GetString() == "sign" && e.GetProperty("note").GetString() == "首次答复，视为签收");
        Assert.EndsWith("感谢您对住建工作的监督。", handled.GetProperty("replyContent").GetString());
    }
}
