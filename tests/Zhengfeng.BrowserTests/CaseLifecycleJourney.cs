using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Zhengfeng.Tests;

namespace Zhengfeng.BrowserTests;

/// <summary>
/// One request's life as the people do it: a citizen submits on a phone, the dispatcher dispatches, the unit signs,
/// asks for more time and replies, the citizen rates it bad, the unit handles it again, the citizen is satisfied,
/// and the month's ranking shows the unit with figures that lead to the case.
/// </summary>
public sealed partial class CaseLifecycleJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_citizen_request_is_dispatched_handled_reworked_rated_and_ranked()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        await admin.CreateUnitAsync(app, "department", root, "城市管理局");
        var unitId = (await admin.GetOkAsync("/api/v1/units")).EnumerateArray().First(u => u.GetProperty("name").GetString() == "城市管理局").Id();
        var dispatcherName = await AccountAsync(admin, root, "dispatcher", "派单员老周");
        var staffName = await AccountAsync(admin, unitId, "unit", "城管承办人小李");

        // The citizen, on a phone, submits a request and keeps the code.
        var citizen = await app.NewPageAsync(phone: true);
        await citizen.GotoAsync("/submit");
        await citizen.GetByLabel("诉求类型").SelectOptionAsync(new SelectOptionValue { Label = "投诉" });
        await citizen.GetByLabel("诉求分类").SelectOptionAsync(new SelectOptionValue { Label = "道路交通与市政设施" });
        await citizen.GetByLabel("标题").FillAsync("幸福路路灯不亮");
        await citizen.GetByLabel("诉求内容").FillAsync("幸福路东段十几盏路灯连续一周不亮，夜间行人和电动车很危险。");
        await citizen.GetByLabel("地址").FillAsync("幸福路东段");
        await citizen.GetByLabel("姓名").FillAsync("陈某某");
        await citizen.GetByLabel("联系电话").FillAsync("13800138000");
        await citizen.GetByLabel("现场照片", new() { Exact = false }).SetInputFilesAsync(new FilePayload
        {
            Name = "路灯.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52],
        });
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交诉求" }).ClickAsync();
        var track = citizen.GetByRole(AriaRole.Link, new() { Name = "查看办理进度" });
        await Assertions.Expect(track).ToBeVisibleAsync();
        var code = (await citizen.GetByLabel("查询码").TextContentAsync())!.Trim();
        Assert.Matches("^[2-9A-Z]{10}$", code);
        Assert.Equal($"/track/{code}", await track.GetAttributeAsync("href"));

        // The dispatcher finds it by its code and dispatches it to the unit.
        var dispatcher = await app.NewPageAsync();
        await BrowserApp.LoginAsync(dispatcher, dispatcherName, AppFactory.Password);
        await dispatcher.GetByRole(AriaRole.Link, new() { Name = "工单", Exact = true }).ClickAsync();
        await dispatcher.GetByLabel("关键词、工单编号或查询码").FillAsync(code);
        await dispatcher.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await dispatcher.GetByRole(AriaRole.Link, new() { Name = "幸福路路灯不亮" }).ClickAsync();
        var caseUrl = dispatcher.Url;
        await Assertions.Expect(dispatcher.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("已登记");
        await Assertions.Expect(dispatcher.GetByRole(AriaRole.Link, new() { Name = "路灯.png" })).ToBeVisibleAsync();
        await dispatcher.GetByLabel("主办单位").SelectOptionAsync(new SelectOptionValue { Label = "城市管理局" });
        await dispatcher.GetByRole(AriaRole.Button, new() { Name = "派单", Exact = true }).ClickAsync();
        await Assertions.Expect(dispatcher.GetByRole(AriaRole.Status)).ToHaveTextAsync("已派单");
        await Assertions.Expect(dispatcher.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("待签收");

        // The unit sees it waiting in its inbox, signs, and asks for three more working days.
        var staff = await app.NewPageAsync();
        await BrowserApp.LoginAsync(staff, staffName, AppFactory.Password);
        await Assertions.Expect(staff.GetByRole(AriaRole.Link, new() { Name = "待签收 1 件工单" })).ToBeVisibleAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "单位待办", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Link, new() { Name = "待签收 1" })).ToBeVisibleAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "幸福路路灯不亮" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "签收" }).ClickAsync();
        await Assertions.Expect(staff.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("办理中");
        await staff.Locator("summary", new() { HasText = "申请延期" }).ClickAsync();
        await staff.GetByLabel("延期工作日").FillAsync("3");
        await staff.GetByLabel("延期理由").FillAsync("需更换整段线路，材料到货需要时间");
        await staff.Locator("form[action*='handler=Extension'] button[type=submit]").ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToHaveTextAsync("已申请延期，等待审批");

        // The dispatcher approves the extension; the handling deadline moves and says why.
        await dispatcher.GotoAsync(caseUrl);
        await Assertions.Expect(dispatcher.GetByRole(AriaRole.Heading, new() { Name = "审批延期" })).ToBeVisibleAsync();
        await dispatcher.GetByRole(AriaRole.Button, new() { Name = "批准延期" }).ClickAsync();
        await Assertions.Expect(dispatcher.GetByRole(AriaRole.Status)).ToHaveTextAsync("已批准延期");
        await Assertions.Expect(dispatcher.GetByLabel("办理时限")).ToContainTextAsync("延期3个工作日");

        // The unit replies.
        await staff.ReloadAsync();
        await ReplyAsync(staff, "已更换幸福路东段路灯线路，路灯已全部恢复照明。");

        // The citizen reads the reply and is not satisfied: the case goes back for rework.
        await citizen.GotoAsync($"/track/{code}");
        await Assertions.Expect(citizen.GetByText("已更换幸福路东段路灯线路")).ToBeVisibleAsync();
        await Assertions.Expect(citizen.GetByText("城管承办人小李")).ToHaveCountAsync(0);
        await Assertions.Expect(citizen.GetByText("陈某某")).ToHaveCountAsync(0);
        await citizen.GetByLabel("不满意", new() { Exact = true }).CheckAsync();
        await citizen.GetByLabel("意见或建议").FillAsync("还有三盏不亮");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Status)).ToContainTextAsync("不满意");
        await Assertions.Expect(citizen.GetByText("重办中")).ToBeVisibleAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Button, new() { Name = "提交评价" })).ToHaveCountAsync(0);

        // The unit sees the rework and replies again; the citizen is satisfied and the case closes.
        await staff.ReloadAsync();
        await Assertions.Expect(staff.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("重办中");
        await ReplyAsync(staff, "已复查并修复剩余三盏路灯，并电话回访诉求人。");
        await citizen.ReloadAsync();
        await citizen.GetByLabel("满意", new() { Exact = true }).CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Status)).ToContainTextAsync("满意");
        await Assertions.Expect(citizen.GetByText("已办结", new() { Exact = true })).ToBeVisibleAsync();

        // The dispatcher opens this month's ranking, finds the unit, and follows a figure to the case.
        await dispatcher.GetByRole(AriaRole.Link, new() { Name = "排名" }).ClickAsync();
        await Assertions.Expect(dispatcher.GetByLabel("月份")).ToHaveValueAsync("2026-11");
        var row = dispatcher.GetByRole(AriaRole.Row).Filter(new() { Has = dispatcher.GetByRole(AriaRole.Rowheader, new() { Name = "城市管理局" }) });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.GetByRole(AriaRole.Link, new() { Name = "城市管理局 评价 2 件" }).ClickAsync();
        await dispatcher.WaitForURLAsync(MetricUrl());
        await Assertions.Expect(dispatcher.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("城市管理局");
        await dispatcher.GetByRole(AriaRole.Link, new() { Name = "幸福路路灯不亮" }).First.ClickAsync();
        await Assertions.Expect(dispatcher.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("已办结");
    }

    private static async Task ReplyAsync(IPage staff, string content)
    {
        await staff.GetByLabel("答复内容").FillAsync(content);
        await staff.GetByLabel("办理结果").SelectOptionAsync(new SelectOptionValue { Label = "已解决" });
        await staff.GetByRole(AriaRole.Button, new() { Name = "提交答复", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToHaveTextAsync("已答复");
    }

    private async Task<string> AccountAsync(HttpClient admin, string unitId, string role, string displayName)
    {
        var username = app.Unique(role);
        await admin.PostOkAsync("/api/v1/users", new { username, password = AppFactory.Password, displayName, unitId, roles = new[] { role } }, HttpStatusCode.Created);
        return username;
    }

    [GeneratedRegex("/rankings/cases\\?.*metric=rated")]
    private static partial Regex MetricUrl();
}
