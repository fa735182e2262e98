using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Playwright;
using Zhengfeng.Tests;
using static Microsoft.Playwright.Assertions;

namespace Zhengfeng.BrowserTests;

/// <summary>
/// 考勤 end to end: a unit clerk uploads November's punches from the face terminal's export, checks the preview, imports, and finds
/// the unit's late, early-leave and 旷工 figures on the month page; the supervisor then defines the branch office's machine as a
/// terminal model (a wrong layout is refused first), and the clerk imports that machine's export with it, which clears the days
/// the cadre was at the branch office.
/// </summary>
public sealed class AttendanceJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>November 2026's workdays: no holiday or make-up day falls in it, so Monday to Friday.</summary>
    private static readonly DateOnly[] November = [.. Enumerable.Range(1, 30).Select(d => new DateOnly(2026, 11, d))
        .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))];

    private static readonly int[] AwayDays = [17, 18, 19];

    /// <summary>周涛 late on the 10th, 吴芳 leaving early on the 12th, 郑军 without a punch on the 17th to 19th, 冯雪 on time.</summary>
    private static FilePayload FaceTerminalExport()
    {
        var csv = new StringBuilder("工号,姓名,部门,日期时间\r\n");
        foreach (var d in November)
        {
            void Punch(string no, string name, string time) => csv.Append(CultureInfo.InvariantCulture, $"{no},{name},办公室,{d:yyyy-MM-dd} {time}\r\n");
            Punch("1101", "周涛", d.Day == 10 ? "09:25:10" : "08:51:02");
            Punch("1101", "周涛", "17:42:30");
            Punch("1102", "吴芳", "08:47:45");
            Punch("1102", "吴芳", d.Day == 12 ? "16:05:00" : "17:38:12");
            if (!AwayDays.Contains(d.Day))
            {
                Punch("1103", "郑军", "08:55:00");
                Punch("1103", "郑军", "17:50:00");
            }
            Punch("1104", "冯雪", "08:40:00");
            Punch("1104", "冯雪", "17:35:00");
        }
        return new FilePayload { Name = "十一月考勤记录.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) };
    }

    /// <summary>The branch office's machine names its columns its own way.</summary>
    private static FilePayload BranchTerminalExport()
    {
        var csv = new StringBuilder("员工编号,员工姓名,刷脸时间\r\n");
        foreach (var day in AwayDays)
        {
            csv.Append(CultureInfo.InvariantCulture, $"1103,郑军,2026-11-{day:00} 08:52:00\r\n1103,郑军,2026-11-{day:00} 17:46:00\r\n");
        }
        return new FilePayload { Name = "分所刷脸记录.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) };
    }

    [Fact]
    public async Task A_clerk_imports_a_month_of_punches_and_a_custom_terminal_model_reads_another_machine()
    {
        // The test app starts on 2 November; a month of November punches is imported once the month is over.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var unitName = "县自然资源局" + app.Unique("");
        var unitId = await admin.CreateUnitAsync(app, "department", root, unitName);
        foreach (var (name, no) in new[] { ("周涛", "1101"), ("吴芳", "1102"), ("郑军", "1103"), ("冯雪", "1104") })
        {
            await admin.PostOkAsync("/api/v1/cadres", new { name, unitId, post = "科员", terminalNo = no }, HttpStatusCode.Created);
        }
        var clerkName = app.Unique("clerk");
        await admin.PostOkAsync("/api/v1/users", new { username = clerkName, password = AppFactory.Password, displayName = "资规办公室小陈", unitId, roles = new[] { "unit" } },
            HttpStatusCode.Created);
        var supervisorName = app.Unique("supervisor");
        await admin.PostOkAsync("/api/v1/users", new { username = supervisorName, password = AppFactory.Password, displayName = "效能办老何", unitId = root, roles = new[] { "supervisor" } },
            HttpStatusCode.Created);

        var clerk = await app.NewPageAsync();
        await BrowserApp.LoginAsync(clerk, clerkName, AppFactory.Password);
        await BrowserApp.NavigateAsync(clerk, "考勤");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "导入考勤记录" }).ClickAsync();
        await clerk.GetByLabel("考勤机型号").SelectOptionAsync("zkteco");
        await clerk.GetByLabel("文件", new() { Exact = true }).SetInputFilesAsync(FaceTerminalExport());
        await clerk.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        var preview = clerk.GetByRole(AriaRole.Region, new() { Name = "预览结果" });
        await Expect(preview.GetByRole(AriaRole.Status)).ToContainTextAsync("共读取 162 行、162 条打卡记录（2026-11-02 至 2026-11-30）");
        await Expect(preview.GetByRole(AriaRole.Status)).ToContainTextAsync("将新增 162 条，已导入过 0 条，无法导入 0 行");
        await Expect(preview.Locator("tbody tr", new() { HasText = "郑军" })).ToContainTextAsync("36");
        await clerk.GetByLabel("文件", new() { Exact = true }).SetInputFilesAsync(FaceTerminalExport());
        await clerk.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Region, new() { Name = "导入结果" }).GetByRole(AriaRole.Status)).ToContainTextAsync("新导入 162 条");

        await clerk.GetByRole(AriaRole.Link, new() { Name = "← 考勤月报" }).ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Heading, new() { Name = "2026年11月各单位考勤" })).ToBeVisibleAsync();
        var row = clerk.Locator("tbody tr", new() { HasText = unitName });
        await Expect(row.Locator("td")).ToHaveTextAsync([unitName, "4", "84", "1", "1", "3", "0", "0"]);
        await row.GetByRole(AriaRole.Link, new() { Name = unitName }).ClickAsync();
        await Expect(clerk.Locator("tbody tr", new() { HasText = "郑军" }).Locator("td")).ToHaveTextAsync(["郑军", "21", "0", "0", "3", "0", "0"]);

        var supervisor = await app.NewPageAsync();
        await BrowserApp.LoginAsync(supervisor, supervisorName, AppFactory.Password);
        await supervisor.GotoAsync("/attendance/import");
        await supervisor.GetByRole(AriaRole.Link, new() { Name = "查看和维护考勤机型号" }).ClickAsync();
        await Expect(supervisor.Locator("tbody tr", new() { HasText = "钉钉考勤" })).ToContainTextAsync("内置");
        var form = supervisor.GetByRole(AriaRole.Region, new() { Name = "新增考勤机型号" });
        await form.GetByLabel("型号名称").FillAsync("汉王人脸考勤机（分所）");
        await form.GetByLabel("型号代码").FillAsync("hanvon-branch");
        await form.GetByLabel("导出格式").SelectOptionAsync(new SelectOptionValue { Label = "每人每天一行" });
        await form.GetByLabel("工号列名", new() { Exact = true }).FillAsync("员工编号");
        await form.GetByLabel("姓名列名", new() { Exact = true }).FillAsync("员工姓名");
        await form.GetByLabel("日期时间列名", new() { Exact = true }).FillAsync("刷脸时间");
        await form.GetByRole(AriaRole.Button, new() { Name = "保存型号" }).ClickAsync();
        await Expect(supervisor.GetByRole(AriaRole.Alert)).ToContainTextAsync("请填写“日期”、“上班打卡时间”、“下班打卡时间”列的列名");
        await Expect(form.GetByLabel("工号列名", new() { Exact = true })).ToHaveValueAsync("员工编号");
        await form.GetByLabel("导出格式").SelectOptionAsync(new SelectOptionValue { Label = "每次打卡一行" });
        await form.GetByRole(AriaRole.Button, new() { Name = "保存型号" }).ClickAsync();
        await Expect(supervisor.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存考勤机型号“汉王人脸考勤机（分所）”");
        var custom = supervisor.Locator("tbody tr", new() { HasText = "汉王人脸考勤机（分所）" });
        await Expect(custom).ToContainTextAsync("hanvon-branch");
        await Expect(custom).ToContainTextAsync("员工编号");
        await Expect(custom.GetByRole(AriaRole.Link, new() { Name = "修改汉王人脸考勤机（分所）" })).ToBeVisibleAsync();

        // The clerk may use the model but not change it.
        await clerk.GotoAsync("/attendance/import");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "查看和维护考勤机型号" }).ClickAsync();
        await Expect(clerk.Locator("tbody tr", new() { HasText = "汉王人脸考勤机（分所）" })).ToBeVisibleAsync();
        await Expect(clerk.GetByRole(AriaRole.Button, new() { Name = "保存型号" })).ToHaveCountAsync(0);
        await clerk.GetByRole(AriaRole.Link, new() { Name = "导入考勤记录" }).ClickAsync();
        await clerk.GetByLabel("考勤机型号").SelectOptionAsync(new SelectOptionValue { Label = "汉王人脸考勤机（分所）" });
        await clerk.GetByLabel("文件", new() { Exact = true }).SetInputFilesAsync(BranchTerminalExport());
        await clerk.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Region, new() { Name = "导入结果" }).GetByRole(AriaRole.Status)).ToContainTextAsync("新导入 6 条");

        await clerk.GotoAsync("/attendance");
        await Expect(clerk.Locator("tbody tr", new() { HasText = unitName }).Locator("td")).ToHaveTextAsync([unitName, "4", "84", "1", "1", "0", "0", "0"]);
    }
}
