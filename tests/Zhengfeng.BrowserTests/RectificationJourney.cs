using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Zhengfeng.Tests;

namespace Zhengfeng.BrowserTests;

/// <summary>
/// A problem from an inspection tour to sign-off and back: the supervisor imports the tour's feedback, an inspector
/// verifies one problem, the supervisor opens a rectification item for the township, the township reports with a root
/// cause and a photo, the first verification fails, the second passes and the item is signed off (销号); the township
/// cannot sign off itself; a new verified problem of the same kind reopens the item as a relapse (反弹).
/// </summary>
public sealed partial class RectificationJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    // A 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_tour_finding_is_verified_rectified_rejected_signed_off_and_reopened_by_a_relapse()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var code = app.Unique("qh");
        var township = (await admin.PostOkAsync("/api/v1/units", new { name = "清河镇", code, parentId = root, kind = "township" }, HttpStatusCode.Created)).Id();
        var office = await admin.CreateUnitAsync(app, "department", root, "县作风办");
        var supervisorName = await AccountAsync(admin, office, "supervisor", "督查员老王");
        var inspectorName = await AccountAsync(admin, office, "inspector", "纪检员小赵");
        var staffName = await AccountAsync(admin, township, "unit", "清河镇干事小刘");

        // The supervisor uploads the tour's feedback; a wrong unit code refuses the whole file and says where.
        var supervisor = await app.NewPageAsync();
        await BrowserApp.LoginAsync(supervisor, supervisorName, AppFactory.Password);
        await BrowserApp.NavigateAsync(supervisor, "问题线索");
        await UploadAsync(supervisor, Tour(code, "QH-TYPO"));
        await Assertions.Expect(supervisor.GetByRole(AriaRole.Alert)).ToContainTextAsync("未导入任何线索");
        var bad = supervisor.GetByRole(AriaRole.Row).Filter(new() { HasText = "QH-TYPO" });
        await Assertions.Expect(bad).ToContainTextAsync("3单位编码");
        await UploadAsync(supervisor, Tour(code, code));
        await Assertions.Expect(supervisor.GetByRole(AriaRole.Status)).ToContainTextAsync("已导入巡察反馈问题 2 条");
        await Assertions.Expect(supervisor.GetByRole(AriaRole.Link, new() { Name = "便民服务中心窗口推诿群众办理低保" })).ToBeVisibleAsync();

        // The inspector verifies one of them: 属实.
        var inspector = await app.NewPageAsync();
        await BrowserApp.LoginAsync(inspector, inspectorName, AppFactory.Password);
        await BrowserApp.NavigateAsync(inspector, "问题线索");
        await inspector.GetByRole(AriaRole.Link, new() { Name = "便民服务中心窗口推诿群众办理低保" }).ClickAsync();
        var clueUrl = inspector.Url;
        await VerifyClueAsync(inspector, "调取窗口监控，情况属实");

        // The supervisor opens a rectification item for the township.
        await supervisor.GotoAsync(clueUrl);
        await Assertions.Expect(supervisor.GetByLabel("责任单位")).ToHaveValueAsync(township);
        await supervisor.GetByLabel("整改措施").FillAsync("窗口实行首问负责制，公开服务承诺并纳入月度考核");
        await supervisor.GetByLabel("整改类型").SelectOptionAsync(new SelectOptionValue { Label = "限期整改" });
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "建立整改任务" }).ClickAsync();
        await Assertions.Expect(supervisor.GetByRole(AriaRole.Status)).ToHaveTextAsync("已建立整改任务");
        var itemUrl = supervisor.Url;
        Assert.Matches(ItemPath(), itemUrl);

        // The township's staff find it in their ledger and report, with the root cause and a photo as evidence.
        var staff = await app.NewPageAsync();
        await BrowserApp.LoginAsync(staff, staffName, AppFactory.Password);
        await BrowserApp.NavigateAsync(staff, "整改台账");
        await staff.GetByRole(AriaRole.Link, new() { Name = "窗口实行首问负责制" }).ClickAsync();
        await Assertions.Expect(staff.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("整改中");
        await staff.GetByRole(AriaRole.Textbox, new() { Name = "整改进展" }).FillAsync("已制定首问负责制度，窗口人员逐一签订服务承诺书");
        await staff.GetByRole(AriaRole.Textbox, new() { Name = "问题根源" }).FillAsync("窗口人员服务意识淡薄，考核中没有群众评价");
        await staff.GetByLabel(EvidenceLabel()).SetInputFilesAsync(new FilePayload { Name = "承诺书上墙.png", MimeType = "image/png", Buffer = Png });
        await staff.GetByRole(AriaRole.Button, new() { Name = "报告进展" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToHaveTextAsync("已报告整改进展，附佐证材料1份");
        var photo = staff.GetByRole(AriaRole.Link, new() { Name = "承诺书上墙.png" });
        await Assertions.Expect(photo).ToBeVisibleAsync();
        var photoUrl = (await photo.GetAttributeAsync("href"))!;
        await Assertions.Expect(staff.GetByRole(AriaRole.Button, new() { Name = "验收通过" })).ToHaveCountAsync(0);

        // The supervisor sees the evidence and rejects the first verification with a note.
        await supervisor.GotoAsync(itemUrl);
        await Assertions.Expect(supervisor.GetByRole(AriaRole.Link, new() { Name = "承诺书上墙.png" })).ToBeVisibleAsync();
        await supervisor.GetByLabel("验收意见").FillAsync("制度未上墙公示，群众评价未纳入考核");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "验收不通过" }).ClickAsync();
        await Assertions.Expect(supervisor.GetByRole(AriaRole.Status)).ToContainTextAsync("验收不通过");
        await Assertions.Expect(supervisor.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("整改中");

        // The staff report again: the form starts from their last report and root cause, so they only add what is new.
        await staff.ReloadAsync();
        var progress = staff.GetByRole(AriaRole.Textbox, new() { Name = "整改进展" });
        await Assertions.Expect(progress).ToHaveValueAsync("已制定首问负责制度，窗口人员逐一签订服务承诺书");
        await Assertions.Expect(staff.GetByRole(AriaRole.Textbox, new() { Name = "问题根源" })).ToHaveValueAsync("窗口人员服务意识淡薄，考核中没有群众评价");
        await Assertions.Expect(staff.GetByText("制度未上墙公示，群众评价未纳入考核").First).ToBeVisibleAsync();
        await progress.FillAsync("制度已在服务大厅上墙公示，群众评价按月计入窗口人员考核");
        await staff.GetByRole(AriaRole.Button, new() { Name = "报告进展" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToHaveTextAsync("已报告整改进展");

        // The supervisor passes it and signs it off.
        await supervisor.ReloadAsync();
        await supervisor.GetByLabel("验收意见").FillAsync("现场核验，制度已公示");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "验收通过" }).ClickAsync();
        await Assertions.Expect(supervisor.GetByRole(AriaRole.Status)).ToHaveTextAsync("验收通过");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "销号", Exact = true }).ClickAsync();
        await Assertions.Expect(supervisor.GetByRole(AriaRole.Status)).ToHaveTextAsync("已销号");
        await Assertions.Expect(supervisor.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("已销号");
        await Assertions.Expect(supervisor.GetByRole(AriaRole.Heading, new() { Name = "回头看" })).ToBeVisibleAsync();

        // The township sees the result but none of the controls, and the API refuses them too.
        await staff.ReloadAsync();
        await Assertions.Expect(staff.GetByLabel("状态", new() { Exact = true })).ToHaveTextAsync("已销号");
        foreach (var control in new[] { "销号", "验收通过", "验收不通过", "整改有效", "报告进展" })
        {
            await Assertions.Expect(staff.GetByRole(AriaRole.Button, new() { Name = control, Exact = true })).ToHaveCountAsync(0);
        }
        var staffApi = await app.LoginAsync(staffName, AppFactory.Password);
        var itemId = itemUrl[(itemUrl.LastIndexOf('/') + 1)..];
        Assert.Equal(HttpStatusCode.Forbidden, (await staffApi.PostAsJsonAsync($"/api/v1/rectifications/{itemId}/close", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staffApi.PostAsJsonAsync($"/api/v1/rectifications/{itemId}/verification", new { pass = true })).StatusCode);
        Assert.Equal(Png, await staffApi.GetByteArrayAsync(photoUrl));

        // A new problem of the same kind at the township is registered and verified: the item reopens as a relapse.
        await BrowserApp.NavigateAsync(supervisor, "问题线索");
        var register = supervisor.GetByRole(AriaRole.Region, new() { Name = "登记线索" });
        await register.GetByLabel("线索来源").SelectOptionAsync(new SelectOptionValue { Label = "暗访" });
        await register.GetByLabel("涉及单位").SelectOptionAsync(new SelectOptionValue { Label = "清河镇" });
        await register.GetByLabel("问题类型").SelectOptionAsync("shirking");
        await register.GetByLabel("问题内容").FillAsync("暗访发现窗口人员仍以“不归我管”为由推诿群众");
        await register.GetByRole(AriaRole.Button, new() { Name = "登记线索" }).ClickAsync();
        await Assertions.Expect(supervisor.GetByRole(AriaRole.Status)).ToHaveTextAsync("已登记问题线索");
        await inspector.GotoAsync(supervisor.Url);
        await VerifyClueAsync(inspector, "暗访录像核实");

        await BrowserApp.NavigateAsync(supervisor, "整改台账");
        await supervisor.GetByLabel("只看反弹").CheckAsync();
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        var row = supervisor.GetByRole(AriaRole.Row).Filter(new() { HasText = "窗口实行首问负责制" });
        await Assertions.Expect(row).ToContainTextAsync("反弹1次");
        await Assertions.Expect(row).ToContainTextAsync("整改中");

        // On a phone the item page fits the screen.
        var phone = await app.NewPageAsync(phone: true);
        await BrowserApp.LoginAsync(phone, staffName, AppFactory.Password);
        await phone.GotoAsync(itemUrl);
        await Assertions.Expect(phone.GetByRole(AriaRole.Button, new() { Name = "报告进展" })).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the item page scrolls sideways on a phone");
    }

    private static async Task UploadAsync(IPage page, byte[] xlsx)
    {
        await page.GetByLabel("巡察反馈文件").SetInputFilesAsync(new FilePayload
        {
            Name = "第三巡察组反馈问题清单.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = xlsx,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入巡察反馈" }).ClickAsync();
    }

    private static async Task VerifyClueAsync(IPage inspector, string note)
    {
        await inspector.GetByLabel("属实", new() { Exact = true }).CheckAsync();
        await inspector.GetByLabel("核查说明").FillAsync(note);
        await inspector.GetByRole(AriaRole.Button, new() { Name = "提交核查结论" }).ClickAsync();
        await Assertions.Expect(inspector.GetByRole(AriaRole.Status)).ToHaveTextAsync("核查结论：属实");
    }

    /// <summary>The tour's feedback as the tour sends it; the second row's unit code is <paramref name="secondCode"/>.</summary>
    private static byte[] Tour(string code, string secondCode)
    {
        string[][] rows =
        [
            ["单位编码", "问题类型", "问题描述", "地点", "发现日期"],
            [code, "推诿扯皮、敷衍塞责", "便民服务中心窗口推诿群众办理低保", "清河镇便民服务中心", "2026-10-20"],
            [secondCode, "拖沓延误、办事效率低", "宅基地审批材料积压两个月未办理", "清河镇国土所", "2026-10-21"],
        ];
        return TestSheets.Xlsx("反馈问题", rows);
    }

    private async Task<string> AccountAsync(HttpClient admin, string unitId, string role, string displayName)
    {
        var username = app.Unique(role);
        await admin.PostOkAsync("/api/v1/users", new { username, password = AppFactory.Password, displayName, unitId, roles = new[] { role } }, HttpStatusCode.Created);
        return username;
    }

    [GeneratedRegex("/rectifications/[^/]+$")]
    private static partial Regex ItemPath();

    [GeneratedRegex("^佐证材料")]
    private static partial Regex EvidenceLabel();
}
