using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Zhengfeng.Web;
using static Zhengfeng.Tests.Attendance.AttendanceFiles;

namespace Zhengfeng.Tests.Attendance;

/// <summary>考勤机型号: the county defines a terminal by its export's headers, and its files import like a built-in model's.</summary>
public sealed class TerminalModelTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Terminals = "/api/v1/attendance/terminals";

    private async Task<(HttpClient Admin, HttpClient Supervisor)> StaffAsync()
    {
        var admin = await app.AdminAsync();
        return (admin, await admin.UserAsync(app, await admin.RootUnitIdAsync(), Roles.Supervisor));
    }

    private object Hanvon(string code, string name) => new
    {
        code, name, kind = "punch",
        noColumns = new[] { "员工编号", "人员编号" }, nameColumns = new[] { "员工姓名" }, departmentColumns = new[] { "所属部门" },
        dateTimeColumns = new[] { "刷脸时间" },
    };

    private async Task<List<JsonElement>> ListAsync(HttpClient client) => [.. (await client.GetOkAsync(Terminals)).EnumerateArray()];

    [Fact]
    public async Task A_custom_punch_model_defined_by_its_headers_imports_a_month_and_gives_the_units_figures()
    {
        var (admin, supervisor) = await StaffAsync();
        var code = app.Unique("hanvon-");
        var created = await supervisor.PostOkAsync(Terminals, Hanvon(code, "汉王人脸考勤机" + code), HttpStatusCode.Created);
        Assert.False(created.GetProperty("builtIn").GetBoolean());
        Assert.Equal("每次打卡一行", created.GetProperty("kindLabel").GetString());

        var unitId = await admin.CreateUnitAsync(app);
        foreach (var (name, no) in new[] { ("赵敏", "2001"), ("钱进", "2002") })
        {
            await admin.PostOkAsync("/api/v1/cadres", new { name, unitId, post = "科员", terminalNo = no }, HttpStatusCode.Created);
        }
        var clerk = await admin.UserAsync(app, unitId, Roles.Unit);
        var listed = await ListAsync(clerk);
        Assert.Contains(listed, t => t.GetProperty("code").GetString() == "zkteco" && t.GetProperty("builtIn").GetBoolean());
        Assert.Contains(listed, t => t.GetProperty("code").GetString() == code);

        // 赵敏 late on the 14th; 钱进 away on the 15th and leaving early on the 21st.
        var csv = new StringBuilder("员工编号,员工姓名,所属部门,刷脸时间\r\n");
        foreach (var d in TwoWeeks)
        {
            csv.Append(CultureInfo.InvariantCulture, $"2001,赵敏,综合股,{d:yyyy-MM-dd} {(d.Day == 14 ? "09:20:00" : "08:50:00")}\r\n2001,赵敏,综合股,{d:yyyy-MM-dd} 17:40:00\r\n");
            if (d.Day != 15)
            {
                csv.Append(CultureInfo.InvariantCulture, $"2002,钱进,综合股,{d:yyyy-MM-dd} 08:40:00\r\n2002,钱进,综合股,{d:yyyy-MM-dd} {(d.Day == 21 ? "16:30:00" : "17:45:00")}\r\n");
            }
        }
        var file = Encoding.UTF8.GetBytes(csv.ToString());
        var preview = await (await clerk.UploadAsync($"/api/v1/attendance/imports/preview?terminal={code}", file, "刷脸记录.csv")).ReadJsonAsync();
        Assert.Equal(38, preview.GetProperty("new").GetInt32());
        Assert.Empty(preview.GetProperty("errors").EnumerateArray());
        var imported = await (await clerk.UploadAsync($"/api/v1/attendance/imports?terminal={code.ToUpperInvariant()}", file, "刷脸记录.csv")).ReadJsonAsync();
        Assert.Equal(code, imported.GetProperty("terminal").GetString());
        Assert.True(imported.GetProperty("committed").GetBoolean());

        var unit = (await clerk.GetOkAsync("/api/v1/attendance/months/2026-10")).GetProperty("units").EnumerateArray()
            .Single(u => u.GetProperty("unitId").GetString() == unitId);
        Assert.Equal(20, unit.GetProperty("judged").GetInt32());
        Assert.Equal(1, unit.GetProperty("late").GetInt32());
        Assert.Equal(1, unit.GetProperty("early").GetInt32());
        Assert.Equal(1, unit.GetProperty("absent").GetInt32());

        // A model earlier imports used may still change or go: the punches keep what was read.
        var id = created.Id();
        var renamed = await supervisor.PutAsJsonAsync($"{Terminals}/{id}", Hanvon(code, "汉王人脸考勤机（新版）" + code));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.DeleteAsync($"{Terminals}/{id}")).StatusCode);
        Assert.DoesNotContain(await ListAsync(clerk), t => t.GetProperty("code").GetString() == code);
        var after = (await clerk.GetOkAsync("/api/v1/attendance/months/2026-10")).GetProperty("units").EnumerateArray()
            .Single(u => u.GetProperty("unitId").GetString() == unitId);
        Assert.Equal(1, after.GetProperty("late").GetInt32());
        var gone = await clerk.UploadAsync($"/api/v1/attendance/imports/preview?terminal={code}", file, "刷脸记录.csv");
        Assert.Contains("请选择考勤机型号", await gone.ProblemAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_custom_daily_model_reads_its_own_date_and_first_and_last_punch_columns()
    {
        var (admin, supervisor) = await StaffAsync();
        var code = app.Unique("daily-");
        await supervisor.PostOkAsync(Terminals, new
        {
            code, name = "移动考勤日报" + code, kind = "daily", nameColumns = new[] { "人员" }, dateColumns = new[] { "考勤日" },
            inColumns = new[] { "签到" }, outColumns = new[] { "签退" },
        }, HttpStatusCode.Created);
        var unitId = await admin.CreateUnitAsync(app);
        await admin.PostOkAsync("/api/v1/cadres", new { name = "孙丽", unitId, post = "科员" }, HttpStatusCode.Created);
        var csv = "人员,考勤日,签到,签退\r\n孙丽,2026-10-12,08:50,17:40\r\n孙丽,2026-10-13,09:30,17:40\r\n孙丽,2026-10-14,未打卡,未打卡\r\n孙丽,2026-10-15,08:45,17:50\r\n";
        var clerk = await admin.UserAsync(app, unitId, Roles.Unit);
        var imported = await (await clerk.UploadAsync($"/api/v1/attendance/imports?terminal={code}", Encoding.UTF8.GetBytes(csv), "日报.csv")).ReadJsonAsync();
        Assert.Equal(6, imported.GetProperty("new").GetInt32());
        var unit = (await clerk.GetOkAsync("/api/v1/attendance/months/2026-10")).GetProperty("units").EnumerateArray()
            .Single(u => u.GetProperty("unitId").GetString() == unitId);
        Assert.Equal(4, unit.GetProperty("judged").GetInt32());
        Assert.Equal(1, unit.GetProperty("late").GetInt32());
        Assert.Equal(1, unit.GetProperty("absent").GetInt32());
    }

    [Fact]
    public async Task Bad_definitions_are_refused_in_chinese_and_change_nothing()
    {
        var (_, supervisor) = await StaffAsync();
        var code = app.Unique("kept-");
        var kept = await supervisor.PostOkAsync(Terminals, Hanvon(code, "保留型号" + code), HttpStatusCode.Created);
        var name = "不应保存" + code;

        async Task<string> Refused(object body, HttpStatusCode status = HttpStatusCode.BadRequest)
            => await (await supervisor.PostAsJsonAsync(Terminals, body)).ProblemAsync(status);

        Assert.Contains("型号代码", await Refused(Hanvon("Hanvon F7", name)));
        Assert.Contains("型号名称", await Refused(Hanvon(code + "-b", "")));
        Assert.Contains("内置型号", await Refused(Hanvon("zkteco", name), HttpStatusCode.Conflict));
        Assert.Contains("已被使用", await Refused(Hanvon(code, name), HttpStatusCode.Conflict));
        Assert.Contains("工号列或姓名列", await Refused(new { code = code + "-c", name, kind = "punch", dateTimeColumns = new[] { "时间" } }));
        Assert.Contains("“日期时间”", await Refused(new { code = code + "-d", name, kind = "punch", nameColumns = new[] { "姓名" } }));
        Assert.Contains("“上班打卡时间”", await Refused(new
        {
            code = code + "-e", name, kind = "daily", nameColumns = new[] { "姓名" }, dateColumns = new[] { "日期" }, outColumns = new[] { "签退" },
        }));
        Assert.Contains("同时填在了", await Refused(new
        {
            code = code + "-f", name, kind = "punch", noColumns = new[] { "编号" }, nameColumns = new[] { "编号" }, dateTimeColumns = new[] { "时间" },
        }));
        var weekly = await Refused(new { code = code + "-g", name, kind = "weekly", nameColumns = new[] { "姓名" } });
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", weekly);

        var put = await supervisor.PutAsJsonAsync($"{Terminals}/{kept.Id()}", Hanvon(code, "x"));
        Assert.Contains("型号名称应为2至50字", await put.ProblemAsync(HttpStatusCode.BadRequest));

        var all = await ListAsync(supervisor);
        Assert.DoesNotContain(all, t => t.GetProperty("name").GetString() == name);
        var still = Assert.Single(all, t => t.GetProperty("code").GetString() == code);
        Assert.Equal("保留型号" + code, still.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_unit_clerk_may_list_and_use_models_but_gets_403_on_defining_them()
    {
        var (admin, supervisor) = await StaffAsync();
        var code = app.Unique("unit-");
        var kept = await supervisor.PostOkAsync(Terminals, Hanvon(code, "单位不可改" + code), HttpStatusCode.Created);
        var unitId = await admin.CreateUnitAsync(app);
        var clerk = await admin.UserAsync(app, unitId, Roles.Unit);
        var leader = await admin.UserAsync(app, await admin.RootUnitIdAsync(), Roles.Leader);

        Assert.Contains(await ListAsync(clerk), t => t.GetProperty("code").GetString() == code);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync(Terminals, Hanvon(code + "-x", "单位自建" + code))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PutAsJsonAsync($"{Terminals}/{kept.Id()}", Hanvon(code, "单位改名" + code))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.DeleteAsync($"{Terminals}/{kept.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync(Terminals, Hanvon(code + "-y", "领导自建" + code))).StatusCode);
        Assert.Equal("单位不可改" + code, Assert.Single(await ListAsync(supervisor), t => t.GetProperty("code").GetString() == code).GetProperty("name").GetString());
    }
}
