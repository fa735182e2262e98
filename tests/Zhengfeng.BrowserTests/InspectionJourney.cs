using System.Net;
using Microsoft.Playwright;
using Zhengfeng.Tests;
using static Microsoft.Playwright.Assertions;

namespace Zhengfeng.BrowserTests;

/// <summary>
/// 暗访 end to end: the admin opens an outside visitor's (暗访员) account on the accounts page; a supervisor drafts a plan naming the
/// visitor and issues it; the visitor, on a phone, sees nothing but the plan, fills the record sheet and submits it; the supervisor
/// turns the non-conforming line into a clue in one step; the visited unit sees nothing of it.
/// </summary>
public sealed class InspectionJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_mystery_visit_goes_from_plan_to_a_clue_on_a_phone()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var office = await admin.CreateUnitAsync(app, "department", root, "县作风效能建设办公室");
        await admin.CreateUnitAsync(app, "township", root, "青石镇");
        var supervisorName = app.Unique("sup");
        await admin.PostOkAsync("/api/v1/users", new { username = supervisorName, password = AppFactory.Password, displayName = "督查员老周", unitId = office, roles = new[] { "supervisor" } },
            HttpStatusCode.Created);
        var clerk = app.Unique("clerk");
        var township = (await admin.GetOkAsync("/api/v1/units")).EnumerateArray().First(u => u.GetProperty("name").GetString() == "青石镇").Id();
        await admin.PostOkAsync("/api/v1/users", new { username = clerk, password = AppFactory.Password, displayName = "青石镇文书", unitId = township, roles = new[] { "unit" } },
            HttpStatusCode.Created);

        // The admin opens the outside visitor's account in the supervising office.
        var adminPage = await app.NewPageAsync();
        await BrowserApp.LoginAsync(adminPage, "admin", AppFactory.AdminPassword);
        await adminPage.GotoAsync("/accounts");
        var visitorName = app.Unique("visitor");
        var create = adminPage.Locator("form", new() { Has = adminPage.GetByRole(AriaRole.Button, new() { Name = "创建账号" }) });
        await create.GetByLabel("用户名").FillAsync(visitorName);
        await create.GetByLabel("姓名").FillAsync("特邀监督员老王");
        await create.GetByLabel("初始密码").FillAsync(AppFactory.Password);
        await create.GetByLabel("所属单位").SelectOptionAsync(new SelectOptionValue { Value = office });
        await create.GetByLabel("暗访员").CheckAsync();
        await create.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();
        await Expect(adminPage.Locator("main")).ToContainTextAsync("特邀监督员老王");

        var supervisor = await app.NewPageAsync();
        await BrowserApp.LoginAsync(supervisor, supervisorName, AppFactory.Password);
        await BrowserApp.NavigateAsync(supervisor, "暗访");
        await supervisor.GetByRole(AriaRole.Link, new() { Name = "制定暗访计划" }).ClickAsync();
        await supervisor.GetByLabel("计划名称").FillAsync("青石镇便民服务中心暗访");
        await supervisor.GetByLabel("暗访目的").FillAsync("检查窗口工作人员在岗在位和服务态度");
        await supervisor.GetByLabel("暗访单位").SelectOptionAsync(new SelectOptionValue { Label = "青石镇" });
        await supervisor.GetByLabel("检查内容").FillAsync("在岗在位\n服务态度\n一次性告知");
        await supervisor.GetByLabel("暗访人员").SelectOptionAsync(new SelectOptionValue { Label = "特邀监督员老王（暗访员）" });
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Expect(supervisor.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存为草稿");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "下发" }).ClickAsync();
        await Expect(supervisor.GetByRole(AriaRole.Status)).ToContainTextAsync("已下发");
        var planUrl = supervisor.Url;

        // The visitor on a phone: only 暗访 in the navigation, the plan on the home page.
        var visitor = await app.NewPageAsync(phone: true);
        await BrowserApp.LoginAsync(visitor, visitorName, AppFactory.Password);
        var nav = visitor.GetByRole(AriaRole.Navigation, new() { Name = "主导航" });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "工单" })).ToHaveCountAsync(0);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "问题线索" })).ToHaveCountAsync(0);
        await visitor.GetByRole(AriaRole.Link, new() { Name = "暗访任务" }).ClickAsync();
        await visitor.GetByRole(AriaRole.Link, new() { Name = "青石镇便民服务中心暗访" }).Or(visitor.Locator("tbody tr", new() { HasText = "青石镇便民服务中心暗访" }).GetByRole(AriaRole.Link))
            .First.ClickAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "填写记录表" }).ClickAsync();
        await visitor.GetByLabel("暗访时间").FillAsync("2026-11-02T08:40");
        await visitor.GetByLabel("暗访地点").FillAsync("青石镇便民服务中心民政窗口");
        var first = visitor.GetByRole(AriaRole.Group, new() { Name = "1. 在岗在位" });
        await first.GetByLabel("不符合").CheckAsync();
        await first.GetByLabel("第1项情况说明").FillAsync("民政窗口无人，等候二十分钟");
        await visitor.GetByRole(AriaRole.Group, new() { Name = "2. 服务态度" }).GetByLabel("符合", new() { Exact = true }).CheckAsync();
        await visitor.GetByLabel("发现的问题").FillAsync("工作人员返回后未说明去向");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Status)).ToHaveTextAsync("已保存");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Status)).ToHaveTextAsync("记录表已提交");
        await Expect(visitor.GetByRole(AriaRole.Button, new() { Name = "提交" })).ToHaveCountAsync(0);
        await Expect(visitor.GetByRole(AriaRole.Button, new() { Name = "转为问题线索", Exact = true })).ToHaveCountAsync(0);
        var width = await visitor.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 420, $"the sheet scrolls sideways on a phone: {width}px");

        // The supervisor turns the non-conforming line into a clue, once.
        await supervisor.GotoAsync(planUrl);
        await supervisor.Locator("tbody tr", new() { HasText = "青石镇" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "转为问题线索", Exact = true }).ClickAsync();
        await Expect(supervisor.GetByRole(AriaRole.Status)).ToHaveTextAsync("已转为问题线索");
        await Expect(supervisor.GetByRole(AriaRole.Button, new() { Name = "转为问题线索", Exact = true })).ToHaveCountAsync(0);
        await supervisor.GetByRole(AriaRole.Link, new() { Name = "查看线索" }).ClickAsync();
        await Expect(supervisor.Locator("main")).ToContainTextAsync("民政窗口无人");
        await supervisor.GotoAsync(planUrl);
        await Expect(supervisor.GetByRole(AriaRole.Region, new() { Name = "暗访报告" })).ToContainTextAsync("转为问题线索 1 条");

        // The visited township sees nothing of the plan.
        var unit = await app.NewPageAsync();
        await BrowserApp.LoginAsync(unit, clerk, AppFactory.Password);
        await Expect(unit.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "暗访" })).ToHaveCountAsync(0);
        await unit.GotoAsync(planUrl);
        await Expect(unit.Locator("main")).Not.ToContainTextAsync("青石镇便民服务中心暗访");
    }
}
