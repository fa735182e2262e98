using System.Net;
using Microsoft.Playwright;
using Zhengfeng.Tests;
using static Microsoft.Playwright.Assertions;

namespace Zhengfeng.BrowserTests;

/// <summary>
/// 容错免责 both ways. The inspector applies for a cadre under investigation, answering the six conditions with evidence
/// (a "符合" without evidence is sent back with the form intact); the leader grants it, the case closes as 免予问责 and the
/// integrity file shows it. A second application admits private gain: the leader cannot grant it, adds a condition the
/// evidence does not bear out, and the refusal names both failing conditions.
/// </summary>
public sealed class ExemptionJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string[] Conditions = ["出于推进改革或公共利益", "未谋取私利", "未违反法律法规和党纪", "未造成重大损失或恶劣影响", "及时纠错挽回损失", "履行了决策程序"];

    [Fact]
    public async Task One_exemption_is_granted_and_closes_the_case_and_one_is_refused_naming_the_failing_conditions()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var township = await admin.CreateUnitAsync(app, "township", root, "桃源镇");
        var office = await admin.CreateUnitAsync(app, "department", root, "县纪委监委");
        var reformer = (await admin.PostOkAsync("/api/v1/cadres", new { name = "陈镇长", unitId = township, post = "镇长", rank = "section" }, HttpStatusCode.Created)).Id();
        var other = (await admin.PostOkAsync("/api/v1/cadres", new { name = "钱所长", unitId = township, post = "财政所所长", rank = "deputysection" }, HttpStatusCode.Created)).Id();
        var inspectorName = await AccountAsync(admin, office, "inspector", "纪检员老周");
        var leaderName = await AccountAsync(admin, root, "leader", "县委副书记");
        var inspectorApi = await app.LoginAsync(inspectorName, AppFactory.Password);
        var reformCase = await InvestigatingAsync(inspectorApi, reformer, "土地流转改革试点中合同文本不规范，造成部分农户收益延迟");
        var gainCase = await InvestigatingAsync(inspectorApi, other, "财政所违规向亲属企业预付工程款");

        // The inspector applies from the case; a "符合" without evidence is refused and the form keeps what was typed.
        var inspector = await app.NewPageAsync();
        await BrowserApp.LoginAsync(inspector, inspectorName, AppFactory.Password);
        await inspector.GotoAsync($"/accountability/{reformCase}");
        await inspector.GetByRole(AriaRole.Link, new() { Name = "申请容错免责" }).ClickAsync();
        await Expect(inspector.GetByRole(AriaRole.Combobox, new() { Name = "申请容错免责的干部" })).ToHaveValueAsync(reformer);
        await inspector.GetByRole(AriaRole.Textbox, new() { Name = "容错免责的事实" }).FillAsync("为推进土地流转改革先行先试，合同文本经镇党委会研究，发现问题后当即修订");
        foreach (var name in Conditions)
        {
            await Answer(inspector, name, holds: true, evidence: name == "履行了决策程序" ? null : $"{name}：见党委会纪要及相关材料");
        }
        await inspector.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Expect(inspector.GetByRole(AriaRole.Alert)).ToContainTextAsync("请填写“履行了决策程序”的证明材料或说明");
        await Expect(inspector.GetByRole(AriaRole.Textbox, new() { Name = "容错免责的事实" })).ToHaveValueAsync("为推进土地流转改革先行先试，合同文本经镇党委会研究，发现问题后当即修订");
        var procedure = inspector.GetByRole(AriaRole.Group, new() { Name = "履行了决策程序" });
        await Expect(procedure.GetByLabel("符合", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(inspector.GetByRole(AriaRole.Group, new() { Name = "未谋取私利" }).GetByRole(AriaRole.Textbox)).ToHaveValueAsync("未谋取私利：见党委会纪要及相关材料");
        await procedure.GetByRole(AriaRole.Textbox).FillAsync("2026年3月12日镇党委会集体研究，会议纪要第7号");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Expect(inspector.GetByRole(AriaRole.Status)).ToHaveTextAsync("已提交容错免责申请");
        await Expect(inspector.GetByLabel("认定结果")).ToHaveTextAsync("待认定");

        // The second application admits that the money went to a relative's firm.
        await inspector.GotoAsync($"/exemptions/new?caseId={gainCase}");
        await inspector.GetByRole(AriaRole.Textbox, new() { Name = "容错免责的事实" }).FillAsync("为赶工期预付工程款，承建企业系亲属所办");
        foreach (var name in Conditions)
        {
            await Answer(inspector, name, holds: name != "未谋取私利", evidence: $"{name}：本人说明");
        }
        await inspector.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Expect(inspector.GetByRole(AriaRole.Status)).ToHaveTextAsync("已提交容错免责申请");

        // The leader finds both waiting and grants the first.
        var leader = await app.NewPageAsync();
        await BrowserApp.LoginAsync(leader, leaderName, AppFactory.Password);
        await leader.GetByRole(AriaRole.Link, new() { Name = "容错免责待认定" }).ClickAsync();
        await leader.GetByRole(AriaRole.Link, new() { Name = "为推进土地流转改革先行先试" }).ClickAsync();
        await leader.GetByRole(AriaRole.Textbox, new() { Name = "认定理由" }).FillAsync("属于改革中先行先试出现的失误，符合三个区分开来，予以容错");
        await leader.GetByRole(AriaRole.Button, new() { Name = "予以容错免责" }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Status)).ToHaveTextAsync("已予以容错免责，关联问责案件免予问责并结案");
        await Expect(leader.GetByLabel("认定结果")).ToHaveTextAsync("予以容错免责");
        var linked = leader.GetByRole(AriaRole.Region, new() { Name = "申请信息" });
        await Expect(linked).ToContainTextAsync("已结案（未问责）");

        // The case is closed as 免予问责 and the mayor's integrity file shows it.
        await linked.GetByRole(AriaRole.Link, new() { Name = "土地流转改革试点" }).ClickAsync();
        await Expect(leader.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("已结案（未问责）");
        await Expect(leader.GetByRole(AriaRole.Region, new() { Name = "结案" })).ToContainTextAsync("免予问责（容错免责）：属于改革中先行先试出现的失误");
        await leader.GotoAsync($"/cadres/{reformer}/integrity");
        await Expect(leader.GetByRole(AriaRole.Region, new() { Name = "政务处分" })).ToContainTextAsync("无");
        await Expect(leader.GetByRole(AriaRole.Region, new() { Name = "容错免责" })).ToContainTextAsync("予以容错免责");
        await Expect(leader.GetByRole(AriaRole.Region, new() { Name = "问责记录" })).ToContainTextAsync("免予问责（容错免责）");

        // The second cannot be granted; the leader adds a condition the evidence does not bear out and refuses it.
        await BrowserApp.NavigateAsync(leader, "容错免责");
        await leader.GetByLabel("认定结果").SelectOptionAsync(new SelectOptionValue { Label = "待认定" });
        await leader.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await leader.GetByRole(AriaRole.Link, new() { Name = "为赶工期预付工程款" }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Button, new() { Name = "予以容错免责" })).ToBeDisabledAsync();
        var decision = leader.GetByRole(AriaRole.Group, new() { Name = "认定不符合的条件" });
        await Expect(decision.GetByLabel("未谋取私利")).ToBeCheckedAsync();
        await decision.GetByLabel("履行了决策程序").CheckAsync();
        await leader.GetByRole(AriaRole.Textbox, new() { Name = "认定理由" }).FillAsync("向亲属企业预付工程款，且未经集体研究");
        await leader.GetByRole(AriaRole.Button, new() { Name = "不予容错免责" }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Status)).ToHaveTextAsync("已决定不予容错免责");
        await Expect(leader.GetByLabel("认定结果")).ToHaveTextAsync("不予容错免责");
        await Expect(leader.GetByLabel("不符合的条件")).ToHaveTextAsync("不符合的容错免责条件：未谋取私利、履行了决策程序");
        var procedureRow = leader.GetByRole(AriaRole.Row).Filter(new() { HasText = "履行了决策程序：本人说明" });
        await Expect(procedureRow.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("符合");
        await Expect(procedureRow.GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("不符合");
        await Expect(leader.GetByRole(AriaRole.Region, new() { Name = "申请信息" })).ToContainTextAsync("调查中");
    }

    private static async Task Answer(IPage page, string condition, bool holds, string? evidence)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = condition, Exact = true });
        await group.GetByLabel(holds ? "符合" : "不符合", new() { Exact = true }).CheckAsync();
        if (evidence is not null)
        {
            await group.GetByRole(AriaRole.Textbox).FillAsync(evidence);
        }
    }

    private static async Task<string> InvestigatingAsync(HttpClient inspector, string cadreId, string facts)
    {
        var opened = await inspector.PostOkAsync("/api/v1/accountability", new { cadreId, facts }, HttpStatusCode.Created);
        await inspector.PostOkAsync($"/api/v1/accountability/{opened.Id()}/investigation", new { });
        return opened.Id();
    }

    private async Task<string> AccountAsync(HttpClient admin, string unitId, string role, string displayName)
    {
        var username = app.Unique(role);
        await admin.PostOkAsync("/api/v1/users", new { username, password = AppFactory.Password, displayName, unitId, roles = new[] { role } }, HttpStatusCode.Created);
        return username;
    }
}
