using System.Net;
using Microsoft.Playwright;
using Zhengfeng.Tests;

namespace Zhengfeng.BrowserTests;

/// <summary>A supervision notice: the township replies in the browser, the supervisor sends it back once, then accepts.</summary>
public sealed class NoticeJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_unit_replies_and_the_supervisor_judges()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var town = await admin.CreateUnitAsync(app, "township", root, "北坡镇");
        var office = await admin.CreateUnitAsync(app, "department", root, "作风办");
        var staff = app.Unique("bp");
        var supervisorName = app.Unique("sv");
        await admin.PostOkAsync("/api/v1/users", new { username = staff, password = AppFactory.Password, displayName = "北坡镇承办人", unitId = town, roles = new[] { "unit" } }, HttpStatusCode.Created);
        await admin.PostOkAsync("/api/v1/users",
            new { username = supervisorName, password = AppFactory.Password, displayName = "督查员小孙", unitId = office, roles = new[] { "supervisor" } },
            HttpStatusCode.Created);
        var supervisorApi = await app.LoginAsync(supervisorName, AppFactory.Password);
        var notice = await supervisorApi.PostOkAsync("/api/v1/supervision-notices", new { unitId = town, level = "yellow", reason = "镇便民服务中心多次被反映窗口无人，请说明情况并整改" }, HttpStatusCode.Created);
        var number = notice.GetProperty("number").GetString()!;

        var unitPage = await app.NewPageAsync(phone: true);
        await BrowserApp.LoginAsync(unitPage, staff, AppFactory.Password);
        await unitPage.GetByRole(AriaRole.Link, new() { Name = "待回复督办单" }).ClickAsync();
        await unitPage.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await unitPage.GetByLabel("回复内容").FillAsync("已安排专人值守窗口，并公开值班表");
        await unitPage.GetByRole(AriaRole.Button, new() { Name = "提交回复" }).ClickAsync();
        await Assertions.Expect(unitPage.GetByRole(AriaRole.Status)).ToHaveTextAsync("已提交回复");
        await Assertions.Expect(unitPage.GetByRole(AriaRole.Button, new() { Name = "认可回复" })).ToHaveCountAsync(0);

        var supervisorPage = await app.NewPageAsync();
        await BrowserApp.LoginAsync(supervisorPage, supervisorName, AppFactory.Password);
        await supervisorPage.GotoAsync($"/notices/{notice.Id()}");
        await supervisorPage.GetByLabel("审核意见").FillAsync("未说明原因，请补充");
        await supervisorPage.GetByRole(AriaRole.Button, new() { Name = "退回重报" }).ClickAsync();
        await Assertions.Expect(supervisorPage.GetByRole(AriaRole.Status)).ToHaveTextAsync("已退回重报");

        await unitPage.ReloadAsync();
        await unitPage.GetByLabel("回复内容").FillAsync("原因是人员借调未补位，现已补足两人轮岗");
        await unitPage.GetByRole(AriaRole.Button, new() { Name = "提交回复" }).ClickAsync();

        await supervisorPage.ReloadAsync();
        await supervisorPage.GetByRole(AriaRole.Button, new() { Name = "认可回复" }).ClickAsync();
        await Assertions.Expect(supervisorPage.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("已办结");
    }
}
