using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Zhengfeng.Web;
using static Zhengfeng.Tests.Attendance.AttendanceFiles;

namespace Zhengfeng.Tests.Attendance;

/// <summary>考勤、请销假、查岗: a month of terminal records gives each unit's figures; leave, spot checks, clues and the score follow.</summary>
public sealed class AttendanceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateOnly Oct14 = new(2026, 10, 14);

    private sealed record Unit(string Id, HttpClient Clerk, Dictionary<string, string> Cadres);

    private async Task<(HttpClient Admin, HttpClient Supervisor)> StaffAsync()
    {
        var admin = await app.AdminAsync();
        return (admin, await admin.UserAsync(app, await admin.RootUnitIdAsync(), Roles.Supervisor));
    }

    private async Task<Unit> UnitAsync(HttpClient admin, params (string Name, string? No)[] cadres)
    {
        var id = await admin.CreateUnitAsync(app);
        var ids = new Dictionary<string, string>();
        foreach (var (name, no) in cadres)
        {
            ids[name] = (await admin.PostOkAsync("/api/v1/cadres", new { name, unitId = id, post = "科员", terminalNo = no }, HttpStatusCode.Created)).Id();
        }
        return new Unit(id, await admin.UserAsync(app, id, Roles.Unit), ids);
    }

    /// <summary>张伟 late on the 14th and early on the 21st; 李娜 away on the 15th, 16th and 19th and early (one punch) on the 13th;
    /// 王强 (no 工号 on record) late on the 12th, within the grace on the 20th, and off on the 22nd and 23rd; one row of a stranger.</summary>
    private static byte[] ZktecoMonth()
    {
        var rows = new List<(string, string, DateOnly, string)>();
        foreach (var d in TwoWeeks)
        {
            rows.Add(("1001", "张伟", d, d.Day == 14 ? "09:12:40" : "08:52:10"));
            rows.Add(("1001", "张伟", d, d.Day == 21 ? "17:10:05" : "17:41:33"));
            if (d.Day is not (15 or 16 or 19))
            {
                rows.Add(("1002", "李娜", d, "08:50:00"));
                if (d.Day != 13)
                {
                    rows.Add(("1002", "李娜", d, "17:36:00"));
                }
            }
            if (d.Day is not (22 or 23))
            {
                rows.Add(("1003", "王强", d, d.Day == 12 ? "09:30:00" : d.Day == 20 ? "09:04:59" : "08:45:00"));
                rows.Add(("1003", "王强", d, "18:02:00"));
            }
        }
        rows.Add(("1999", "孙七", TwoWeeks[0], "08:40:00"));
        return Encoding.UTF8.GetBytes(Zkteco(rows));
    }

    private static async Task<JsonElement> UnitFiguresAsync(HttpClient client, string unitId)
    {
        var month = await client.GetOkAsync("/api/v1/attendance/months/2026-10");
        return month.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == unitId);
    }

    private static void AssertFigures(JsonElement unit, int judged, int late, int early, int absent, int leave, int spot = 0)
    {
        Assert.Equal(judged, unit.GetProperty("judged").GetInt32());
        Assert.Equal(late, unit.GetProperty("late").GetInt32());
        Assert.Equal(early, unit.GetProperty("early").GetInt32());
        Assert.Equal(absent, unit.GetProperty("absent").GetInt32());
        Assert.Equal(leave, unit.GetProperty("leaveDays").GetInt32());
        Assert.Equal(spot, unit.GetProperty("spotCheckAbsences").GetInt32());
    }

    private async Task<Unit> ImportedZktecoUnitAsync(HttpClient admin)
    {
        var unit = await UnitAsync(admin, ("张伟", "1001"), ("李娜", "1002"), ("王强", null));
        var preview = await (await unit.Clerk.UploadAsync("/api/v1/attendance/imports/preview?terminal=zkteco", ZktecoMonth(), "考勤记录.csv")).ReadJsonAsync();
        Assert.Equal(49, preview.GetProperty("punches").GetInt32());
        Assert.Equal(49, preview.GetProperty("new").GetInt32());
        var error = Assert.Single(preview.GetProperty("errors").EnumerateArray());
        Assert.Equal(51, error.GetProperty("row").GetInt32());
        Assert.Contains("孙七", error.GetProperty("message").GetString());
        Assert.False(preview.GetProperty("committed").GetBoolean());
        var imported = await (await unit.Clerk.UploadAsync("/api/v1/attendance/imports?terminal=zkteco", ZktecoMonth(), "考勤记录.csv")).ReadJsonAsync();
        Assert.Equal(49, imported.GetProperty("new").GetInt32());
        Assert.True(imported.GetProperty("committed").GetBoolean());
        return unit;
    }

    private async Task ApprovedLeaveAsync(HttpClient admin, Unit unit, string cadre, string kind, string from, string to)
    {
        var approver = await admin.UserAsync(app, unit.Id, Roles.Unit);
        var leave = await unit.Clerk.PostOkAsync("/api/v1/attendance/leaves", new { cadreId = unit.Cadres[cadre], kind, from, to, reason = "家中有事" }, HttpStatusCode.Created);
        await approver.PostOkAsync($"/api/v1/attendance/leaves/{leave.Id()}/approve", new { note = "同意" });
    }

    [Fact]
    public async Task A_month_of_zkteco_punches_gives_the_units_late_early_absent_and_leave_figures()
    {
        var (admin, _) = await StaffAsync();
        var unit = await ImportedZktecoUnitAsync(admin);
        await ApprovedLeaveAsync(admin, unit, "王强", "personal", "2026-10-22", "2026-10-23");

        AssertFigures(await UnitFiguresAsync(unit.Clerk, unit.Id), judged: 28, late: 2, early: 2, absent: 3, leave: 2);
        var cadres = (await unit.Clerk.GetOkAsync($"/api/v1/attendance/months/2026-10/units/{unit.Id}")).GetProperty("cadres").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(3, cadres["李娜"].GetProperty("absent").GetInt32());
        Assert.Equal(1, cadres["李娜"].GetProperty("early").GetInt32());
        Assert.Equal(1, cadres["王强"].GetProperty("late").GetInt32()); // 09:04:59 is within the 5 minutes of grace
        Assert.Equal(2, cadres["王强"].GetProperty("leaveDays").GetInt32());
        var days = await unit.Clerk.GetOkAsync($"/api/v1/attendance/months/2026-10/cadres/{unit.Cadres["张伟"]}");
        Assert.Equal("迟到", days.EnumerateArray().Single(d => d.GetProperty("day").GetString() == "2026-10-14").GetProperty("resultLabel").GetString());

        // 王强 had no 工号 on record: matched by name, the number is kept, so the next export finds him by number alone.
        var next = Encoding.UTF8.GetBytes("工号,姓名,部门,日期时间\r\n1003,,办公室,2026-10-26 08:40:00\r\n");
        var byNumber = await (await unit.Clerk.UploadAsync("/api/v1/attendance/imports/preview?terminal=zkteco", next, "考勤.csv")).ReadJsonAsync();
        Assert.Equal("王强", Assert.Single(byNumber.GetProperty("cadres").EnumerateArray()).GetProperty("name").GetString());
        var page = WebUtility.HtmlDecode(await (await unit.Clerk.GetAsync($"/attendance/units/{unit.Id}?month=2026-10")).Content.ReadAsStringAsync());
        Assert.Contains("李娜", page);
    }

    [Fact]
    public async Task A_dingtalk_daily_sheet_gives_the_same_kind_of_figures()
    {
        var (admin, _) = await StaffAsync();
        var unit = await UnitAsync(admin, ("陈刚", "2001"), ("刘洋", "2002"));
        var week = TwoWeeks.Take(5).ToList();
        var rows = new List<(string, string, DateOnly, string, string)>();
        foreach (var d in week)
        {
            rows.Add(("陈刚", "2001", d, d.Day == 13 ? "09:20" : d.Day == 14 ? "未打卡" : "08:58", d.Day == 15 ? "16:50" : d.Day == 14 ? "未打卡" : "17:35"));
            if (d.Day != 16)
            {
                rows.Add(("刘洋", "2002", d, "08:40:12", "17:31:00"));
            }
        }
        var result = await (await unit.Clerk.UploadAsync("/api/v1/attendance/imports?terminal=dingtalk", DingTalk(rows), "钉钉考勤.xlsx")).ReadJsonAsync();
        Assert.Equal(16, result.GetProperty("new").GetInt32());
        Assert.Empty(result.GetProperty("errors").EnumerateArray());

        AssertFigures(await UnitFiguresAsync(unit.Clerk, unit.Id), judged: 10, late: 1, early: 1, absent: 2, leave: 0);
    }

    [Fact]
    public async Task Importing_the_same_file_again_adds_nothing_and_the_figures_stay()
    {
        var (admin, _) = await StaffAsync();
        var unit = await ImportedZktecoUnitAsync(admin);
        var again = await (await unit.Clerk.UploadAsync("/api/v1/attendance/imports?terminal=zkteco", ZktecoMonth(), "考勤记录.csv")).ReadJsonAsync();
        Assert.Equal(0, again.GetProperty("new").GetInt32());
        Assert.Equal(49, again.GetProperty("duplicates").GetInt32());
        AssertFigures(await UnitFiguresAsync(unit.Clerk, unit.Id), judged: 30, late: 2, early: 2, absent: 5, leave: 0);
    }

    [Fact]
    public async Task Three_days_of_absence_become_one_clue_for_the_cadre_and_month_however_often_imported()
    {
        var (admin, supervisor) = await StaffAsync();
        var unit = await ImportedZktecoUnitAsync(admin);
        await unit.Clerk.UploadAsync("/api/v1/attendance/imports?terminal=zkteco", ZktecoMonth(), "考勤记录.csv");

        var clues = (await supervisor.GetOkAsync($"/api/v1/clues?unitId={unit.Id}&source=attendance")).GetProperty("items").EnumerateArray().ToList();
        var clue = Assert.Single(clues); // 李娜 only: 王强 was away two days (22nd, 23rd), 张伟 never
        Assert.Equal(unit.Cadres["李娜"], clue.GetProperty("personId").GetString());
        Assert.Equal("考勤异常", clue.GetProperty("sourceLabel").GetString());
        Assert.Contains("旷工3天", clue.GetProperty("content").GetString());
        var manual = await supervisor.PostAsJsonAsync("/api/v1/clues", new { source = "attendance", unitId = unit.Id, problemType = "laxity", content = "手工登记考勤线索" });
        Assert.Contains("系统自动生成", await manual.ProblemAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Leave_is_approved_by_another_account_never_by_the_one_who_filed_it()
    {
        var (admin, supervisor) = await StaffAsync();
        var unit = await UnitAsync(admin, ("黄磊", "3001"));
        var colleague = await admin.UserAsync(app, unit.Id, Roles.Unit);
        var leave = await unit.Clerk.PostOkAsync("/api/v1/attendance/leaves",
            new { cadreId = unit.Cadres["黄磊"], kind = "sick", from = "2026-11-03", to = "2026-11-04", reason = "感冒发烧" }, HttpStatusCode.Created);
        Assert.Equal("pending", leave.GetProperty("status").GetString());

        var self = await unit.Clerk.PostAsJsonAsync($"/api/v1/attendance/leaves/{leave.Id()}/approve", new { });
        Assert.Contains("不能审批自己登记的请假", await self.ProblemAsync(HttpStatusCode.Forbidden));
        var approved = await colleague.PostOkAsync($"/api/v1/attendance/leaves/{leave.Id()}/approve", new { note = "同意" });
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        var twice = await supervisor.PostAsJsonAsync($"/api/v1/attendance/leaves/{leave.Id()}/approve", new { });
        Assert.Contains("已批准", await twice.ProblemAsync(HttpStatusCode.Conflict));

        var bad = await unit.Clerk.PostAsJsonAsync("/api/v1/attendance/leaves",
            new { cadreId = unit.Cadres["黄磊"], kind = "annual", from = "2026-11-10", to = "2026-11-09", reason = "休假" });
        Assert.Contains("结束日期不能早于开始日期", await bad.ProblemAsync(HttpStatusCode.BadRequest));
        var overlap = await unit.Clerk.PostAsJsonAsync("/api/v1/attendance/leaves",
            new { cadreId = unit.Cadres["黄磊"], kind = "annual", from = "2026-11-04", to = "2026-11-06", reason = "休假" });
        Assert.Contains("已有待审批或已批准的请假", await overlap.ProblemAsync(HttpStatusCode.Conflict));
        var byLeader = await supervisor.PostAsJsonAsync("/api/v1/attendance/leaves",
            new { cadreId = unit.Cadres["黄磊"], kind = "annual", from = "2026-11-20", to = "2026-11-20", reason = "休假" });
        Assert.Equal(HttpStatusCode.Forbidden, byLeader.StatusCode);
    }

    [Fact]
    public async Task Another_units_clerk_sees_nothing_of_a_units_attendance()
    {
        var (admin, _) = await StaffAsync();
        var unit = await ImportedZktecoUnitAsync(admin);
        var other = await UnitAsync(admin, ("外单位", "9001"));
        var leave = await unit.Clerk.PostOkAsync("/api/v1/attendance/leaves",
            new { cadreId = unit.Cadres["张伟"], kind = "personal", from = "2026-11-05", to = "2026-11-05", reason = "办理私事" }, HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.Forbidden, (await other.Clerk.GetAsync($"/api/v1/attendance/months/2026-10/units/{unit.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Clerk.GetAsync($"/api/v1/attendance/months/2026-10/cadres/{unit.Cadres["李娜"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Clerk.GetAsync($"/api/v1/attendance/leaves/{leave.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Clerk.PostAsJsonAsync($"/api/v1/attendance/leaves/{leave.Id()}/approve", new { })).StatusCode);
        var month = await other.Clerk.GetOkAsync("/api/v1/attendance/months/2026-10");
        Assert.DoesNotContain(month.GetProperty("units").EnumerateArray(), u => u.GetProperty("unitId").GetString() == unit.Id);
        Assert.Equal(0, (await other.Clerk.GetOkAsync("/api/v1/attendance/leaves")).GetProperty("total").GetInt32());
        var import = await other.Clerk.UploadAsync($"/api/v1/attendance/imports?terminal=zkteco&unitId={unit.Id}", ZktecoMonth(), "考勤记录.csv");
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Clerk.GetAsync($"/attendance/units/{unit.Id}?month=2026-10")).StatusCode);
        var hotline = await admin.UserAsync(app, await admin.RootUnitIdAsync(), Roles.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, (await hotline.GetAsync("/api/v1/attendance/months/2026-10")).StatusCode);
    }

    [Fact]
    public async Task A_file_that_is_not_the_chosen_terminals_export_is_refused_in_chinese_and_nothing_is_stored()
    {
        var (admin, _) = await StaffAsync();
        var unit = await UnitAsync(admin, ("许晴", "4001"));
        var wrongHeader = await unit.Clerk.UploadAsync("/api/v1/attendance/imports?terminal=dingtalk", ZktecoMonth(), "考勤记录.csv");
        Assert.Contains("缺少", await wrongHeader.ProblemAsync(HttpStatusCode.BadRequest));
        var empty = await unit.Clerk.UploadAsync("/api/v1/attendance/imports?terminal=zkteco", [], "空.csv");
        Assert.Contains("文件为空", await empty.ProblemAsync(HttpStatusCode.BadRequest));
        var unknown = await unit.Clerk.UploadAsync("/api/v1/attendance/imports?terminal=hikvision", ZktecoMonth(), "考勤记录.csv");
        Assert.Contains("请选择考勤机型号", await unknown.ProblemAsync(HttpStatusCode.BadRequest));
        var nobody = await unit.Clerk.UploadAsync("/api/v1/attendance/imports?terminal=zkteco", ZktecoMonth(), "考勤记录.csv");
        Assert.Contains("没有可导入的打卡记录", await nobody.ProblemAsync(HttpStatusCode.BadRequest));
        var badTime = Encoding.UTF8.GetBytes("工号,姓名,部门,日期时间\r\n4001,许晴,办公室,2026年10月12日 早上\r\n");
        Assert.Contains("无法识别", await (await unit.Clerk.UploadAsync("/api/v1/attendance/imports?terminal=zkteco", badTime, "考勤.csv")).ProblemAsync(HttpStatusCode.BadRequest));
        var month = await unit.Clerk.GetOkAsync("/api/v1/attendance/months/2026-10");
        Assert.Empty(month.GetProperty("units").EnumerateArray());
    }

    [Fact]
    public async Task A_spot_check_absence_without_leave_is_a_day_of_absence_and_with_leave_is_excused()
    {
        var (admin, supervisor) = await StaffAsync();
        var unit = await UnitAsync(admin, ("周一", "5001"), ("吴二", "5002"), ("郑三", "5003"));
        await ApprovedLeaveAsync(admin, unit, "郑三", "sick", "2026-10-30", "2026-10-30");
        var check = await supervisor.PostOkAsync("/api/v1/attendance/spot-checks", new
        {
            unitId = unit.Id, at = "2026-10-30T10:00:00+08:00", note = "上午十点突击查岗",
            cadres = new object[]
            {
                new { cadreId = unit.Cadres["周一"], present = true },
                new { cadreId = unit.Cadres["吴二"], present = false, reason = "称外出办事，未请假" },
                new { cadreId = unit.Cadres["郑三"], present = false, reason = "病假" },
            },
        }, HttpStatusCode.Created);
        Assert.Equal(2, check.GetProperty("absent").GetInt32());
        var excused = check.GetProperty("cadres").EnumerateArray().ToDictionary(c => c.GetProperty("cadreName").GetString()!, c => c.GetProperty("excused").GetBoolean());
        Assert.False(excused["吴二"]);
        Assert.True(excused["郑三"]);

        AssertFigures(await UnitFiguresAsync(unit.Clerk, unit.Id), judged: 1, late: 0, early: 0, absent: 1, leave: 1, spot: 1);
        Assert.Equal(HttpStatusCode.OK, (await unit.Clerk.GetAsync($"/api/v1/attendance/spot-checks/{check.Id()}")).StatusCode);
        var silent = await supervisor.PostAsJsonAsync("/api/v1/attendance/spot-checks",
            new { unitId = unit.Id, cadres = new[] { new { cadreId = unit.Cadres["吴二"], present = false } } });
        Assert.Contains("不在岗的原因", await silent.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.Clerk.PostAsJsonAsync("/api/v1/attendance/spot-checks",
            new { unitId = unit.Id, cadres = new[] { new { cadreId = unit.Cadres["周一"], present = true } } })).StatusCode);
    }

    [Fact]
    public async Task Every_day_of_absence_costs_the_unit_points_in_the_year_end_score()
    {
        var (admin, supervisor) = await StaffAsync();
        var unit = await ImportedZktecoUnitAsync(admin);
        var score = await supervisor.GetOkAsync($"/api/v1/scores/units/{unit.Id}?year=2026");
        var items = score.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("sourceType").GetString() == "attendance").ToList();
        Assert.Equal(5, items.Count); // 李娜 three days, 王强 two (no leave was filed for him here)
        Assert.All(items, i => Assert.Equal(-0.2m, i.GetProperty("points").GetDecimal()));
        Assert.Contains(items, i => i.GetProperty("reason").GetString()!.Contains("李娜2026-10-15旷工", StringComparison.Ordinal));
        Assert.Equal(100m - 1m, score.GetProperty("score").GetDecimal());
    }
}
