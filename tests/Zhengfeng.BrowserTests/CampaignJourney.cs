using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using Zhengfeng.Tests;

namespace Zhengfeng.BrowserTests;

/// <summary>
/// A 专项整治 run through its year in the browser: the 作风办 supervisor writes the plan and gives each unit its task,
/// the unit reports on its period, the task runs late and gets a 督办单 from its page, the unit reports it done and the
/// supervisor accepts it, the progress bulletin is drawn from the record, and the year-end score shows the deduction
/// for the late task with a link that leads back to the task itself.
/// </summary>
public sealed class CampaignJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Campaign = "窗口单位作风突出问题专项整治";
    private const string Task = "清理政务服务事项办事指南";
    private const string Bureau = "县行政审批局";

    [Fact]
    public async Task A_campaign_runs_from_its_plan_to_a_deduction_traced_to_its_task()
    {
        var admin = await app.AdminAsync();
        var office = await admin.CreateUnitAsync(app, name: "县作风办");
        var bureau = await admin.CreateUnitAsync(app, name: Bureau);
        await admin.CreateUnitAsync(app, name: "县人社局");
        var supervisor = app.Unique("zfb");
        var clerk = app.Unique("spj");
        await admin.PostOkAsync("/api/v1/users",
            new { username = supervisor, password = AppFactory.Password, displayName = "作风办督查员", unitId = office, roles = new[] { "supervisor" } }, HttpStatusCode.Created);
        await admin.PostOkAsync("/api/v1/users",
            new { username = clerk, password = AppFactory.Password, displayName = "审批局联络员", unitId = bureau, roles = new[] { "unit" } }, HttpStatusCode.Created);

        // The plan: name, 文号, the four standard phases pre-filled, the leading group and the units.
        var office1 = await app.NewPageAsync();
        await BrowserApp.LoginAsync(office1, supervisor, AppFactory.Password);
        await BrowserApp.NavigateAsync(office1, "专项整治");
        await office1.GetByRole(AriaRole.Link, new() { Name = "制定专项整治方案" }).ClickAsync();
        await office1.GetByLabel("专项整治名称").FillAsync(Campaign);
        await office1.GetByLabel("实施方案文号（可不填）").FillAsync("县作发〔2026〕9号");
        await Assertions.Expect(office1.GetByLabel("第4阶段名称")).Not.ToHaveValueAsync("");
        await office1.GetByLabel("第1行姓名").FillAsync("李书记");
        await office1.GetByLabel("第1行职务").FillAsync("县委副书记");
        await office1.GetByRole(AriaRole.Checkbox, new() { Name = Bureau }).CheckAsync();
        await office1.GetByRole(AriaRole.Checkbox, new() { Name = "县人社局" }).CheckAsync();
        await office1.GetByRole(AriaRole.Button, new() { Name = "制定方案" }).ClickAsync();
        await Assertions.Expect(office1.GetByRole(AriaRole.Heading, new() { Name = Campaign, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(office1.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("进行中");
        var campaignUrl = office1.Url;

        // The unit's responsibility list: one task with a responsible cadre, milestones and a due date in working days.
        await office1.GetByRole(AriaRole.Link, new() { Name = "向参加单位交办任务" }).ClickAsync();
        await office1.GetByLabel("交办事项名称").FillAsync(Task);
        await office1.GetByLabel("牵头单位").SelectOptionAsync(new SelectOptionValue { Label = Bureau });
        await office1.GetByLabel("责任领导（责任人）").FillAsync("王局长");
        await office1.GetByLabel("或 工作日数").FillAsync("3");
        await office1.GetByLabel("节点1内容").FillAsync("梳理事项清单");
        await office1.GetByLabel("节点1日期").FillAsync("2026-11-04");
        await office1.GetByRole(AriaRole.Button, new() { Name = "交办", Exact = true }).ClickAsync();
        await Assertions.Expect(office1.GetByRole(AriaRole.Heading, new() { Name = Task, Level = 1 })).ToBeVisibleAsync();
        var taskUrl = office1.Url;
        await office1.GotoAsync(campaignUrl);
        var tasks = office1.GetByRole(AriaRole.Region, new() { Name = "责任清单任务" });
        await Assertions.Expect(tasks.GetByRole(AriaRole.Row).Filter(new() { HasText = Task })).ToContainTextAsync("王局长");

        // The unit reports on this month with the pre-filled draft; a second report for the same month is not offered.
        var unit = await app.NewPageAsync(phone: true);
        await BrowserApp.LoginAsync(unit, clerk, AppFactory.Password);
        await unit.GotoAsync(campaignUrl);
        await unit.GetByRole(AriaRole.Link, new() { Name = "报送本单位情况" }).ClickAsync();
        var content = unit.GetByRole(AriaRole.Textbox, new() { Name = "报送内容" });
        await Assertions.Expect(content).ToHaveValueAsync(new Regex(Task));
        await content.FillAsync("已对照办事指南逐项梳理，发现3项材料要求与法规不一致，正在修订。");
        await unit.GetByRole(AriaRole.Button, new() { Name = "报送", Exact = true }).ClickAsync();
        await Assertions.Expect(unit.GetByRole(AriaRole.Status)).ToContainTextAsync("已报送");
        await unit.GotoAsync(campaignUrl + "/report");
        await Assertions.Expect(unit.GetByRole(AriaRole.Alert)).ToContainTextAsync("已报送");

        // A week later the task is overdue: the supervisor sends a 督办单 from the task's own page.
        app.Clock.Advance(TimeSpan.FromDays(7)); // sign-ins last a working day: both sign in again
        await BrowserApp.LoginAsync(office1, supervisor, AppFactory.Password);
        await BrowserApp.LoginAsync(unit, clerk, AppFactory.Password);
        await office1.GotoAsync(taskUrl);
        await Assertions.Expect(office1.GetByRole(AriaRole.Region, new() { Name = "交办信息" })).ToContainTextAsync("逾期");
        await office1.GetByRole(AriaRole.Link, new() { Name = "下发督办单" }).ClickAsync();
        await Assertions.Expect(office1.GetByLabel("督办对象单位")).ToHaveValueAsync(bureau);
        await office1.GetByLabel("督办事由").FillAsync("清理办事指南任务已逾期，请于3个工作日内完成并说明原因");
        await office1.GetByRole(AriaRole.Button, new() { Name = "下发督办单" }).ClickAsync();
        var noticeNumber = (await office1.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Replace("督办单", "", StringComparison.Ordinal).Trim();
        await office1.GotoAsync(taskUrl);
        await Assertions.Expect(office1.GetByRole(AriaRole.Region, new() { Name = "督办单" })).ToContainTextAsync(Bureau);

        // The unit reports it done; it cannot accept its own work. The supervisor outside the unit accepts it.
        await unit.GotoAsync(taskUrl);
        await unit.GetByLabel("完成情况（成效、佐证材料）").FillAsync("办事指南已全部修订并在政务服务网公布，共修订12项。");
        await unit.GetByRole(AriaRole.Button, new() { Name = "报告完成" }).ClickAsync();
        await Assertions.Expect(unit.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("已报完成待验收");
        await Assertions.Expect(unit.GetByRole(AriaRole.Button, new() { Name = "通过" })).ToHaveCountAsync(0);
        await office1.GotoAsync(taskUrl);
        await office1.GetByLabel("验收意见（退回时必填）").FillAsync("经抽查，修订到位");
        await office1.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await Assertions.Expect(office1.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("已验收办结");

        // The campaign page counts the task as done, and the progress bulletin is drawn from the same record.
        await office1.GotoAsync(campaignUrl);
        var units = office1.GetByRole(AriaRole.Region, new() { Name = "参加单位完成情况" });
        await Assertions.Expect(units.GetByRole(AriaRole.Row).Filter(new() { HasText = Bureau })).ToContainTextAsync("100%");
        var download = await office1.RunAndWaitForDownloadAsync(() => office1.GetByRole(AriaRole.Link, new() { Name = "生成进展情况通报（Word）" }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var bulletin = BodyText(await download.PathAsync());
        Assert.Contains(Campaign, bulletin, StringComparison.Ordinal);
        Assert.Contains(Bureau, bulletin, StringComparison.Ordinal);

        // The year-end score: the late task is a deduction whose link opens the task.
        await BrowserApp.NavigateAsync(office1, "综合考核");
        await office1.GetByRole(AriaRole.Link, new() { Name = Bureau, Exact = true }).ClickAsync();
        var items = office1.GetByRole(AriaRole.Table, new() { Name = "扣分加分明细" });
        var deduction = items.GetByRole(AriaRole.Row).Filter(new() { HasText = "交办事项逾期未完成" });
        await Assertions.Expect(deduction).ToContainTextAsync(Task);
        await Assertions.Expect(deduction).ToContainTextAsync("-1");
        await deduction.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(office1.GetByRole(AriaRole.Heading, new() { Name = Task, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(office1.GetByRole(AriaRole.Region, new() { Name = "督办单" })).ToContainTextAsync(noticeNumber);
    }

    private static string BodyText(string path)
    {
        using var doc = WordprocessingDocument.Open(path, isEditable: false);
        return doc.MainDocumentPart!.Document!.Body!.InnerText;
    }
}
