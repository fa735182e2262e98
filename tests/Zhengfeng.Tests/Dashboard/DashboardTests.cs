using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Dashboard;

public sealed class DashboardTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Unit_staff_get_403_on_the_dashboard_its_drill_down_and_export()
    {
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(app);
        var staff = await admin.UserAsync(app, unit, "unit");
        foreach (var url in new[] { "/api/v1/dashboard", "/api/v1/dashboard/drill?metric=registered&month=2026-11",
            "/api/v1/dashboard/drill?metric=acc-opened&month=2026-11", "/api/v1/dashboard/export.xlsx" })
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
}

/// <summary>Every figure of the county dashboard, on an app of its own: it counts every record and moves the clock.</summary>
public sealed class DashboardFigureTests
{
    [Fact]
    public async Task Every_dashboard_figure_equals_the_number_of_records_its_drill_down_lists()
    {
        await using var app = await AppFactory.StartAsync(); // the dashboard counts the whole county, and the clock moves
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
        await supervisor.PostOkAsync("/api/v1/rectifications",
            new { clueId = clue.Id(), unitId = s.LeadUnit, measures = "实行首问负责制", type = "deadline", dueDate = "2026-11-05" }, HttpStatusCode.Created);

        var username = app.Unique("leader");
        await s.Admin.PostOkAsync("/api/v1/users", new { username, password = AppFactory.Password, displayName = "县领导", unitId = root, roles = new[] { "leader" } }, HttpStatusCode.Created);
        var leader = await app.LoginAsync(username, AppFactory.Password);
        await AccountabilityRecordsAsync(s, inspector, supervisor, leader);
        app.Clock.Advance(TimeSpan.FromDays(8)); // Tuesday 11-10: the open case and the rectification are past due
        leader = await app.LoginAsync(username, AppFactory.Password);
        var view = await leader.GetOkAsync("/api/v1/dashboard?from=2026-09&to=2026-11");

        var november = view.GetProperty("trend").EnumerateArray().Single(m => m.GetProperty("month").GetString() == "2026-11");
        Assert.Equal(3, november.GetProperty("registered").GetProperty("value").GetInt32());
        Assert.Equal(2, november.GetProperty("overdue").GetProperty("value").GetInt32()); // the case left open, and the one-star case whose rework was due 11-09
        Assert.Equal(1, november.GetProperty("satisfied").GetProperty("value").GetInt32()); // five stars; one star is not
        Assert.Contains(view.GetProperty("units").EnumerateArray(), u => u.GetProperty("unitId").GetString() == s.LeadUnit);
        Assert.Contains(view.GetProperty("problemKinds").EnumerateArray(), p => p.GetProperty("unitId").GetString() == s.LeadUnit);
        Assert.Equal(1, view.GetProperty("rectification").GetProperty("overdue").GetProperty("value").GetInt32());
        var accountability = view.GetProperty("accountability");
        var accNovember = accountability.GetProperty("trend").EnumerateArray().Single(m => m.GetProperty("month").GetString() == "2026-11");
        Assert.Equal(4, accNovember.GetProperty("opened").GetProperty("value").GetInt32()); // cadre, unit, dismissed, exempted
        Assert.Equal(2, accNovember.GetProperty("decided").GetProperty("value").GetInt32()); // cadre and unit
        foreach (var (section, key) in new[] { ("byForm", "inspection"), ("byForm", "circular"), ("byForm", "admonition"), ("byForm", "sanction"),
            ("byCategory", "1"), ("byCategory", "2"), ("exemptions", "approved"), ("exemptions", "refused"), ("typicalCases", "negative") })
        {
            var figure = accountability.GetProperty(section).EnumerateArray().Single(f => f.GetProperty("key").GetString() == key).GetProperty("items");
            Assert.True(figure.GetProperty("value").GetInt32() == 1, $"{section}/{key} is {figure.GetProperty("value").GetInt32()}, not 1");
        }

        var figures = Figures(view).ToList();
        Assert.True(figures.Count >= 40, $"only {figures.Count} figures");
        foreach (var figure in figures)
        {
            var records = await leader.GetOkAsync(figure.GetProperty("records").GetString()!);
            Assert.True(figure.GetProperty("value").GetInt32() == records.GetArrayLength(),
                $"{figure.GetProperty("records").GetString()}: figure {figure.GetProperty("value").GetInt32()}, records {records.GetArrayLength()}");

            // The number a leader clicks opens a page listing the same records, never the API's JSON.
            var url = figure.GetProperty("url").GetString()!;
            Assert.False(url.StartsWith("/api/", StringComparison.Ordinal), $"{url} opens the API, not a page");
            var page = await leader.GetAsync(url);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{url}: {(int)page.StatusCode}");
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            if (url.StartsWith("/dashboard/records", StringComparison.Ordinal))
            {
                Assert.Contains($"（{records.GetArrayLength()} 件）", System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
            }
        }

        var export = await leader.GetAsync("/api/v1/dashboard/export.xlsx?from=2026-09&to=2026-11");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var sheet = await ReadSheetTextAsync(export);
        foreach (var label in new[] { "问责立项", "作出问责决定", "诫勉", "政务处分", "第二种形态", "予以容错免责", "不予容错免责", "发布反面典型（曝光）" })
        {
            Assert.Contains(label, sheet);
        }
    }

    /// <summary>
    /// Through the workflows: a cadre case decided with 通报、诫勉 and a 警告 (第二种形态), a unit case decided with 检查
    /// (第一种形态), a dismissed case, an approved exemption that closes its case, a refused one, and a published negative example.
    /// </summary>
    private static async Task AccountabilityRecordsAsync(CaseScenario s, HttpClient inspector, HttpClient supervisor, HttpClient leader)
    {
        async Task<string> CadreAsync(string name)
            => (await s.Admin.PostOkAsync("/api/v1/cadres", new { name, unitId = s.LeadUnit, post = "科长", rank = "section" }, HttpStatusCode.Created)).Id();
        async Task<string> OpenAsync(object body)
        {
            var id = (await inspector.PostOkAsync("/api/v1/accountability", body, HttpStatusCode.Created)).Id();
            await inspector.PostOkAsync($"/api/v1/accountability/{id}/investigation", new { });
            return id;
        }

        var cadreCase = await OpenAsync(new { cadreId = await CadreAsync("吴有为"), facts = "对群众诉求推诿扯皮" });
        await inspector.PostOkAsync($"/api/v1/accountability/{cadreCase}/decision",
            new { decision = "通报并诫勉，给予警告处分", forms = new[] { "circular", "admonition" }, sanction = "warning", category = 2 });
        var unitCase = await OpenAsync(new { unitId = s.LeadUnit, facts = "作风建设松懈，拖沓敷衍" });
        await inspector.PostOkAsync($"/api/v1/accountability/{unitCase}/decision", new { decision = "责令作出书面检查", forms = new[] { "inspection" }, category = 1 });
        var dismissed = await OpenAsync(new { cadreId = await CadreAsync("郑直"), facts = "反映不实" });
        await inspector.PostOkAsync($"/api/v1/accountability/{dismissed}/dismissal", new { reason = "经调查反映不实" });

        var tolerated = await CadreAsync("冯改革");
        var exempted = await OpenAsync(new { cadreId = tolerated, facts = "改革试点中出现失误" });
        object Criteria(string cadreId, string? caseId) => new
        {
            cadreId, accountabilityCaseId = caseId, facts = "为推进审批改革先行先试", publicPurpose = true, noPersonalGain = true,
            noBreachOfLaw = true, noMajorLoss = true, timelyRemedy = true, procedureFollowed = true,
        };
        var approved = await inspector.PostOkAsync("/api/v1/exemptions", Criteria(tolerated, exempted), HttpStatusCode.Created);
        await inspector.PostOkAsync($"/api/v1/exemptions/{approved.Id()}/decision", new { approve = true, reason = "符合容错免责全部条件" });
        var refused = await inspector.PostOkAsync("/api/v1/exemptions", Criteria(await CadreAsync("陈守旧"), null), HttpStatusCode.Created);
        await inspector.PostOkAsync($"/api/v1/exemptions/{refused.Id()}/decision", new { approve = false, failedCriteria = new[] { "noMajorLoss" }, reason = "造成较大损失" });

        var typical = await supervisor.PostOkAsync("/api/v1/typical-cases", new { kind = "negative", sourceType = "accountability", sourceId = cadreCase }, HttpStatusCode.Created);
        await supervisor.PostOkAsync($"/api/v1/typical-cases/{typical.Id()}/submission", new { });
        await leader.PostOkAsync($"/api/v1/typical-cases/{typical.Id()}/publication", new { });
    }

    /// <summary>The shared strings of the workbook, where ClosedXML keeps the cell texts.</summary>
    private static async Task<string> ReadSheetTextAsync(HttpResponseMessage export)
    {
        using var zip = new System.IO.Compression.ZipArchive(await export.Content.ReadAsStreamAsync());
        var entry = zip.GetEntry("xl/sharedStrings.xml");
        if (entry is null)
        {
            return string.Join("", zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal))
                .Select(e => new StreamReader(e.Open()).ReadToEnd()));
        }
        using var reader = new StreamReader(entry.Open());
        return await reader.ReadToEndAsync();
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
