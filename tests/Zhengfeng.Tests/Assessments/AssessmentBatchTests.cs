using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Zhengfeng.Tests.Assessments;

/// <summary>年度考核 as a batch per unit and year: caps that come from decided accountability and 政务处分 on record.</summary>
public sealed class AssessmentBatchTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(HttpClient Admin, string Unit, List<string> Cadres)> StaffAsync(params string[] names)
    {
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(app);
        var cadres = new List<string>();
        foreach (var name in names)
        {
            // 副科级: 诫勉 and 通报 are forms for leading cadres only (问责条例 Art. 8)
            cadres.Add((await admin.PostOkAsync("/api/v1/cadres", new { name, unitId = unit, post = "副科长", rank = "deputysection" }, HttpStatusCode.Created)).Id());
        }
        return (admin, unit, cadres);
    }

    /// <summary>Opens, investigates and decides a case against the cadre, today (2026 in the test clock).</summary>
    private static async Task DecideAsync(HttpClient admin, string cadreId, string[] forms, string? sanction = null)
    {
        var opened = await admin.PostOkAsync("/api/v1/accountability", new { cadreId, facts = "窗口推诿群众，造成不良影响" }, HttpStatusCode.Created);
        await admin.PostOkAsync($"/api/v1/accountability/{opened.Id()}/investigation", new { });
        await admin.PostOkAsync($"/api/v1/accountability/{opened.Id()}/decision", new { decision = "依规问责", forms, sanction, category = 1 });
    }

    private static JsonElement Row(JsonElement batch, string cadreId) => batch.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("cadreId").GetString() == cadreId);

    [Fact]
    public async Task The_batch_shows_caps_from_the_record_and_refuses_grades_above_them()
    {
        var (admin, unit, cadres) = await StaffAsync("孙诫勉", "周记过", "吴无事", "干部甲", "干部乙", "干部丙");
        var others = cadres.Skip(3).Select(c => new { cadreId = c, grade = "competent" });
        await DecideAsync(admin, cadres[0], ["admonition"]);
        await DecideAsync(admin, cadres[1], ["circular"], "demerit");

        var batch = await admin.GetOkAsync($"/api/v1/assessments?unitId={unit}&year=2026");
        Assert.Equal(6, batch.GetProperty("rows").GetArrayLength());
        var admonished = Row(batch, cadres[0]).GetProperty("cap");
        Assert.Equal("称职", admonished.GetProperty("bestGradeLabel").GetString());
        Assert.Contains("受到诫勉", admonished.GetProperty("reason").GetString());
        var sanctioned = Row(batch, cadres[1]).GetProperty("cap");
        Assert.True(sanctioned.GetProperty("ungraded").GetBoolean());
        Assert.Contains("记过处分", sanctioned.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, Row(batch, cadres[2]).GetProperty("cap").ValueKind);
        Assert.Equal(0, Row(batch, cadres[0]).GetProperty("earlier").GetArrayLength());

        var excellent = await admin.PostAsJsonAsync("/api/v1/assessments", new { unitId = unit, year = 2026, entries = new[] { new { cadreId = cadres[0], grade = "excellent" } } });
        var detail = await excellent.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("孙诫勉", detail);
        Assert.Contains("不能高于“称职”", detail);
        var graded = await admin.PostAsJsonAsync("/api/v1/assessments", new { unitId = unit, year = 2026, entries = new[] { new { cadreId = cadres[1], grade = "basic" } } });
        Assert.Contains("不确定等次", await graded.ProblemAsync(HttpStatusCode.UnprocessableEntity));
        // A year before the decisions is not capped.
        await admin.PostOkAsync("/api/v1/assessments", new
        {
            unitId = unit, year = 2025,
            entries = others.Append(new { cadreId = cadres[0], grade = "excellent" }).Append(new { cadreId = cadres[2], grade = "competent" })
        });

        await admin.PostOkAsync("/api/v1/assessments", new
        {
            unitId = unit, year = 2026,
            entries = others.Append(new { cadreId = cadres[0], grade = "competent" }).Append(new { cadreId = cadres[2], grade = "excellent" })
        });
        var record = await admin.GetOkAsync($"/api/v1/cadres/{cadres[0]}/assessments");
        var y2026 = record.GetProperty("assessments").EnumerateArray().Single(a => a.GetProperty("year").GetInt32() == 2026);
        Assert.Equal("admonition", y2026.GetProperty("accountability").GetString());
        var after = await admin.GetOkAsync($"/api/v1/assessments?unitId={unit}&year=2026");
        Assert.Equal("称职", Row(after, cadres[0]).GetProperty("gradeLabel").GetString());
        Assert.Equal("优秀", Row(after, cadres[0]).GetProperty("earlier")[0].GetProperty("gradeLabel").GetString());
    }

    [Fact]
    public async Task A_warning_that_has_expired_no_longer_caps_but_one_given_in_the_year_does()
    {
        var (admin, unit, cadres) = await StaffAsync("郑警告");
        await DecideAsync(admin, cadres[0], [], "warning");
        var cap = Row(await admin.GetOkAsync($"/api/v1/assessments?unitId={unit}&year=2026"), cadres[0]).GetProperty("cap");
        Assert.Equal("competent", cap.GetProperty("bestGrade").GetString());
        Assert.Equal(JsonValueKind.Null, Row(await admin.GetOkAsync($"/api/v1/assessments?unitId={unit}&year=2027"), cadres[0]).GetProperty("cap").ValueKind);
    }

    [Fact]
    public async Task Three_excellent_years_running_earn_a_merit_flag()
    {
        var (admin, unit, cadres) = await StaffAsync("王优秀", "干部二", "干部三", "干部四", "干部五");
        foreach (var year in new[] { 2024, 2025, 2026 })
        {
            await admin.PostOkAsync("/api/v1/assessments", new { unitId = unit, year, entries = cadres.Select((c, i) => new { cadreId = c, grade = i == 0 ? "excellent" : "competent" }) });
        }
        var batch = await admin.GetOkAsync($"/api/v1/assessments?unitId={unit}&year=2026");
        Assert.Contains("连续三年优秀，记三等功", Row(batch, cadres[0]).GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("不作为优先提拔人选", Row(batch, cadres[1]).GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(1, batch.GetProperty("quota").GetInt32());
    }

    [Fact]
    public async Task Only_leaders_and_admins_read_a_batch()
    {
        var (admin, unit, _) = await StaffAsync("某干部");
        var staff = await admin.UserAsync(app, unit, "unit");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/v1/assessments?unitId={unit}&year=2026")).StatusCode);
        var leader = await admin.UserAsync(app, await admin.RootUnitIdAsync(), "leader");
        await leader.GetOkAsync($"/api/v1/assessments?unitId={unit}&year=2026");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync("/api/v1/assessments", new { unitId = unit, year = 2026, entries = Array.Empty<object>() })).StatusCode);
        await (await admin.GetAsync("/api/v1/assessments?unitId=nope&year=2026")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
