using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Zhengfeng.Tests;
using static Microsoft.Playwright.Assertions;

namespace Zhengfeng.BrowserTests;

/// <summary>
/// From a verified clue to a sanction on file: the inspector opens an accountability case from the clue's page (the
/// form shows the township's 一把手 and 分管领导), starts the investigation, records the facts found, is told in Chinese
/// that a decision needs a 四种形态 category without losing what was typed, decides 诫勉 with a 记过 sanction, and the
/// cadre's 廉政档案 shows the decision and the sanction's period.
/// </summary>
public sealed class AccountabilityJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_verified_clue_becomes_a_decided_case_whose_sanction_and_period_show_on_the_integrity_file()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var township = await admin.CreateUnitAsync(app, "township", root, "柳河镇");
        var office = await admin.CreateUnitAsync(app, "department", root, "县纪委监委");
        var head = await CadreAsync(admin, township, "王书记", "镇党委书记", "section");
        var deputy = await CadreAsync(admin, township, "李副镇长", "副镇长", "deputysection");
        var cadre = await CadreAsync(admin, township, "赵站长", "农业服务站站长", "deputysection");
        var unit = await admin.GetOkAsync($"/api/v1/units/{township}");
        (await admin.PutAsJsonAsync($"/api/v1/units/{township}", new
        {
            name = "柳河镇", code = unit.GetProperty("code").GetString(), kind = "township", parentId = root, headId = head, deputyId = deputy,
        })).EnsureSuccessStatusCode();
        var supervisorApi = await admin.UserAsync(app, office, "supervisor");
        var inspectorName = app.Unique("jj");
        await admin.PostOkAsync("/api/v1/users",
            new { username = inspectorName, password = AppFactory.Password, displayName = "纪检员小孙", unitId = office, roles = new[] { "inspector" } },
            HttpStatusCode.Created);
        var clue = await supervisorApi.PostOkAsync("/api/v1/clues",
            new { source = "report", unitId = township, personId = cadre, problemType = "shirking", content = "农业服务站站长对群众补贴申请推诿扯皮三个月" }, HttpStatusCode.Created);
        var inspectorApi = await app.LoginAsync(inspectorName, AppFactory.Password);
        await inspectorApi.PostOkAsync($"/api/v1/clues/{clue.Id()}/verification", new { result = "true", note = "走访农户核实属实" });

        // The inspector's home shows the accountability work; the verified clue offers to open a case.
        var page = await app.NewPageAsync();
        await BrowserApp.LoginAsync(page, inspectorName, AppFactory.Password);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "在办问责案件" })).ToBeVisibleAsync();
        await BrowserApp.NavigateAsync(page, "问题线索");
        await page.GetByRole(AriaRole.Link, new() { Name = "农业服务站站长对群众补贴申请推诿扯皮三个月" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "据此问责立项" }).ClickAsync();

        // The form starts from the clue: the cadre it names, the township's head and deputy, and the clue's words as facts.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "问责立项" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("已核实的问题线索")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("干部", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "问责干部" })).ToHaveValueAsync(cadre);
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "问责单位" })).ToHaveValueAsync(township);
        var leaders = page.GetByLabel("单位责任领导");
        await Expect(leaders).ToContainTextAsync("第一责任人（一把手）王书记");
        await Expect(leaders).ToContainTextAsync("分管领导（一岗双责）李副镇长");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "问责事实" }).FillAsync("赵站长对群众补贴申请推诿扯皮三个月，造成群众多次上访");
        await page.GetByRole(AriaRole.Button, new() { Name = "立项" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("问责案件已立项");
        await Expect(page.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("已立项");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "案件信息" })).ToContainTextAsync("农业服务站站长对群众补贴申请推诿扯皮三个月");

        // Investigation and the facts found.
        await page.GetByRole(AriaRole.Button, new() { Name = "开始调查" }).ClickAsync();
        await Expect(page.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("调查中");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "调查认定的事实" }).FillAsync("经调阅台账、走访农户，17件补贴申请超期未办，无正当理由");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录调查事实" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已记录调查认定的事实");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "案件信息" })).ToContainTextAsync("17件补贴申请超期未办");

        // The decision: 诫勉 and 记过, whose period the form computes before anything is saved.
        var forms = page.GetByRole(AriaRole.Group, new() { Name = "对 赵站长 的问责方式" });
        await forms.GetByLabel("诫勉").CheckAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "第1项违法行为的处分" }).SelectOptionAsync(new SelectOptionValue { Label = "记过（处分期间12个月）" });
        await Expect(page.Locator("#sanction-preview")).ToHaveTextAsync("执行记过，处分期间 2026-11-02 至 2027-11-01（12个月）");
        var decision = page.GetByRole(AriaRole.Textbox, new() { Name = "问责决定" });
        await decision.FillAsync("给予赵站长诫勉，并给予记过处分");
        await page.GetByRole(AriaRole.Button, new() { Name = "作出问责决定" }).ClickAsync();

        // Without a 四种形态 category the decision is refused in Chinese and nothing typed is lost.
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("四种形态应为1至4");
        await Expect(decision).ToHaveValueAsync("给予赵站长诫勉，并给予记过处分");
        await Expect(forms.GetByLabel("诫勉")).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "第1项违法行为的处分" })).ToHaveValueAsync("demerit");
        await Expect(page.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("调查中");

        await page.GetByRole(AriaRole.Combobox, new() { Name = "四种形态" }).SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "作出问责决定" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已作出问责决定");
        await Expect(page.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("已作出问责决定");
        var decided = page.GetByRole(AriaRole.Region, new() { Name = "问责决定" });
        await Expect(decided).ToContainTextAsync("诫勉");
        await Expect(decided).ToContainTextAsync("记过");
        await Expect(decided).ToContainTextAsync("2026-11-02 至 2027-11-01（12个月）");
        await Expect(decided).ToContainTextAsync("第二种形态");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "作出问责决定" })).ToHaveCountAsync(0);

        // The cadre's integrity file shows the decision and the sanction's period.
        await page.GetByRole(AriaRole.Region, new() { Name = "案件信息" }).GetByRole(AriaRole.Link, new() { Name = "赵站长" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "赵站长 廉政档案" })).ToBeVisibleAsync();
        var sanctions = page.GetByRole(AriaRole.Region, new() { Name = "政务处分" });
        await Expect(sanctions).ToContainTextAsync("记过");
        await Expect(sanctions).ToContainTextAsync("2026-11-02 至 2027-11-01（12个月）");
        await Expect(sanctions).ToContainTextAsync("处分期内");
        var row = page.GetByRole(AriaRole.Region, new() { Name = "问责记录" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "推诿扯皮三个月" });
        await Expect(row).ToContainTextAsync("问责对象");
        await Expect(row).ToContainTextAsync("已作出问责决定");
        await Expect(row).ToContainTextAsync("诫勉");
        await Expect(row).ToContainTextAsync("政务处分：记过");
        await Expect(row).ToContainTextAsync("第二种形态");
        await Expect(row).ToContainTextAsync("给予赵站长诫勉，并给予记过处分");
    }

    private static async Task<string> CadreAsync(HttpClient admin, string unitId, string name, string post, string rank)
        => (await admin.PostOkAsync("/api/v1/cadres", new { name, unitId, post, rank }, HttpStatusCode.Created)).Id();
}
