using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;

namespace Zhengfeng.Tests.Exports;

/// <summary>The ledgers' xlsx exports: Chinese headers, the rows the list shows, the list's scope; and every ledger page links its export.</summary>
public sealed partial class LedgerExportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record Setup(HttpClient Admin, HttpClient Inspector, HttpClient Supervisor, HttpClient Leader, HttpClient Clerk, HttpClient OtherClerk,
        string Unit, string UnitName, string Other, string Cadre, string CadreName);

    private async Task<Setup> SetupAsync(string name)
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var unit = await admin.CreateUnitAsync(app, "township", root, name);
        var other = await admin.CreateUnitAsync(app, "township", root, name + "邻镇");
        var cadreName = name[..2] + "站长";
        var cadre = (await admin.PostOkAsync("/api/v1/cadres", new { name = cadreName, unitId = unit, post = "站长", rank = "deputysection" }, HttpStatusCode.Created)).Id();
        return new Setup(admin, await admin.UserAsync(app, root, "inspector"), await admin.UserAsync(app, root, "supervisor"), await admin.UserAsync(app, root, "leader"),
            await admin.UserAsync(app, unit, "unit"), await admin.UserAsync(app, other, "unit"), unit, name, other, cadre, cadreName);
    }

    private static async Task<IXLWorksheet> SheetAsync(HttpClient client, string url, int sheet = 1)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        return book.Worksheet(sheet);
    }

    private static List<string> Headers(IXLWorksheet sheet) => sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();

    private static List<string> Column(IXLWorksheet sheet, string header)
    {
        var index = Headers(sheet).IndexOf(header) + 1;
        Assert.True(index > 0, $"no column {header}");
        var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
        return Enumerable.Range(2, Math.Max(0, last - 1)).Select(r => sheet.Cell(r, index).GetString()).ToList();
    }

    [Fact]
    public async Task Accountability_export_lists_the_filtered_cases_with_labels_and_is_refused_to_a_unit()
    {
        var s = await SetupAsync("柳河镇");
        var a = await s.Inspector.PostOkAsync("/api/v1/accountability", new { cadreId = s.Cadre, facts = "柳河镇农机补贴发放拖延" }, HttpStatusCode.Created);
        await s.Inspector.PostOkAsync($"/api/v1/accountability/{a.Id()}/investigation", new { });
        await s.Inspector.PostOkAsync("/api/v1/accountability", new { unitId = s.Unit, facts = "柳河镇便民大厅窗口空岗" }, HttpStatusCode.Created);

        var sheet = await SheetAsync(s.Inspector, "/api/v1/exports/accountability.xlsx?status=investigating&q=柳河镇");
        Assert.Equal(["立项时间", "对象类别", "问责对象", "主要负责人", "分管领导", "问责事实", "状态"], Headers(sheet).Take(7));
        Assert.Equal(["柳河镇农机补贴发放拖延"], Column(sheet, "问责事实"));
        Assert.Equal(["调查中"], Column(sheet, "状态"));
        Assert.Equal([s.CadreName], Column(sheet, "问责对象"));
        Assert.Equal(2, (await SheetAsync(s.Inspector, "/api/v1/exports/accountability.xlsx?q=柳河镇")).LastRowUsed()!.RowNumber() - 1);

        Assert.Equal(HttpStatusCode.Forbidden, (await s.Clerk.GetAsync("/api/v1/exports/accountability.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Leader.GetAsync("/api/v1/exports/accountability.xlsx")).StatusCode);
    }

    [Fact]
    public async Task Exemption_export_names_the_cadre_and_the_failing_conditions_and_is_refused_to_a_unit()
    {
        var s = await SetupAsync("杏花镇");
        await s.Inspector.PostOkAsync("/api/v1/exemptions", new
        {
            cadreId = s.Cadre, facts = "杏花镇先行先试容缺受理", publicPurpose = true, noPersonalGain = true, noBreachOfLaw = true, noMajorLoss = false,
            timelyRemedy = true, procedureFollowed = true,
        }, HttpStatusCode.Created);

        var sheet = await SheetAsync(s.Leader, "/api/v1/exports/exemptions.xlsx?status=applied");
        Assert.Equal(["申请时间", "干部", "所在单位", "事实", "认定结果", "不符合的条件", "认定理由", "认定时间"], Headers(sheet));
        var row = Column(sheet, "事实").IndexOf("杏花镇先行先试容缺受理") + 2;
        Assert.True(row >= 2);
        Assert.Equal((s.CadreName, s.UnitName, "待认定", "未造成重大损失或恶劣影响"),
            (sheet.Cell(row, 2).GetString(), sheet.Cell(row, 3).GetString(), sheet.Cell(row, 5).GetString(), sheet.Cell(row, 6).GetString()));

        Assert.Equal(HttpStatusCode.Forbidden, (await s.Clerk.GetAsync("/api/v1/exports/exemptions.xlsx")).StatusCode);
    }

    [Fact]
    public async Task Notice_export_shows_a_unit_only_its_own_notices()
    {
        var s = await SetupAsync("桃源镇");
        await s.Supervisor.PostOkAsync("/api/v1/supervision-notices", new { unitId = s.Unit, level = "yellow", reason = "桃源镇路灯报修超期未办结" }, HttpStatusCode.Created);
        await s.Supervisor.PostOkAsync("/api/v1/supervision-notices", new { unitId = s.Other, level = "red", reason = "桃源镇邻镇低保复核拖延" }, HttpStatusCode.Created);

        var all = await SheetAsync(s.Supervisor, "/api/v1/exports/notices.xlsx?status=issued");
        Assert.Equal(["编号", "等级", "被督办单位", "督办事由", "下发人", "下发时间", "回复期限", "状态"], Headers(all).Take(8));
        Assert.Contains("桃源镇路灯报修超期未办结", Column(all, "督办事由"));
        Assert.Contains("桃源镇邻镇低保复核拖延", Column(all, "督办事由"));

        var own = await SheetAsync(s.Clerk, "/api/v1/exports/notices.xlsx");
        Assert.Equal(["桃源镇路灯报修超期未办结"], Column(own, "督办事由"));
        Assert.Equal(["黄牌督办"], Column(own, "等级"));
        Assert.Equal([s.UnitName], Column(own, "被督办单位"));
        Assert.Equal(["待回复"], Column(own, "状态"));
    }

    [Fact]
    public async Task Assessment_export_has_the_units_of_the_list_and_each_cadres_grade_and_is_refused_to_a_unit()
    {
        var s = await SetupAsync("枫林镇");
        await s.Admin.PostOkAsync("/api/v1/assessments", new { unitId = s.Unit, year = 2025, entries = new[] { new { cadreId = s.Cadre, grade = "competent" } } });

        var units = await SheetAsync(s.Leader, "/api/v1/exports/assessments.xlsx?year=2025&q=枫林镇");
        Assert.Equal(["单位", "在册干部", "已评定", "其中优秀"], Headers(units));
        Assert.Equal([s.UnitName, s.UnitName + "邻镇"], Column(units, "单位"));
        Assert.Equal(["1", "0"], Column(units, "已评定"));
        var grades = await SheetAsync(s.Leader, "/api/v1/exports/assessments.xlsx?year=2025&q=枫林镇", 2);
        Assert.Equal([s.CadreName], Column(grades, "姓名"));
        Assert.Equal(["称职"], Column(grades, "考核等次"));

        Assert.Equal(HttpStatusCode.Forbidden, (await s.Clerk.GetAsync("/api/v1/exports/assessments.xlsx")).StatusCode);
    }

    [Fact]
    public async Task Typical_case_export_opens_with_chinese_headers_for_every_member_of_staff()
    {
        var s = await SetupAsync("竹溪镇");
        var sheet = await SheetAsync(s.Clerk, "/api/v1/exports/typical-cases.xlsx");
        Assert.Equal(["标题", "类别", "单位", "来源", "状态", "起草人", "起草时间", "审核人", "审核时间", "发布时间"], Headers(sheet));
    }

    [Fact]
    public async Task Accounts_and_audit_exports_are_for_the_admin_only()
    {
        var s = await SetupAsync("松岗镇");
        var accounts = await SheetAsync(s.Admin, "/api/v1/exports/accounts.xlsx?q=admin");
        Assert.Equal(["用户名", "姓名", "所属单位", "角色", "状态", "两步验证", "最近登录", "创建时间"], Headers(accounts));
        var admin = Column(accounts, "用户名").IndexOf("admin") + 2;
        Assert.Equal(("管理员", "启用"), (accounts.Cell(admin, 4).GetString(), accounts.Cell(admin, 5).GetString()));

        var audit = await SheetAsync(s.Admin, "/api/v1/exports/audit.xlsx?action=cadre.");
        Assert.Equal(["序号", "时间", "操作人", "动作", "对象类型", "对象编号", "修改前", "修改后", "哈希"], Headers(audit));
        Assert.Contains(s.Cadre, Column(audit, "对象编号"));
        Assert.DoesNotContain(Column(audit, "动作"), a => a.StartsWith("cadre.", StringComparison.Ordinal)); // labels, never raw codes

        foreach (var url in new[] { "/api/v1/exports/accounts.xlsx", "/api/v1/exports/audit.xlsx" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await s.Leader.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await s.Clerk.GetAsync(url)).StatusCode);
        }
    }

    [Theory]
    [InlineData("admin", "/cases?status=dispatched&overdue=true&q=路灯", "/api/v1/exports/cases.xlsx?status=dispatched&overdue=true&q=")]
    [InlineData("supervisor", "/clues?status=registered&source=tour", "/api/v1/exports/clues.xlsx?status=registered&source=tour")]
    [InlineData("supervisor", "/rectifications?status=open&overdue=true", "/api/v1/exports/rectifications.xlsx?status=open&overdue=true")]
    [InlineData("leader", "/rankings?period=2026-10", "/api/v1/exports/rankings.xlsx?period=2026-10")]
    [InlineData("admin", "/outbox?status=all", "/api/v1/exports/outbox.xlsx?status=all")]
    [InlineData("inspector", "/accountability?status=active&q=镇", "/api/v1/exports/accountability.xlsx?status=active&q=")]
    [InlineData("leader", "/exemptions?status=applied", "/api/v1/exports/exemptions.xlsx?status=applied")]
    [InlineData("unit", "/notices?status=issued", "/api/v1/exports/notices.xlsx?status=issued")]
    [InlineData("leader", "/assessments?year=2025&q=镇", "/api/v1/exports/assessments.xlsx?year=2025&q=")]
    [InlineData("unit", "/typical-cases", "/api/v1/exports/typical-cases.xlsx")]
    [InlineData("admin", "/accounts?q=admin", "/api/v1/exports/accounts.xlsx?q=admin")]
    [InlineData("admin", "/audit?action=unit.", "/api/v1/exports/audit.xlsx?action=unit.")]
    [InlineData("supervisor", "/campaigns", "/api/v1/campaigns/export.xlsx")]
    [InlineData("supervisor", "/assignments", "/api/v1/tasks/export.xlsx")]
    [InlineData("leader", "/scores", "/api/v1/scores/export.xlsx")]
    [InlineData("leader", "/dashboard", "/api/v1/dashboard/export.xlsx")]
    public async Task Each_ledger_page_links_its_export_with_the_pages_filters(string role, string page, string expected)
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var client = role == "admin" ? admin : await admin.UserAsync(app, role == "unit" ? await admin.CreateUnitAsync(app) : root, role);
        var response = await client.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {page}: {(int)response.StatusCode}");
        var link = ExportLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).FirstOrDefault();
        Assert.True(link is not null, $"{page} has no 导出 Excel link");
        Assert.StartsWith(expected, Uri.UnescapeDataString(link).Replace("+", " ", StringComparison.Ordinal));

        var file = await client.GetAsync(link);
        Assert.True(file.StatusCode == HttpStatusCode.OK, $"GET {link}: {(int)file.StatusCode} {await file.Content.ReadAsStringAsync()}");
        var bytes = await file.Content.ReadAsByteArrayAsync();
        using var book = new XLWorkbook(new MemoryStream(bytes));
        Assert.All(book.Worksheet(1).Row(1).CellsUsed(), c => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", c.GetString()));
    }

    [GeneratedRegex("<a href=\"([^\"]+)\"[^>]*>导出 Excel</a>")]
    private static partial Regex ExportLink();

    [Fact]
    public async Task The_export_link_of_a_filtered_page_downloads_only_the_rows_the_page_shows()
    {
        var s = await SetupAsync("梅岭镇");
        await s.Inspector.PostOkAsync("/api/v1/accountability", new { unitId = s.Unit, facts = "梅岭镇便民大厅窗口空岗" }, HttpStatusCode.Created);
        await s.Inspector.PostOkAsync("/api/v1/accountability", new { unitId = s.Other, facts = "梅岭镇邻镇低保复核拖延" }, HttpStatusCode.Created);
        var html = await (await s.Inspector.GetAsync("/accountability?q=" + Uri.EscapeDataString("梅岭镇便民"))).Content.ReadAsStringAsync();
        var link = WebUtility.HtmlDecode(ExportLink().Match(html).Groups[1].Value);
        var sheet = await SheetAsync(s.Inspector, link);
        Assert.Equal(["梅岭镇便民大厅窗口空岗"], Column(sheet, "问责事实"));
    }
}
