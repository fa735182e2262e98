using System.Net;
using Microsoft.Playwright;
using Zhengfeng.Tests;

namespace Zhengfeng.BrowserTests;

/// <summary>
/// A supervisor picks a closed, well-rated case from its detail page as a positive example, edits the pre-filled facts and
/// submits it; the county leader publishes it; a member of the public sees it on the open list, without the reporter.
/// An inspector picks a decided accountability case from the picker; the public sees it with the cadre's name masked.
/// </summary>
public sealed class TypicalCaseJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_closed_case_becomes_a_published_typical_case_seen_by_the_public()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var bureau = await admin.CreateUnitAsync(app, "department", root, "城市管理局");
        var intake = await admin.UserAsync(app, root, "operator", "dispatcher");
        var staff = await admin.UserAsync(app, bureau, "unit");
        var c = await intake.PostOkAsync("/api/v1/cases", new
        {
            kind = "complaint", categoryCode = "roads", title = "幸福路井盖缺失", content = "幸福路人行道井盖缺失，夜间行人易跌落。",
            channel = "hotline", reporter = new { name = "陈某某", phone = "13800138000" },
        }, HttpStatusCode.Created);
        await intake.PostOkAsync($"/api/v1/cases/{c.Id()}/dispatch", new { leadUnitId = bureau });
        await staff.PostOkAsync($"/api/v1/cases/{c.Id()}/sign", new { });
        await staff.PostOkAsync($"/api/v1/cases/{c.Id()}/reply", new { content = "当天更换井盖并设置警示标志。", outcome = "resolved" });
        await app.Anonymous().PostOkAsync($"/public/v1/cases/{c.GetProperty("trackingCode").GetString()}/rating", new { level = 5 });
        var supervisor = await AccountAsync(admin, root, "supervisor", "督查员老王");
        var leader = await AccountAsync(admin, root, "leader", "县长");

        // The supervisor drafts from the case's own page and submits.
        var drafter = await app.NewPageAsync();
        await BrowserApp.LoginAsync(drafter, supervisor, AppFactory.Password);
        await drafter.GotoAsync($"/cases/{c.Id()}");
        await drafter.GetByRole(AriaRole.Link, new() { Name = "选为典型案例" }).ClickAsync();
        await Assertions.Expect(drafter.GetByRole(AriaRole.Heading, new() { Name = "选为典型案例" })).ToBeVisibleAsync();
        await Assertions.Expect(drafter.GetByRole(AriaRole.Radio, new() { Name = "正面典型" })).ToBeCheckedAsync();
        var facts = drafter.GetByLabel("基本案情", new() { Exact = false });
        await Assertions.Expect(facts).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("幸福路井盖缺失.*非常满意"));
        await drafter.GetByLabel("标题").FillAsync("城市管理局当天修复井盖获群众非常满意");
        await drafter.GetByLabel("启示或警示").FillAsync("接诉即办，闻风而动。");
        await drafter.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(drafter.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("草稿");
        await drafter.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(drafter.GetByRole(AriaRole.Status)).ToHaveTextAsync("已提交审核");
        await Assertions.Expect(drafter.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("待审核");

        // The leader reviews it from the list and publishes.
        var reviewer = await app.NewPageAsync();
        await BrowserApp.LoginAsync(reviewer, leader, AppFactory.Password);
        await BrowserApp.NavigateAsync(reviewer, "典型案例");
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "城市管理局当天修复井盖获群众非常满意" }).ClickAsync();
        await reviewer.GetByLabel("审核意见").FillAsync("同意发布");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "同意发布" }).ClickAsync();
        await Assertions.Expect(reviewer.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("已发布");
        await Assertions.Expect(reviewer.GetByRole(AriaRole.Region, new() { Name = "公开文本" })).ToContainTextAsync("接诉即办");

        // The public, without logging in, finds it on the open list.
        var citizen = await app.NewPageAsync(phone: true);
        await citizen.GotoAsync("/");
        await citizen.GetByRole(AriaRole.Navigation, new() { Name = "公众服务" }).GetByRole(AriaRole.Link, new() { Name = "典型案例" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Name = "城市管理局当天修复井盖获群众非常满意" })).ToBeVisibleAsync();
        var text = await citizen.Locator("main").InnerTextAsync();
        Assert.Contains("正面典型", text);
        Assert.DoesNotContain("陈某某", text);
        Assert.DoesNotContain("13800138000", text);
    }

    [Fact]
    public async Task An_inspector_picks_a_decided_accountability_case_and_the_public_sees_the_cadre_masked()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var town = await admin.CreateUnitAsync(app, "township", root, "柳河镇");
        var inspectorClient = await admin.UserAsync(app, root, "inspector");
        var cadre = (await admin.PostOkAsync("/api/v1/cadres", new { name = "赵大海", unitId = town, post = "副镇长", rank = "deputysection" }, HttpStatusCode.Created)).Id();
        var opened = await inspectorClient.PostOkAsync("/api/v1/accountability", new { cadreId = cadre, facts = "赵大海分管的便民服务中心长期推诿群众诉求" }, HttpStatusCode.Created);
        await inspectorClient.PostOkAsync($"/api/v1/accountability/{opened.Id()}/investigation", new { });
        await inspectorClient.PostOkAsync($"/api/v1/accountability/{opened.Id()}/decision", new { decision = "对赵大海予以诫勉", forms = new[] { "admonition" }, category = 1 });
        var inspector = await AccountAsync(admin, root, "inspector", "纪检员小张");
        var leader = await AccountAsync(admin, root, "leader", "县委书记");

        var drafter = await app.NewPageAsync();
        await BrowserApp.LoginAsync(drafter, inspector, AppFactory.Password);
        await BrowserApp.NavigateAsync(drafter, "典型案例");
        await drafter.GetByRole(AriaRole.Link, new() { Name = "从记录选取典型案例" }).ClickAsync();
        await drafter.GetByRole(AriaRole.Navigation, new() { Name = "来源类型" }).GetByRole(AriaRole.Link, new() { Name = "问责案件" }).ClickAsync();
        await drafter.GetByRole(AriaRole.Link, new() { Name = "选取 柳河镇副镇长赵大海", Exact = false }).ClickAsync();
        await Assertions.Expect(drafter.GetByRole(AriaRole.Radio, new() { Name = "反面典型（曝光）" })).ToBeCheckedAsync();
        await drafter.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await drafter.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(drafter.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("待审核");

        var reviewer = await app.NewPageAsync();
        await BrowserApp.LoginAsync(reviewer, leader, AppFactory.Password);
        await reviewer.GotoAsync(drafter.Url);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "同意发布" }).ClickAsync();
        await Assertions.Expect(reviewer.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("已发布");

        var citizen = await app.NewPageAsync();
        await citizen.GotoAsync("/public/typical-cases?kind=negative");
        await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Name = "柳河镇副镇长赵某某被问责" })).ToBeVisibleAsync();
        Assert.DoesNotContain("赵大海", await citizen.Locator("main").InnerTextAsync());
    }

    private async Task<string> AccountAsync(HttpClient admin, string unitId, string role, string displayName)
    {
        var username = app.Unique(role);
        await admin.PostOkAsync("/api/v1/users", new { username, password = AppFactory.Password, displayName, unitId, roles = new[] { role } }, HttpStatusCode.Created);
        return username;
    }
}
