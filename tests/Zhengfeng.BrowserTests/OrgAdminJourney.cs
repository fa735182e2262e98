using Microsoft.Playwright;
using Zhengfeng.Tests;
using static Microsoft.Playwright.Assertions;

namespace Zhengfeng.BrowserTests;

/// <summary>The admin builds part of the unit tree on the pages, is stopped from making a loop, and appoints a head.</summary>
public sealed class OrgAdminJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string County = "本县（区）";

    [Fact]
    public async Task Admin_adds_a_department_and_section_is_refused_a_cycle_and_appoints_a_head()
    {
        var page = await app.NewPageAsync();
        await BrowserApp.LoginAsync(page, "admin", AppFactory.AdminPassword);
        await BrowserApp.NavigateAsync(page, "组织机构");

        await AddUnitAsync(page, "县营商环境局", app.Unique("yshj"), "部门", County);
        await AddUnitAsync(page, "审批服务股", app.Unique("spfw"), "科室", $"{County} / 县营商环境局");
        var tree = page.GetByRole(AriaRole.Region, new() { Name = "单位树" });
        var department = tree.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "县营商环境局" }).Last;
        await Expect(department.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "审批服务股" })).ToContainTextAsync("科室");

        await page.GetByRole(AriaRole.Link, new() { Name = "编辑 县营商环境局" }).ClickAsync();
        await page.GetByLabel("上级单位").SelectOptionAsync(new SelectOptionValue { Label = $"{County} / 县营商环境局 / 审批服务股" });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("不能把单位挂到它自己或它的下级单位之下");

        await BrowserApp.NavigateAsync(page, "干部名册");
        var form = page.GetByRole(AriaRole.Region, new() { Name = "新增干部" });
        await form.GetByLabel("姓名").FillAsync("周立新");
        await form.GetByLabel("所在单位").SelectOptionAsync(new SelectOptionValue { Label = $"{County} / 县营商环境局" });
        await form.GetByLabel("职务").FillAsync("局长");
        await form.GetByLabel("职级").SelectOptionAsync(new SelectOptionValue { Label = "正科级（领导干部）" });
        await form.GetByRole(AriaRole.Button, new() { Name = "新增干部" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已新增干部“周立新”");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "周立新" })).ToContainTextAsync("领导干部");

        await BrowserApp.NavigateAsync(page, "组织机构");
        await page.GetByRole(AriaRole.Link, new() { Name = "编辑 县营商环境局" }).ClickAsync();
        await page.GetByLabel("主要负责人").SelectOptionAsync(new SelectOptionValue { Label = "周立新（局长）" });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存单位“县营商环境局”");
        await Expect(tree.GetByText("主要负责人：周立新")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_duplicate_code_is_refused_in_chinese_and_the_form_keeps_what_was_typed()
    {
        var page = await app.NewPageAsync(phone: true);
        await BrowserApp.LoginAsync(page, "admin", AppFactory.AdminPassword);
        await page.GotoAsync("/org");
        var code = app.Unique("dup");
        await AddUnitAsync(page, "县数据资源局", code, "部门", County);
        await AddUnitAsync(page, "县数据资源中心", code, "部门", County, expectSuccess: false);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"单位编码“{code}”已存在");
        await Expect(page.GetByLabel("单位名称")).ToHaveValueAsync("县数据资源中心");
    }

    private static async Task AddUnitAsync(IPage page, string name, string code, string kind, string parent, bool expectSuccess = true)
    {
        var form = page.GetByRole(AriaRole.Region, new() { Name = "新增单位" });
        await form.GetByLabel("单位名称").FillAsync(name);
        await form.GetByLabel("单位编码").FillAsync(code);
        await form.GetByLabel("单位类型").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await form.GetByLabel("上级单位").SelectOptionAsync(new SelectOptionValue { Label = parent });
        await form.GetByRole(AriaRole.Button, new() { Name = "新增单位" }).ClickAsync();
        if (expectSuccess)
        {
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"已新增单位“{name}”");
        }
    }
}
