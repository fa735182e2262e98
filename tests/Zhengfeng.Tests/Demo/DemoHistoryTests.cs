using System.Globalization;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Demo;
using Zhengfeng.Features.Rectification;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Jobs;

namespace Zhengfeng.Tests.Demo;

/// <summary>The demo county loaded the way <c>zhengfeng demo</c> loads it, once for the tests of this class.</summary>
public sealed class DemoHistoryFixture : IAsyncLifetime
{
    public AppFactory App { get; private set; } = null!;
    public DemoHistory.Loaded Loaded { get; private set; } = null!;
    public TimeSpan Took { get; private set; }

    public async Task InitializeAsync()
    {
        App = await AppFactory.StartAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();
        Loaded = await LoadDemoAsync(App) ?? throw new InvalidOperationException("the demo history did not load");
        Took = started.Elapsed;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>What the demo start-up runs: the county, its assigned work, then its year of history.</summary>
    public static async Task<DemoHistory.Loaded?> LoadDemoAsync(AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoCounty>().LoadAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<DemoWork>().LoadAsync(CancellationToken.None);
        return await scope.ServiceProvider.GetRequiredService<DemoHistory>().LoadAsync(CancellationToken.None);
    }
}

public sealed class DemoHistoryTests(DemoHistoryFixture demo, ITestOutputHelper output) : IClassFixture<DemoHistoryFixture>
{
    private AppFactory App => demo.App;

    [Fact]
    public async Task The_demo_year_is_the_same_on_every_load_and_is_loaded_only_once()
    {
        output.WriteLine($"demo county + work + history: {demo.Took.TotalSeconds:0.0} s ({demo.Loaded.Cases} cases, {demo.Loaded.Clues} clues)");
        Assert.InRange(demo.Loaded.Cases, 3500, 5000);

        await using var other = await AppFactory.StartAsync();
        Assert.NotNull(await DemoHistoryFixture.LoadDemoAsync(other));
        Assert.Null(await DemoHistoryFixture.LoadDemoAsync(other)); // the second start finds the year there and adds nothing

        var first = await SummaryAsync(App);
        Assert.Equal(first, await SummaryAsync(other));
        output.WriteLine(first);
        Assert.Equal((await TrendAsync(App)).GetRawText(), (await TrendAsync(other)).GetRawText());
    }

    [Fact]
    public async Task The_dashboard_shows_twelve_months_of_requests_ratings_and_overdue_work()
    {
        var trend = await TrendAsync(App);
        Assert.Equal(12, trend.GetArrayLength());
        Assert.All(trend.EnumerateArray(), month =>
        {
            Assert.True(month.GetProperty("registered").GetProperty("value").GetInt32() > 0, month.ToString());
            Assert.True(month.GetProperty("rated").GetProperty("value").GetInt32() > 0, month.ToString());
        });
        Assert.All(trend.EnumerateArray().SkipLast(1), month => // the current month has only just begun
        {
            Assert.True(month.GetProperty("registered").GetProperty("value").GetInt32() > 150, month.ToString());
            Assert.InRange(month.GetProperty("satisfactionRate").GetDouble(), 0.7, 0.99);
        });
        Assert.Contains(trend.EnumerateArray(), m => m.GetProperty("overdue").GetProperty("value").GetInt32() > 0);
    }

    [Fact]
    public async Task Clues_come_from_every_source_and_the_rectification_ledger_has_items_in_every_state()
    {
        await App.WithDbAsync(async db =>
        {
            var sources = await db.Set<Clue>().AsNoTracking().Select(c => c.Source).Distinct().ToListAsync();
            Assert.Subset(sources.ToHashSet(), new HashSet<ClueSource> { ClueSource.Case, ClueSource.Mystery, ClueSource.Tour, ClueSource.Self, ClueSource.Report, ClueSource.Mailbox });
            var states = await db.Set<RectificationItem>().AsNoTracking().Select(i => i.Status).Distinct().ToListAsync();
            Assert.Equal(Enum.GetValues<RectificationStatus>().ToHashSet(), states.ToHashSet());
            Assert.True(await db.Set<SupervisionNotice>().AnyAsync(n => n.RectificationId != null && n.IssuedBy != SupervisionNotice.SystemIssuer));
        });
    }

    [Fact]
    public async Task The_unit_ranking_of_last_month_has_rows_with_all_three_rates()
    {
        var leader = await App.LoginAsync("leader", DemoCounty.Password);
        var period = App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var rows = (await leader.GetOkAsync($"/api/v1/rankings/units?period={period}")).EnumerateArray().ToList();
        Assert.True(rows.Count > 30, $"{rows.Count} ranked units");
        Assert.All(rows.Where(r => r.GetProperty("dispatched").GetInt32() >= 10), r =>
        {
            Assert.InRange(r.GetProperty("responseRate").GetDouble(), 0.5, 1);
            Assert.True(r.GetProperty("rated").GetInt32() > 0, r.ToString());
        });
        Assert.Contains(rows, r => r.GetProperty("responseRate").GetDouble() < 1);
        Assert.Contains(rows, r => r.GetProperty("returnCount").GetInt32() > 0);
    }

    [Fact]
    public async Task A_demo_unit_clerk_finds_open_cases_in_the_inbox()
    {
        foreach (var unit in new[] { "d-urban", "t-01" })
        {
            var clerk = await App.LoginAsync(unit, DemoCounty.Password);
            var inbox = await clerk.GetOkAsync("/api/v1/inbox");
            var open = inbox.GetProperty("boxes").EnumerateArray().Sum(b => b.GetProperty("count").GetInt32());
            Assert.True(open > 0, $"{unit}: {inbox}");
        }
    }

    [Fact]
    public async Task Notices_a_bulletin_accountability_exemptions_an_evaluation_and_assessments_have_rows_after_the_load()
    {
        output.WriteLine($"oversight records: {demo.Loaded.Records}");
        var supervisor = await App.LoginAsync("supervisor", DemoCounty.Password);
        var notices = await SheetAsync(supervisor, "/api/v1/exports/notices.xlsx");
        var states = Column(notices, "状态");
        Assert.Contains("已办结", states);
        Assert.Contains("是", Column(notices, "是否逾期未复"));
        Assert.Contains(Column(notices, "督办事由"), r => r.Contains("工单编号", StringComparison.Ordinal));

        var bulletins = (await supervisor.GetOkAsync("/api/v1/bulletins")).EnumerateArray().ToList();
        var issued = Assert.Single(bulletins, b => b.GetProperty("status").GetString() == "issued");
        Assert.NotEmpty(issued.GetProperty("clueIds").EnumerateArray());
        Assert.Contains("一、", issued.GetProperty("body").GetString());

        var inspector = await App.LoginAsync("inspector", DemoCounty.Password);
        var accountability = await SheetAsync(inspector, "/api/v1/exports/accountability.xlsx");
        Assert.Superset(new HashSet<string> { "已立项", "调查中", "已作出问责决定", "已结案（未问责）" }, Column(accountability, "状态").ToHashSet());
        Assert.Contains(Column(accountability, "问责事实"), f => f.Contains("红牌督办", StringComparison.Ordinal));
        Assert.Contains("免予问责", string.Concat(Column(accountability, "决定")));

        var leader = await App.LoginAsync("leader", DemoCounty.Password);
        var exemptions = Column(await SheetAsync(leader, "/api/v1/exports/exemptions.xlsx"), "认定结果").ToHashSet();
        Assert.Superset(new HashSet<string> { "待认定", "予以容错免责", "不予容错免责" }, exemptions);

        var evaluations = (await leader.GetOkAsync("/api/v1/evaluations")).EnumerateArray().ToList();
        var closed = Assert.Single(evaluations, e => e.GetProperty("status").GetString() == "closed");
        var results = await leader.GetOkAsync($"/api/v1/evaluations/{closed.Id()}/results");
        Assert.Equal(10, results.GetArrayLength());
        Assert.All(results.EnumerateArray(), r => Assert.True(r.GetProperty("votes").GetInt32() > 0, r.ToString()));

        var year = App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year - 1;
        var grades = Column(await SheetAsync(leader, $"/api/v1/exports/assessments.xlsx?year={year}", 2), "考核等次");
        Assert.True(grades.Count > 50, $"{grades.Count} cadres assessed");
        Assert.Contains("称职", grades);
        Assert.Contains("基本称职", grades);
    }

    private static async Task<IXLWorksheet> SheetAsync(HttpClient client, string url, int sheet = 1)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        return book.Worksheet(sheet);
    }

    private static List<string> Column(IXLWorksheet sheet, string header)
    {
        var index = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList().IndexOf(header) + 1;
        Assert.True(index > 0, $"no column {header}");
        var last = sheet.LastRowUsed()!.RowNumber();
        return Enumerable.Range(2, Math.Max(0, last - 1)).Select(r => sheet.Cell(r, index).GetString()).ToList();
    }

    [Fact]
    public async Task The_audit_chain_verifies_after_the_load_and_the_ladder_has_nothing_left_to_raise()
    {
        var admin = await App.AdminAsync();
        var verify = await admin.GetOkAsync("/api/v1/audit/verify");
        Assert.True(verify.GetProperty("ok").GetBoolean(), verify.ToString());
        Assert.True(verify.GetProperty("entries").GetInt64() > 30_000);

        // The history swept the overdue ladder up to "now" as the job would have: the job's next run finds nothing new.
        Assert.Equal(0, await App.Services.GetRequiredService<OverdueSweep>().RunOnceAsync(CancellationToken.None));
    }

    private static async Task<JsonElement> TrendAsync(AppFactory app)
    {
        var leader = await app.LoginAsync("leader", DemoCounty.Password);
        var to = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var from = to.AddMonths(-11);
        var view = await leader.GetOkAsync($"/api/v1/dashboard?from={from:yyyy-MM}&to={to:yyyy-MM}");
        return view.GetProperty("trend");
    }

    /// <summary>The figures that must not change between two loads: statuses, ratings, returns, extensions, the ladder and clues.</summary>
    private static async Task<string> SummaryAsync(AppFactory app)
    {
        var text = "";
        await app.WithDbAsync(async db =>
        {
            var cases = await db.Set<Case>().AsNoTracking().GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            var ratings = await db.Set<Rating>().AsNoTracking().GroupBy(r => r.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            var returns = await db.Set<ReturnRequest>().AsNoTracking().GroupBy(r => r.Decision).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            var extensions = await db.Set<ExtensionRequest>().AsNoTracking().GroupBy(r => r.Decision).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            var notices = await db.Set<SupervisionNotice>().AsNoTracking().GroupBy(n => n.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            var clues = await db.Set<Clue>().AsNoTracking().GroupBy(c => c.Source).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            var events = await db.Set<CaseEvent>().AsNoTracking().CountAsync();
            var alerts = await db.Set<CaseAlert>().AsNoTracking().CountAsync();
            var overdue = await db.Set<Case>().AsNoTracking().CountAsync(c => c.WasOverdue);
            text = string.Join("; ",
                "cases " + string.Join(",", cases.OrderBy(x => x.Key).Select(x => $"{x.Key}={x.Count}")),
                "ratings " + string.Join(",", ratings.OrderBy(x => x.Key).Select(x => $"{x.Key}={x.Count}")),
                "returns " + string.Join(",", returns.OrderBy(x => x.Key).Select(x => $"{x.Key}={x.Count}")),
                "extensions " + string.Join(",", extensions.OrderBy(x => x.Key).Select(x => $"{x.Key}={x.Count}")),
                "notices " + string.Join(",", notices.OrderBy(x => x.Key).Select(x => $"{x.Key}={x.Count}")),
                "clues " + string.Join(",", clues.OrderBy(x => x.Key).Select(x => $"{x.Key}={x.Count}")),
                $"events {events}", $"alerts {alerts}", $"overdue {overdue}");
        });
        return text;
    }
}
