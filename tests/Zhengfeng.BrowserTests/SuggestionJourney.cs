using System.Net;
using Microsoft.Playwright;
using Zhengfeng.Tests;
using static Microsoft.Playwright.Assertions;

namespace Zhengfeng.BrowserTests;

/// <summary>
/// 派单推荐 in one click each: the county's history teaches the model street lights go to 城市管理局 and noise to 生态环境分局; the
/// admin retrains it from the model page and reads its accuracy; the operator registers a new street-light call by clicking the
/// 推荐分类 chip instead of hunting through the list, and the dispatcher sends it on by clicking the 推荐承办单位 chip.
/// </summary>
public sealed class SuggestionJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string[] Lights = ["人民路路灯损坏多日", "建设街路灯晚上全部熄灭", "小区门口路灯不亮", "河堤路灯杆倾斜", "广场路灯线路裸露", "学校旁路灯一闪一闪"];
    private static readonly string[] Noise = ["广场舞噪音扰民到深夜", "工地夜间施工噪音太大", "酒吧音响噪音扰民", "商铺喇叭噪音不停", "装修电钻噪音中午不停", "夜市摊贩噪音很大"];

    [Fact]
    public async Task The_operator_and_the_dispatcher_each_take_a_suggestion_in_one_click()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var urban = await admin.CreateUnitAsync(app, "department", root, "城市管理局");
        var ecology = await admin.CreateUnitAsync(app, "department", root, "生态环境分局");
        var operatorName = await AccountAsync(admin, root, "operator", "话务员小孙");
        var dispatcherName = await AccountAsync(admin, root, "dispatcher", "派单员老周");
        var hotline = await app.LoginAsync(operatorName, AppFactory.Password);
        var dispatch = await app.LoginAsync(dispatcherName, AppFactory.Password);
        for (var i = 0; i < 12; i++)
        {
            await HistoryAsync(hotline, dispatch, "roads", "路灯不亮", $"{Lights[i % Lights.Length]}，晚上出行不便（第{i + 1}件）", urban);
            await HistoryAsync(hotline, dispatch, "environment", "噪音扰民", $"{Noise[i % Noise.Length]}，影响休息（第{i + 1}件）", ecology);
        }

        // The admin retrains from the model page and reads how often the first suggestion was right on the newest cases.
        var office = await app.NewPageAsync();
        await BrowserApp.LoginAsync(office, "admin", AppFactory.AdminPassword);
        await BrowserApp.NavigateAsync(office, "派单推荐");
        await Expect(office.Locator("dl.facts")).ToContainTextAsync("尚未训练");
        await office.GetByRole(AriaRole.Button, new() { Name = "立即重新训练" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("学习了 24 件工单");
        await Expect(office.Locator("dl.facts")).ToContainTextAsync("正在使用");
        await Expect(office.Locator("dl.facts")).ToContainTextAsync("100.0%");

        // The operator types the call; the category is one click on the suggestion.
        var operatorPage = await app.NewPageAsync();
        await BrowserApp.LoginAsync(operatorPage, operatorName, AppFactory.Password);
        await operatorPage.GotoAsync("/cases/new");
        await operatorPage.GetByLabel("标题").FillAsync("幸福路路灯坏了");
        await operatorPage.GetByLabel("诉求内容").FillAsync("幸福路东段路灯坏了一个星期，晚上一片漆黑，老人走路很危险。");
        await operatorPage.GetByLabel("地址").FillAsync("幸福路东段");
        await operatorPage.GetByLabel("诉求人姓名").FillAsync("陈某某");
        await operatorPage.GetByLabel("联系电话").FillAsync("13800138000");
        var categoryChips = operatorPage.GetByLabel("推荐分类");
        await Expect(categoryChips).ToContainTextAsync("依据：");
        await Expect(operatorPage.GetByLabel("诉求分类")).ToHaveValueAsync("");
        await categoryChips.GetByRole(AriaRole.Button).First.ClickAsync();
        await Expect(operatorPage.GetByLabel("诉求分类")).ToHaveValueAsync("roads");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Expect(operatorPage.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("已登记");
        var caseUrl = operatorPage.Url;

        // The dispatcher opens it; the lead unit is one click on the suggestion.
        var dispatcherPage = await app.NewPageAsync();
        await BrowserApp.LoginAsync(dispatcherPage, dispatcherName, AppFactory.Password);
        await dispatcherPage.GotoAsync(caseUrl);
        var unitChips = dispatcherPage.GetByLabel("推荐承办单位");
        await Expect(unitChips.GetByRole(AriaRole.Button).First).ToContainTextAsync("城市管理局");
        await unitChips.GetByRole(AriaRole.Button).First.ClickAsync();
        await Expect(dispatcherPage.GetByLabel("主办单位")).ToHaveValueAsync(urban);
        await dispatcherPage.GetByRole(AriaRole.Button, new() { Name = "派单", Exact = true }).ClickAsync();
        await Expect(dispatcherPage.GetByRole(AriaRole.Status)).ToHaveTextAsync("已派单");

        var sent = await dispatch.GetOkAsync($"/api/v1/cases/{caseUrl[(caseUrl.LastIndexOf('/') + 1)..]}");
        Assert.Equal("roads", sent.GetProperty("categoryCode").GetString());
        Assert.Equal(urban, sent.GetProperty("leadUnitId").GetString());
    }

    private static async Task HistoryAsync(HttpClient hotline, HttpClient dispatch, string category, string title, string content, string unit)
    {
        var created = await hotline.PostOkAsync("/api/v1/cases", new
        {
            kind = "complaint", categoryCode = category, title, content, channel = "hotline", address = "幸福路",
            urgent = false, reporter = new { name = "陈某某", phone = "13800138000" },
        }, HttpStatusCode.Created);
        await dispatch.PostOkAsync($"/api/v1/cases/{created.Id()}/dispatch", new { leadUnitId = unit });
    }

    private async Task<string> AccountAsync(HttpClient admin, string unitId, string role, string displayName)
    {
        var username = app.Unique(role);
        await admin.PostOkAsync("/api/v1/users", new { username, password = AppFactory.Password, displayName, unitId, roles = new[] { role } }, HttpStatusCode.Created);
        return username;
    }
}
