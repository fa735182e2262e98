using System.Net;
using Microsoft.Playwright;
using Zhengfeng.Tests;
using static Microsoft.Playwright.Assertions;

namespace Zhengfeng.BrowserTests;

/// <summary>
/// 作风举报 end to end: a citizen reports a township's clerk by name from a phone and keeps the code; the accused township's
/// clerk finds nothing of it; the inspector finds it in the ledger, accepts it, looks up the reporter with a reason, concludes
/// it and answers; the citizen reads the answer with the code. An anonymous report goes through 初核 into a problem clue and an
/// accountability case, and the accused bureau's clerk never meets its words.
/// </summary>
public sealed class ReportJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>The unit to be accused with its clerk, and the discipline office with an inspector: (unit id, clerk's and inspector's usernames).</summary>
    private async Task<(string Unit, string Clerk, string Inspector)> PeopleAsync(string kind, string unitName, string officeName, string inspectorName)
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var unit = await admin.CreateUnitAsync(app, kind, root, unitName);
        var office = await admin.CreateUnitAsync(app, "department", root, officeName);
        var clerk = app.Unique("clerk");
        await admin.PostOkAsync("/api/v1/users", new { username = clerk, password = AppFactory.Password, displayName = unitName + "文书", unitId = unit, roles = new[] { "unit" } },
            HttpStatusCode.Created);
        var inspector = app.Unique("inspector");
        await admin.PostOkAsync("/api/v1/users", new { username = inspector, password = AppFactory.Password, displayName = inspectorName, unitId = office, roles = new[] { "inspector" } },
            HttpStatusCode.Created);
        return (unit, clerk, inspector);
    }

    [Fact]
    public async Task A_citizens_report_reaches_only_the_inspector_and_the_answer_reaches_the_citizen()
    {
        var (_, clerk, inspectorName) = await PeopleAsync("township", "杏林镇", "县纪委监委", "纪检员小林");

        var citizen = await app.NewPageAsync(phone: true);
        await citizen.GotoAsync("/");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "作风举报" }).ClickAsync();
        await citizen.GetByLabel("举报内容").FillAsync("杏林镇便民服务中心工作人员上班时间打牌，群众办事找不到人。");
        await citizen.GetByLabel("被举报单位").SelectOptionAsync(new SelectOptionValue { Label = "杏林镇" });
        await citizen.GetByLabel("您的姓名").FillAsync("林女士");
        await citizen.GetByLabel("您的联系电话").FillAsync("13912345678");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交举报" }).ClickAsync();
        await Expect(citizen.GetByRole(AriaRole.Status)).ToContainTextAsync("举报已提交");
        var code = await citizen.GetByTestId("follow-up-code").InnerTextAsync();

        var unit = await app.NewPageAsync();
        await BrowserApp.LoginAsync(unit, clerk, AppFactory.Password);
        await Expect(unit.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "作风举报" })).ToHaveCountAsync(0);
        await unit.GotoAsync("/reports");
        await Expect(unit.Locator("main")).Not.ToContainTextAsync("打牌");

        var inspector = await app.NewPageAsync();
        await BrowserApp.LoginAsync(inspector, inspectorName, AppFactory.Password);
        await BrowserApp.NavigateAsync(inspector, "作风举报");
        var row = inspector.Locator("tbody tr", new() { HasText = "打牌" });
        await Expect(row).ToContainTextAsync("待受理");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await inspector.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Expect(inspector.GetByRole(AriaRole.Status)).ToHaveTextAsync("已受理");
        var reporter = inspector.GetByRole(AriaRole.Region, new() { Name = "举报人" });
        await Expect(reporter).Not.ToContainTextAsync("13912345678");
        await inspector.GetByLabel("查看事由").FillAsync("电话核实举报事项");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "查看举报人身份" }).ClickAsync();
        await Expect(reporter).ToContainTextAsync("林女士");
        await Expect(reporter).ToContainTextAsync("13912345678");
        await inspector.GetByLabel("初核结论").SelectOptionAsync("true");
        await inspector.GetByLabel("办结意见").FillAsync("经查属实，对相关人员诫勉谈话。");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "办结", Exact = true }).ClickAsync();
        await inspector.GetByLabel("答复举报人（举报人凭查询码可见）").FillAsync("经核实，您反映的问题属实，已对相关人员作出处理，感谢您的监督。");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "答复", Exact = true }).ClickAsync();
        await Expect(inspector.GetByRole(AriaRole.Status)).ToHaveTextAsync("已答复举报人");

        await citizen.GotoAsync("/report/follow/" + code.ToLowerInvariant());
        await Expect(citizen.Locator("main")).ToContainTextAsync("已办结");
        await Expect(citizen.GetByRole(AriaRole.Region, new() { Name = "答复" })).ToContainTextAsync("已对相关人员作出处理");
        await Expect(citizen.Locator("main")).Not.ToContainTextAsync("诫勉谈话");
    }

    [Fact]
    public async Task An_anonymous_report_goes_through_preliminary_check_into_an_accountability_case_unseen_by_the_accused_unit()
    {
        var (bureau, clerk, inspectorName) = await PeopleAsync("department", "县住建局", "县纪委监委机关", "纪检员小周");

        // A citizen reports from a phone without a name.
        var citizen = await app.NewPageAsync(phone: true);
        await citizen.GotoAsync("/");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "作风举报" }).ClickAsync();
        await citizen.GetByLabel("举报内容").FillAsync("住建局质监站人员验收时暗示施工方请客吃饭，不请就拖延验收。");
        await citizen.GetByLabel("被举报单位").SelectOptionAsync(new SelectOptionValue { Label = "县住建局" });
        await citizen.GetByLabel("匿名举报").CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交举报" }).ClickAsync();
        await Expect(citizen.GetByRole(AriaRole.Status)).ToContainTextAsync("举报已提交");

        // 受理 → 初核 → 属实 → 转为问题线索 → 问责立项, by the discipline office alone.
        var inspector = await app.NewPageAsync();
        await BrowserApp.LoginAsync(inspector, inspectorName, AppFactory.Password);
        await BrowserApp.NavigateAsync(inspector, "作风举报");
        await inspector.Locator("tbody tr", new() { HasText = "请客吃饭" }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(inspector.GetByRole(AriaRole.Region, new() { Name = "举报人" })).ToContainTextAsync("匿名举报");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await inspector.GetByRole(AriaRole.Button, new() { Name = "开始初步核实" }).ClickAsync();
        await Expect(inspector.GetByRole(AriaRole.Region, new() { Name = "举报概况" })).ToContainTextAsync("初核中");
        await inspector.GetByLabel("初核结论").SelectOptionAsync("true");
        await inspector.GetByLabel("办结意见").FillAsync("经初核，质监站人员借验收索要吃请问题属实。");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "办结", Exact = true }).ClickAsync();
        var transfer = inspector.GetByRole(AriaRole.Region, new() { Name = "转为问题线索" });
        await Expect(transfer.GetByLabel("涉及单位")).ToHaveValueAsync(bureau);
        await transfer.GetByLabel("线索摘要").FillAsync("质监站人员借工程验收吃拿卡要");
        await transfer.GetByRole(AriaRole.Button, new() { Name = "转为问题线索" }).ClickAsync();
        await Expect(inspector.GetByRole(AriaRole.Status)).ToHaveTextAsync("已转为问题线索，可据此启动问责");
        await Expect(inspector.Locator("main")).ToContainTextAsync("质监站人员借工程验收吃拿卡要");
        await inspector.GetByRole(AriaRole.Link, new() { Name = "据此问责立项" }).ClickAsync();
        await Expect(inspector.GetByRole(AriaRole.Combobox, new() { Name = "问责单位" })).ToHaveValueAsync(bureau);
        await inspector.GetByRole(AriaRole.Textbox, new() { Name = "问责事实" }).FillAsync("质监站人员借工程验收吃拿卡要，经初核属实");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "立项" }).ClickAsync();
        await Expect(inspector.GetByRole(AriaRole.Status)).ToHaveTextAsync("问责案件已立项");

        // The accused bureau's clerk finds neither the report nor its words anywhere it can go.
        var unit = await app.NewPageAsync();
        await BrowserApp.LoginAsync(unit, clerk, AppFactory.Password);
        await Expect(unit.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "作风举报" })).ToHaveCountAsync(0);
        foreach (var path in new[] { "/", "/inbox", "/messages", "/reports", "/clues", "/accountability" })
        {
            await unit.GotoAsync(path);
            await Expect(unit.Locator("body")).Not.ToContainTextAsync("请客吃饭");
        }
    }
}
