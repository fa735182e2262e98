using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Dashboard;

public sealed class DashboardTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Every_dashboard_figure_equals_the_number_of_records_its_drill_down_lists()
    {
        var s = await CaseScenario.CreateAsync(app);
        var root = await s.Admin.RootUnitIdAsync();
        var (_, happy) = await s.RepliedCaseAsync();
        var (_, unhappy) = await s.RepliedCaseAsync();
        await s.DispatchedCaseAsync(); // Monday 2026-11-02: due end of Monday 11-09, left open
        await app.Anonymous().PostOkAsync($"/public/v1/cases/{happy}/rating", new { level = 5 });
        await app.Anonymous().PostOkAsync($"/public/v1/cases/{unhappy}/rating", new { level = 1, comment = "没解决" });

        var supervisor = await s.Admin.UserAsync(app, s.OtherUnit, "supervisor");
        var inspector = await s.Admin.UserAsync(app, s.OtherUnit, "inspector");
        var clue = await supervisor.PostOkAsync("/api/v1/clues", new { source = "mystery", unitId = s.LeadUnit, problemType = "shirking", content = "窗口人员推诿群众办事" }, HttpStatusCode.Created);
        await inspector.PostOkAsync($"/api/v1/clues/{clue.Id()}/verification", new { result = "true", note = "调取监控核实" });
        await supervisor.PostOkAsync("/api/v1/rectifications", new { clueId = clue.Id(), unitId = s.LeadUnit, measures = "实行首问负责制", type = "deadline", dueDate = "2026-11-05" }, HttpStatusCode.Created);

        var username = app.Unique("leader");
        await s.Admin.PostOkAsync("/api/v1/users", new { username, password = AppFactory.Password, displayName = "县领导", unitId = root, roles = new[] { "leader" } }, HttpStatusCode.Created);
        app.Clock.Advance(TimeSpan.FromDays(8)); // Tuesday 11-10: the open case and the rectification are past due
        var leader = await app.LoginAsync(username, AppFactory.Password);
        var view = await leader.GetOkAsync("/api/v1/dashboard?from=2026-09&to=2026-11");

        var november = view.GetProperty("trend").EnumerateArray().Single(m => m.GetProperty("month").GetString() == "2026-11");
        Assert.True(november.GetProperty("registered").GetProperty("value").GetInt32() >= 3);
        Assert.True(november.GetProperty("overdue").GetProperty("value").GetInt32() >= 1);
        Assert.True(november.GetProperty("satisfied").GetProperty("value").GetInt32() >= 1);
        Assert.Contains(view.GetProperty("units").EnumerateArray(), u => u.GetProperty("unitId").GetString() == s.LeadUnit);
        Assert.Contains(view.GetProperty("problemKinds").EnumerateArray(), p => p.GetProperty("unitId").GetString() == s.LeadUnit);
        Assert.True(view.GetProperty("rectification").GetProperty("overdue").GetProperty("value").GetInt32() >= 1);

        var figures = Figures(view).ToList();
        Assert.True(figures.Count >= 20, $"only {figures.Count} figures");
        foreach (var figure in figures)
        {
            var records = await leader.GetOkAsync(figure.GetProperty("records").GetString()!);
            Assert.True(figure.GetProperty("value").GetInt32() == records.GetArrayLength(),
                $"{figure.GetProperty("records").GetString()}: figure {figure.GetProperty("value").GetInt32()}, records {records.GetArrayLength()}");
        }

        var export = await leader.GetAsync("/api/v1/dashboard/export.xlsx?from=2026-09&to=2026-11");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unit_staff_get_403_on_the_dashboard_its_drill_down_and_export()
    {
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(app);
        var staff = await admin.UserAsync(app, unit, "unit");
        foreach (var url in new[] { "/api/v1/dashboard", "/api/v1/dashboard/drill?metric=registered&month=2026-11", "/api/v1/dashboard/export.xlsx" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task A_reversed_range_is_refused_with_a_reason()
    {
        var admin = await app.AdminAsync();
        var detail = await (await admin.GetAsync("/api/v1/dashboard?from=2026-11&to=2026-09")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("from", detail);
    }

    /// <summary>Every object carrying a value and the API listing its records.</summary>
    private static IEnumerable<JsonElement> Figures(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            if (e.TryGetProperty("records", out _) && e.TryGetProperty("value", out _))
            {
                yield return e;
                yield break;
            }
            foreach (var p in e.EnumerateObject())
            {
                foreach (var f in Figures(p.Value))
                {
                    yield return f;
                }
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                foreach (var f in Figures(item))
                {
                    yield return f;
                }
            }
        }
    }
}
