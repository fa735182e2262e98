using System.Net;
using System.Net.Http.Json;

namespace Zhengfeng.Tests.Assessments;

public sealed class AssessmentTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(HttpClient Admin, string Unit, List<string> Cadres)> StaffAsync(int count)
    {
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(app);
        var cadres = new List<string>();
        for (var i = 0; i < count; i++)
        {
            cadres.Add((await admin.PostOkAsync("/api/v1/cadres", new { name = $"干部{i + 1}号", unitId = unit }, HttpStatusCode.Created)).Id());
        }
        return (admin, unit, cadres);
    }

    [Fact]
    public async Task A_batch_with_more_excellent_than_the_quota_is_refused()
    {
        var (admin, unit, cadres) = await StaffAsync(9);
        // 9 assessed × 20% = 1.8 → 1 优秀 allowed
        var entries = cadres.Select((c, i) => new { cadreId = c, grade = i < 2 ? "excellent" : "competent", accountability = (string?)null }).ToList();
        var refused = await admin.PostAsJsonAsync("/api/v1/assessments", new { unitId = unit, year = 2026, entries });
        Assert.Contains("优秀等次超出比例", await refused.ProblemAsync(HttpStatusCode.UnprocessableEntity));
        await admin.PostOkAsync("/api/v1/assessments", new { unitId = unit, year = 2026, entries = entries.Skip(1) });
    }

    [Fact]
    public async Task Accountability_caps_the_grade_of_that_year()
    {
        var (admin, unit, cadres) = await StaffAsync(1);
        var refused = await admin.PostAsJsonAsync("/api/v1/assessments",
            new { unitId = unit, year = 2026, entries = new[] { new { cadreId = cadres[0], grade = "competent", accountability = "criticism" } } });
        Assert.Contains("通报批评", await refused.ProblemAsync(HttpStatusCode.UnprocessableEntity));
    }

    [Fact]
    public async Task Three_years_without_excellent_and_two_incompetent_years_are_flagged()
    {
        var (admin, unit, cadres) = await StaffAsync(2);
        foreach (var (year, first, second) in new[] { (2024, "competent", "competent"), (2025, "basic", "incompetent"), (2026, "competent", "incompetent") })
        {
            await admin.PostOkAsync("/api/v1/assessments", new { unitId = unit, year, entries = new[] { new { cadreId = cadres[0], grade = first }, new { cadreId = cadres[1], grade = second } } });
        }
        var one = await admin.GetOkAsync($"/api/v1/cadres/{cadres[0]}/assessments");
        Assert.Equal(3, one.GetProperty("assessments").GetArrayLength());
        Assert.Equal("不作为优先提拔人选", Assert.Single(one.GetProperty("flags").EnumerateArray()).GetString());
        var two = await admin.GetOkAsync($"/api/v1/cadres/{cadres[1]}/assessments");
        Assert.Contains("依法辞退", two.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
    }
}
