// Benchmarks print figures; they are run by hand (dotnet run -c Release --project bench/Zhengfeng.Bench) and never by the test command.
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.InteropServices;

namespace Zhengfeng.Bench;

public static class Program
{
    private static readonly string[] OpenStatuses = ["Dispatched", "Handling", "ReturnRequested", "Reopened"];

    public static async Task<int> Main(string[] args)
    {
        var o = Options.Parse(args);
        if (o is null)
        {
            Console.WriteLine(Options.Usage);
            return 1;
        }
        if (o.Similar > 0)
        {
            return SimilarBench.Run(o.Similar, 1_000, o.SmartCn);
        }
        PrintConditions(o);
        await using var app = await AppProcess.StartAsync(o.Synchronous, o.ServerGc);
        Console.WriteLine($"SQLite synchronous mode: {o.Synchronous} (the app says: {app.SynchronousLine() ?? "nothing"})");
        try
        {
            await RunAsync(app, o);
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
        {
            Console.WriteLine($"FAILED: {e.Message}\n--- app output ---\n{app.RecentOutput()}");
            return 1;
        }
    }

    private static async Task RunAsync(AppProcess app, Options o)
    {
        var api = new Api(app.BaseAddress, o.Concurrency);
        using var admin = await api.LoginAsync("admin", AppProcess.AdminPassword);
        var root = await Api.RootUnitIdAsync(admin);
        var units = new List<string>();
        for (var i = 0; i < o.Units; i++)
        {
            units.Add(await Api.CreateUnitAsync(admin, root, $"BENCH{i:D3}", $"压测单位{i:D3}"));
        }
        using var intake = await api.UserAsync(admin, root, "bench-operator", "operator");
        using var dispatcher = await api.UserAsync(admin, root, "bench-dispatcher", "dispatcher");
        using var staff = await api.UserAsync(admin, units[0], "bench-unit", "unit");
        Console.WriteLine($"app: {app.BaseAddress}  SQLite file in a fresh temp folder; {units.Count} units, operator, dispatcher, unit account created through the API");
        Console.WriteLine();

        // 1. Create and dispatch through the API (warm-up first, so JIT and pools are not in the figures)
        // The tiered JIT keeps recompiling hot paths for many seconds on two cores: warm up long enough for it to settle.
        var warmIds = new string[Math.Min(o.Dispatches, 500)];
        var warm = await Load.RunAsync("warm-up (not counted)", Math.Max(o.Warmup, warmIds.Length), o.Concurrency, _ => intake.PostAsJsonAsync("/api/v1/cases", NewCase()), HttpStatusCode.Created,
            (i, body) =>
            {
                if (i < warmIds.Length)
                {
                    warmIds[i] = IdOf(body);
                }
            });
        var warmDispatch = await Load.RunAsync("warm-up dispatch (not counted)", warmIds.Length, o.Concurrency,
            i => dispatcher.PostAsJsonAsync($"/api/v1/cases/{warmIds[i]}/dispatch", new { leadUnitId = units[i % units.Count] }), HttpStatusCode.OK);
        Console.WriteLine($"warm-up: {warm.Count} creates at {warm.Rate:F0}/s, {warmDispatch.Count} dispatches at {warmDispatch.Rate:F0}/s");
        var ids = new string[o.Dispatches];
        var (appCpu, benchCpu) = (app.CpuTime, Environment.CpuUsage.TotalTime);
        var create = await Load.RunAsync("POST /api/v1/cases", o.Cases, o.Concurrency, _ => intake.PostAsJsonAsync("/api/v1/cases", NewCase()), HttpStatusCode.Created,
            (i, body) =>
            {
                if (i < ids.Length)
                {
                    ids[i] = IdOf(body);
                }
            });
        var (appCpuPerCreate, benchCpuPerCreate) = ((app.CpuTime - appCpu).TotalMilliseconds / o.Cases, (Environment.CpuUsage.TotalTime - benchCpu).TotalMilliseconds / o.Cases);
        var dispatch = await Load.RunAsync("POST /api/v1/cases/{id}/dispatch", o.Dispatches, o.Concurrency,
            i => dispatcher.PostAsJsonAsync($"/api/v1/cases/{ids[i]}/dispatch", new { leadUnitId = units[i % units.Count] }), HttpStatusCode.OK);

        // 2. The floor: raw single-row transactions into the same file, app idle
        var raw = RawInserts.Run(app.DatabaseFile, o.Cases, o.Synchronous);

        Console.WriteLine();
        Console.WriteLine($"== 受理写入 API writes (SQLite synchronous={o.Synchronous}, concurrency {o.Concurrency}; deadlines, audit chain, notifications on) ==");
        Console.WriteLine(create.Line());
        Console.WriteLine(dispatch.Line());
        Console.WriteLine(raw.Line());
        Console.WriteLine($"CPU per create: app {appCpuPerCreate:F2} ms, benchmark client {benchCpuPerCreate:F2} ms (the two share the machine's {Environment.ProcessorCount} cores)");
        Console.WriteLine($"ratio API create rate / raw insert rate: {create.Rate / raw.Rate:F3}  (1 : {raw.Rate / create.Rate:F1})");
        Console.WriteLine($"target ≥ 1,000 creates/s with p99 < 100 ms: {Verdict(create.Rate >= 1000 && create.P99 < 100 && create.Errors == 0)}");
        Console.WriteLine();

        // 3. Scale: bulk-load to the target size, then time the unit's lists and the monthly ranking
        var now = TimeProvider.System.GetUtcNow();
        using var conn = Sqlite.Open(app.DatabaseFile);
        var existing = (int)Sqlite.Scalar(conn, "SELECT COUNT(*) FROM \"Case\"");
        var toLoad = Math.Max(0, o.Scale - existing);
        var loadTime = BulkLoad.Run(app.DatabaseFile, toLoad, units, "roads", now);
        var total = Sqlite.Scalar(conn, "SELECT COUNT(*) FROM \"Case\"");
        Console.WriteLine($"== 规模 Scale: {total:N0} cases ({toLoad:N0} bulk-loaded in {loadTime.TotalSeconds:F1} s, {toLoad / Math.Max(loadTime.TotalSeconds, 0.001):F0} rows/s) ==");
        var unit = units[0];
        var inUnit = Sqlite.Scalar(conn, $"SELECT COUNT(*) FROM \"Case\" WHERE \"LeadUnitId\" = '{unit}'");
        var period = now.ToOffset(TimeSpan.FromHours(8)).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Console.WriteLine($"unit {unit} leads {inUnit:N0} cases; ranking period {period}");

        var queries = new (string Name, HttpClient Client, string Url)[]
        {
            ("unit: GET /api/v1/cases?status=dispatched", staff, $"/api/v1/cases?unitId={unit}&status=dispatched"),
            ("unit: GET /api/v1/cases?overdue=true", staff, $"/api/v1/cases?unitId={unit}&overdue=true"),
            ("unit: GET /api/v1/cases (all of the unit)", staff, $"/api/v1/cases?unitId={unit}"),
            ("unit: GET /api/v1/inbox (counts + 待签收)", staff, "/api/v1/inbox"),
            ("unit: GET /api/v1/inbox?box=overdue", staff, "/api/v1/inbox?box=overdue"),
            ("unit: GET /api/v1/inbox?box=duesoon", staff, "/api/v1/inbox?box=duesoon"),
            ("dispatcher: GET /api/v1/rankings/units", dispatcher, $"/api/v1/rankings/units?period={period}"),
        };
        var before = await TimeQueriesAsync(queries, o.Queries);
        Console.WriteLine("-- as shipped (no ANALYZE statistics) --");
        foreach (var s in before)
        {
            Console.WriteLine(s.QueryLine());
        }
        Console.WriteLine($"target < 200 ms (p95): {Verdict(before.All(s => s.P95 < 200))}");
        Console.WriteLine();
        PrintPlans(conn, unit, now, period);

        Sqlite.Exec(conn, "ANALYZE;");
        var after = await TimeQueriesAsync(queries, o.Queries);
        Console.WriteLine("-- after ANALYZE (what PRAGMA optimize would give a long-running database) --");
        foreach (var s in after)
        {
            Console.WriteLine(s.QueryLine());
        }
        Console.WriteLine($"target < 200 ms (p95): {Verdict(after.All(s => s.P95 < 200))}");
    }

    private static async Task<List<Stats>> TimeQueriesAsync((string Name, HttpClient Client, string Url)[] queries, int times)
    {
        var results = new List<Stats>();
        foreach (var (name, client, url) in queries)
        {
            await Api.GetAsync(client, url); // first call warms the page cache and the query cache
            results.Add(await Load.TimeAsync(name, times, () => Api.GetAsync(client, url)));
        }
        return results;
    }

    /// <summary>The plans SQLite picks for hand-written equivalents of the queries behind the API and the unit inbox.</summary>
    private static void PrintPlans(Microsoft.Data.Sqlite.SqliteConnection conn, string unit, DateTimeOffset now, string period)
    {
        var first = DateTimeOffset.ParseExact(period + "-01 +08:00", "yyyy-MM-dd zzz", CultureInfo.InvariantCulture);
        var open = string.Join(", ", OpenStatuses.Select(s => $"'{s}'"));
        var plans = new (string Name, string Sql)[]
        {
            ("list dispatched (count)", $"SELECT COUNT(*) FROM \"Case\" WHERE \"LeadUnitId\" IN ($u) AND \"Status\" = 'Dispatched' AND \"LeadUnitId\" = $u"),
            ("list dispatched (page)", $"SELECT * FROM \"Case\" WHERE \"LeadUnitId\" IN ($u) AND \"Status\" = 'Dispatched' AND \"LeadUnitId\" = $u ORDER BY \"RegisteredAt\" DESC LIMIT 20"),
            ("list overdue (count)", $"SELECT COUNT(*) FROM \"Case\" WHERE \"LeadUnitId\" IN ($u) AND \"LeadUnitId\" = $u AND \"Status\" IN ({open}) AND \"HandleDueAt\" < $now"),
            ("list all of unit (page)", $"SELECT * FROM \"Case\" WHERE \"LeadUnitId\" IN ($u) AND \"LeadUnitId\" = $u ORDER BY \"RegisteredAt\" DESC LIMIT 20"),
            ("inbox: done box (count)", $"SELECT COUNT(*) FROM \"Case\" WHERE \"LeadUnitId\" = $u AND \"Status\" IN ('Replied', 'Closed')"),
            ("inbox: overdue box (page)", $"SELECT * FROM \"Case\" WHERE \"LeadUnitId\" = $u AND \"Status\" IN ({open}) AND \"HandleDueAt\" < $now ORDER BY \"HandleDueAt\" LIMIT 50"),
            ("ranking: dispatched per unit",
                "SELECT \"LeadUnitId\", COUNT(*), SUM(\"SignedInTime\" = 1) FROM \"Case\" WHERE \"FirstDispatchedAt\" >= $s AND \"FirstDispatchedAt\" < $e "
                + "AND \"LeadUnitId\" IS NOT NULL GROUP BY \"LeadUnitId\""),
        };
        Console.WriteLine("-- EXPLAIN QUERY PLAN (before ANALYZE) --");
        foreach (var (name, sql) in plans)
        {
            var plan = Sqlite.Plan(conn, sql, ("$u", unit), ("$now", now.ToUnixTimeMilliseconds()), ("$s", first.ToUnixTimeMilliseconds()), ("$e", first.AddMonths(1).ToUnixTimeMilliseconds()));
            Console.WriteLine($"{name,-30} {string.Join(" | ", plan)}");
        }
        Console.WriteLine();
    }

    private static int _seq;

    private static object NewCase()
    {
        var n = Interlocked.Increment(ref _seq);
        return new
        {
            kind = "complaint", categoryCode = "roads", title = $"人行道井盖缺失 {n}",
            content = $"幸福路与建设街交叉口东侧人行道井盖缺失，夜间行人易跌落，请尽快处理。编号{n}",
            channel = "hotline", address = "幸福路与建设街交叉口", urgent = n % 20 == 0,
            reporter = new { name = "陈某某", phone = $"138{n % 100_000_000:D8}" },
        };
    }

    private static string IdOf(string body)
    {
        const string key = "\"id\":\"";
        var start = body.IndexOf(key, StringComparison.Ordinal) + key.Length;
        return body[start..body.IndexOf('"', start)];
    }

    private static string Verdict(bool ok) => ok ? "met" : "NOT met";

    private static void PrintConditions(Options o)
    {
        Console.WriteLine("正风 Zhengfeng benchmark");
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
        if (File.Exists("/proc/loadavg"))
        {
            Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");
        }
        Console.WriteLine($"options: cases {o.Cases:N0} after {o.Warmup:N0} warm-up creates, concurrency {o.Concurrency}, synchronous {o.Synchronous}, "
            + $"dispatches {o.Dispatches:N0}, scale {o.Scale:N0}, queries {o.Queries}, app GC {(o.ServerGc ? "server (as shipped)" : "workstation")}");
        Console.WriteLine("client and server share the machine: the app runs as a separate process on 127.0.0.1, HttpClient over loopback");
    }
}
