// Benchmarks print figures; they are run by hand (dotnet run -c Release --project bench/Zhengfeng.Bench) and never by the test command.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
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
        if (o.Instances is not null && !o.IsPostgres)
        {
            Console.WriteLine("--instances needs PostgreSQL (--db postgres or a connection string): SQLite is one file, written by one app process.");
            return 1;
        }
        PrintConditions(o);
        var apps = new List<AppProcess>();
        PgServer? pg = null;
        string? keys = null;
        try
        {
            if (o.IsPostgres)
            {
                pg = o.Db == "postgres" ? await PgServer.StartClusterAsync() : await PgServer.OnServerAsync(o.Db);
                keys = Directory.CreateTempSubdirectory("zf-bench-keys-").FullName;
                var keysFolder = keys;
                Cleanup.Add(() =>
                {
                    if (Directory.Exists(keysFolder))
                    {
                        Directory.Delete(keysFolder, recursive: true);
                    }
                });
                Console.WriteLine($"database: {pg.Description}");
            }
            await RunAsync(o, pg, keys, apps);
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TimeoutException or Npgsql.NpgsqlException)
        {
            Console.WriteLine($"FAILED: {e.Message}");
            foreach (var app in apps)
            {
                Console.WriteLine($"--- output of the app at {app.BaseAddress} ---\n{app.RecentOutput()}");
            }
            return 1;
        }
        finally
        {
            await StopAsync(apps);
            if (pg is not null)
            {
                await pg.DisposeAsync();
            }
            try
            {
                if (keys is not null && Directory.Exists(keys))
                {
                    Directory.Delete(keys, recursive: true);
                }
            }
            catch (IOException)
            {
                // a signal's cleanup removed it meanwhile
            }
        }
    }

    /// <summary>The accounts and units made once per database, used by every run.</summary>
    private sealed record Setup(string Root, List<string> Units);

    /// <summary>One create-and-dispatch run with a number of app instances.</summary>
    private sealed record Run(int Instances, Stats Create, Stats Dispatch, double AppCpuMs, double ClientCpuMs, double? ServerCpuMs);

    private static async Task RunAsync(Options o, PgServer? pg, string? keys, List<AppProcess> apps)
    {
        Setup? setup = null;
        var runs = new List<Run>();
        foreach (var n in o.InstanceRuns)
        {
            await StopAsync(apps); // the run before: fresh processes for each run, on the same database
            await StartAppsAsync(o, pg, keys, n, apps);
            if (setup is null)
            {
                setup = await SetUpAsync(apps[0], o);
                Console.WriteLine($"{setup.Units.Count} units, operator, dispatcher, unit and leader accounts created through the API");
                if (!o.IsPostgres)
                {
                    Console.WriteLine($"app: {apps[0].BaseAddress}  SQLite file in a fresh temp folder; synchronous mode: {o.Synchronous} "
                        + $"(the app says: {apps[0].SynchronousLine() ?? "nothing"})");
                }
            }
            Console.WriteLine();
            Console.WriteLine($"-- run with {n} app instance{(n == 1 ? "" : "s")}: {string.Join(", ", apps.Select(a => a.BaseAddress.Authority))} --");
            runs.Add(await CreateAndDispatchAsync(o, pg, apps, setup));
        }

        // 2. The floor: raw inserts into the same database, app idle: one commit per row, and batches of 16 rows per commit
        var raw = new List<Stats>();
        if (pg is null)
        {
            raw.Add(RawInserts.Run(apps[0].DatabaseFile, o.Cases, o.Synchronous));
            raw.Add(RawInserts.Run(apps[0].DatabaseFile, o.Cases, o.Synchronous, RawBatch));
        }
        else
        {
            raw.Add(await RawInserts.RunPostgresAsync(pg.ConnectionString, o.Cases));
            raw.Add(await RawInserts.RunPostgresAsync(pg.ConnectionString, o.Cases, RawBatch));
        }

        Console.WriteLine();
        var db = pg is null ? $"SQLite synchronous={o.Synchronous}" : "PostgreSQL, fsync and synchronous_commit on";
        Console.WriteLine($"== 受理写入 API writes ({db}, concurrency {o.Concurrency}; deadlines, audit chain, notifications on) ==");
        foreach (var run in runs)
        {
            if (runs.Count > 1 || pg is not null)
            {
                Console.WriteLine($"-- {run.Instances} app instance{(run.Instances == 1 ? "" : "s")}{(run.Instances > 1 ? ", requests round-robin" : "")} --");
            }
            Console.WriteLine(run.Create.Line());
            Console.WriteLine(run.Dispatch.Line());
            var server = pg is null ? ""
                : run.ServerCpuMs is { } ms ? $", PostgreSQL server {ms:F2} ms" : ", PostgreSQL server not measured (an existing server: its processes are not ours to read)";
            Console.WriteLine($"CPU per create: app {run.AppCpuMs:F2} ms{(run.Instances > 1 ? $" (sum over {run.Instances} instances)" : "")}{server}, "
                + $"benchmark client {run.ClientCpuMs:F2} ms (all share the machine's {Environment.ProcessorCount} cores)");
            Console.WriteLine($"ratio API create rate / raw rate: single commits {run.Create.Rate / raw[0].Rate:F3} (1 : {raw[0].Rate / run.Create.Rate:F1}), "
                + $"batched commits of {RawBatch} {run.Create.Rate / raw[1].Rate:F3} (1 : {raw[1].Rate / run.Create.Rate:F1})");
            Console.WriteLine($"target ≥ 1,000 creates/s with p99 < 100 ms: {Verdict(run.Create.Rate >= 1000 && run.Create.P99 < 100 && run.Create.Errors == 0)}");
        }
        Console.WriteLine($"-- raw baseline ({(pg is null ? $"SQLite synchronous={o.Synchronous}" : "PostgreSQL, one connection, prepared")}; "
            + "same database, app idle; a row's latency is its transaction's) --");
        Console.WriteLine(raw[0].Line());
        Console.WriteLine(raw[1].Line());
        Console.WriteLine();

        await ScaleAsync(o, pg, apps[0], setup!);
    }

    private const int RawBatch = 16;

    private static async Task StartAppsAsync(Options o, PgServer? pg, string? keys, int count, List<AppProcess> apps)
    {
        // The first instance runs the migrations before it answers /healthz; the others start on a migrated database.
        apps.Add(await AppProcess.StartAsync(o.Synchronous, o.ServerGc, pg?.AppConnectionString, keys));
        for (var i = 1; i < count; i++)
        {
            apps.Add(await AppProcess.StartAsync(o.Synchronous, o.ServerGc, pg?.AppConnectionString, keys));
        }
    }

    private static async Task StopAsync(List<AppProcess> apps)
    {
        foreach (var app in apps)
        {
            await app.DisposeAsync();
        }
        apps.Clear();
    }

    private static async Task<Setup> SetUpAsync(AppProcess app, Options o)
    {
        var api = new Api(app.BaseAddress, o.Concurrency);
        using var admin = await api.LoginAsync("admin", AppProcess.AdminPassword);
        var root = await Api.RootUnitIdAsync(admin);
        var districts = new List<string>();
        if (o.Districts > 0)
        {
            await Api.MakeCityAsync(admin, root);
            for (var d = 0; d < o.Districts; d++)
            {
                districts.Add(await Api.CreateUnitAsync(admin, root, $"BENCHD{d:D2}", $"压测区{d:D2}", "county"));
            }
        }
        var units = new List<string>();
        for (var i = 0; i < o.Units; i++)
        {
            units.Add(await Api.CreateUnitAsync(admin, districts.Count > 0 ? districts[i % districts.Count] : root, $"BENCH{i:D3}", $"压测单位{i:D3}"));
        }
        await Api.CreateUserAsync(admin, root, "bench-operator", "operator");
        await Api.CreateUserAsync(admin, root, "bench-dispatcher", "dispatcher");
        await Api.CreateUserAsync(admin, units[0], "bench-unit", "unit");
        await Api.CreateUserAsync(admin, root, "bench-leader", "leader");
        return new Setup(root, units);
    }

    /// <summary>
    /// One HttpClient per instance for an account. The token comes from the first instance; the instances share the key
    /// folder and the database's sessions, so every instance accepts it (checked here, so a refusal is not counted as load).
    /// </summary>
    private static async Task<HttpClient[]> ClientsAsync(List<AppProcess> apps, int concurrency, string username)
    {
        var token = await new Api(apps[0].BaseAddress, concurrency).TokenAsync(username, Api.Password);
        var clients = apps.Select(a => new Api(a.BaseAddress, concurrency).Client(token)).ToArray();
        foreach (var client in clients)
        {
            await Api.GetAsync(client, "/api/v1/units");
        }
        return clients;
    }

    private static async Task<Run> CreateAndDispatchAsync(Options o, PgServer? pg, List<AppProcess> apps, Setup setup)
    {
        var units = setup.Units;
        var intake = await ClientsAsync(apps, o.Concurrency, "bench-operator");
        var dispatcher = await ClientsAsync(apps, o.Concurrency, "bench-dispatcher");
        try
        {
            HttpClient Pick(HttpClient[] clients, int i) => clients[i % clients.Length];

            // Warm-up first, so JIT and pools are not in the figures. The tiered JIT keeps recompiling hot paths for many
            // seconds on two cores: warm up long enough for it to settle (every instance gets its share).
            var warmIds = new string[Math.Min(o.Dispatches, 500)];
            var warm = await Load.RunAsync("warm-up (not counted)", Math.Max(o.Warmup, warmIds.Length), o.Concurrency,
                i => Pick(intake, i).PostAsJsonAsync("/api/v1/cases", NewCase()), HttpStatusCode.Created,
                (i, body) =>
                {
                    if (i < warmIds.Length)
                    {
                        warmIds[i] = IdOf(body);
                    }
                });
            var warmDispatch = await Load.RunAsync("warm-up dispatch (not counted)", warmIds.Length, o.Concurrency,
                i => Pick(dispatcher, i).PostAsJsonAsync($"/api/v1/cases/{warmIds[i]}/dispatch", new { leadUnitId = units[i % units.Count] }), HttpStatusCode.OK);
            Console.WriteLine($"warm-up: {warm.Count} creates at {warm.Rate:F0}/s, {warmDispatch.Count} dispatches at {warmDispatch.Rate:F0}/s");

            var ids = new string[o.Dispatches];
            var (appCpu, benchCpu, serverCpu) = (AppCpu(apps), Environment.CpuUsage.TotalTime, pg?.CpuTime());
            var create = await Load.RunAsync("POST /api/v1/cases", o.Cases, o.Concurrency, i => Pick(intake, i).PostAsJsonAsync("/api/v1/cases", NewCase()),
                HttpStatusCode.Created,
                (i, body) =>
                {
                    if (i < ids.Length)
                    {
                        ids[i] = IdOf(body);
                    }
                });
            var appMs = (AppCpu(apps) - appCpu).TotalMilliseconds / o.Cases;
            var benchMs = (Environment.CpuUsage.TotalTime - benchCpu).TotalMilliseconds / o.Cases;
            var serverMs = (pg?.CpuTime() - serverCpu)?.TotalMilliseconds / o.Cases;
            var dispatch = await Load.RunAsync("POST /api/v1/cases/{id}/dispatch", o.Dispatches, o.Concurrency,
                i => Pick(dispatcher, i).PostAsJsonAsync($"/api/v1/cases/{ids[i]}/dispatch", new { leadUnitId = units[i % units.Count] }), HttpStatusCode.OK);
            Console.WriteLine($"creates {create.Rate:F0}/s (p99 {create.P99:F1} ms, errors {create.Errors}), dispatches {dispatch.Rate:F0}/s (errors {dispatch.Errors})");
            return new Run(apps.Count, create, dispatch, appMs, benchMs, serverMs);
        }
        finally
        {
            foreach (var client in intake.Concat(dispatcher))
            {
                client.Dispose();
            }
        }
    }

    private static TimeSpan AppCpu(List<AppProcess> apps) => apps.Aggregate(TimeSpan.Zero, (sum, a) => sum + a.CpuTime);

    private static async Task ScaleAsync(Options o, PgServer? pg, AppProcess app, Setup setup)
    {
        if (o.Scale <= 0)
        {
            return;
        }
        var units = setup.Units;
        var api = new Api(app.BaseAddress, o.Concurrency);

        // 3. Scale: bulk-load to the target size with each case's related rows, let the database gather its statistics as a
        // running system would, then time what the unit, the dispatcher and the leader open every day.
        var now = TimeProvider.System.GetUtcNow();
        using var conn = pg is null ? Sqlite.Open(app.DatabaseFile) : null;
        await using var pgConn = pg is null ? null : new Npgsql.NpgsqlConnection(pg.ConnectionString);
        if (pgConn is not null)
        {
            await pgConn.OpenAsync();
        }
        async Task<long> ScalarAsync(string sql)
        {
            if (conn is not null)
            {
                return Sqlite.Scalar(conn, sql);
            }
            await using var cmd = new Npgsql.NpgsqlCommand(sql, pgConn);
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        var existing = (int)await ScalarAsync("SELECT COUNT(*) FROM \"Case\"");
        var toLoad = Math.Max(0, o.Scale - existing);
        Console.WriteLine($"== 规模 Scale: loading {toLoad:N0} cases with their related rows ({(pg is null ? "SQLite prepared single-row INSERTs" : "PostgreSQL binary COPY")}, "
            + $"chunks of {BulkLoad.CasesPerChunk:N0} cases, one transaction each) ==");
        Console.WriteLine(BulkLoad.Proportions.TrimEnd());
        var loaded = pg is null
            ? BulkLoad.Run(app.DatabaseFile, toLoad, units, "roads", now, Console.WriteLine)
            : await BulkLoad.RunPostgresAsync(pg.ConnectionString, toLoad, units, "roads", now, Console.WriteLine);
        Console.WriteLine(loaded.Describe());
        var total = await ScalarAsync("SELECT COUNT(*) FROM \"Case\"");
        var unit = units[0];
        var inUnit = await ScalarAsync($"SELECT COUNT(*) FROM \"Case\" WHERE \"LeadUnitId\" = '{unit}'");
        var period = now.ToOffset(TimeSpan.FromHours(8)).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Console.WriteLine($"{total:N0} cases in the database; unit {unit} leads {inUnit:N0}; ranking period {period}");
        var chain = await ScalarAsync("SELECT COUNT(*) FROM \"AuditEntries\"");
        Console.WriteLine($"audit log: {chain:N0} entries, the loaded ones chained after the app's head with the app's own hash (AuditTrail.ComputeHash)");
        // The load wrote past the app, as an import straight into the database would: the running counts behind the dashboard and
        // the ranking are rebuilt from the records, as the 运行状态 page tells an administrator to do after one.
        // Access tokens last 15 minutes, and loading 10,000,000 cases takes most of an hour: each step below signs in afresh.
        async Task<HttpClient> SignInAsync(string user, string password)
        {
            var client = await api.LoginAsync(user, password);
            client.Timeout = Timeout.InfiniteTimeSpan; // a rebuild, a check or the first search may take minutes at this size
            return client;
        }
        using (var admin = await SignInAsync("admin", AppProcess.AdminPassword))
        {
            var rebuilt = await Api.PostAsync(admin, "/api/v1/operations/figures/rebuild", new { }, System.Net.HttpStatusCode.OK);
            Console.WriteLine($"running counts rebuilt from the records (POST /api/v1/operations/figures/rebuild): {rebuilt.GetProperty("months")} months, "
                + $"{rebuilt.GetProperty("figures")} counts in {rebuilt.GetProperty("seconds")} s");
        }
        using var staff = await SignInAsync("bench-unit", Api.Password);
        using var dispatcher = await SignInAsync("bench-dispatcher", Api.Password);
        using var leader = await SignInAsync("bench-leader", Api.Password);

        var lists = new (string Name, HttpClient Client, string Url)[]
        {
            ("unit: GET /api/v1/cases?status=dispatched", staff, $"/api/v1/cases?unitId={unit}&status=dispatched"),
            ("unit: GET /api/v1/cases?overdue=true", staff, $"/api/v1/cases?unitId={unit}&overdue=true"),
            ("unit: GET /api/v1/cases (all of the unit)", staff, $"/api/v1/cases?unitId={unit}"),
            ("unit: GET /api/v1/inbox (counts + 待签收)", staff, "/api/v1/inbox"),
            ("unit: GET /api/v1/inbox?box=handling", staff, "/api/v1/inbox?box=handling"),
            ("unit: GET /api/v1/inbox?box=duesoon", staff, "/api/v1/inbox?box=duesoon"),
            ("unit: GET /api/v1/inbox?box=overdue", staff, "/api/v1/inbox?box=overdue"),
            ("unit: GET /api/v1/inbox?box=returning", staff, "/api/v1/inbox?box=returning"),
            ("unit: GET /api/v1/inbox?box=done", staff, "/api/v1/inbox?box=done"),
        };
        (string Name, HttpClient Client, string Url)[] city = o.Districts > 0
            ? [($"city: GET /api/v1/rankings/units?group=districts ({o.Districts} districts)", dispatcher, $"/api/v1/rankings/units?period={period}&group=districts")]
            : [];
        (string Name, HttpClient Client, string Url)[] heavy =
        [
            ("dispatcher: GET /api/v1/rankings/units", dispatcher, $"/api/v1/rankings/units?period={period}"),
            ("leader: GET /api/v1/dashboard", leader, "/api/v1/dashboard"),
            .. city,
        ];
        const string searchWord = "井盖";
        var search = ("dispatcher: GET /api/v1/cases?q=" + searchWord, dispatcher, "/api/v1/cases?q=" + Uri.EscapeDataString(searchWord));
        var export = ("dispatcher: GET /api/v1/exports/rankings.xlsx", dispatcher, $"/api/v1/exports/rankings.xlsx?period={period}");

        var before = await TimeQueriesAsync([.. lists, .. heavy], o.Queries);
        Console.WriteLine(pg is null ? "-- before PRAGMA optimize (no statistics yet: a fresh bulk load) --" : "-- before VACUUM (ANALYZE) (autovacuum may have run meanwhile) --");
        foreach (var s in before)
        {
            Console.WriteLine(s.QueryLine());
        }
        Console.WriteLine();
        if (conn is not null)
        {
            PrintPlans(conn, unit, now, period);
        }
        else
        {
            await PrintPostgresPlansAsync(pgConn!, unit, now, "before VACUUM (ANALYZE)");
        }

        // What a running system does on its own: SQLite's PRAGMA optimize as the app's job runs it (0x10002: every table, as
        // on a long-lived connection; analysis_limit=1000 samples each index instead of reading it whole), PostgreSQL's
        // autovacuum, which vacuums a table after many inserts as well as analyzing it (since PostgreSQL 13): the vacuum sets
        // the visibility map, without which an index-only scan still reads every row's heap page.
        var gather = Stopwatch.StartNew();
        string how;
        if (conn is not null)
        {
            how = $"PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002 (SQLite {Sqlite.Text(conn, "SELECT sqlite_version()")}, as the app's job)";
            Sqlite.Exec(conn, "PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;");
        }
        else
        {
            how = "VACUUM (ANALYZE), as autovacuum does after a bulk insert";
            await using var analyze = new Npgsql.NpgsqlCommand("VACUUM (ANALYZE)", pgConn) { CommandTimeout = 0 };
            await analyze.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"statistics: {how} took {gather.Elapsed.TotalSeconds:F1} s");
        if (pgConn is not null)
        {
            await PrintPostgresPlansAsync(pgConn, unit, now, "after VACUUM (ANALYZE)");
        }

        // The first search makes the app's full-text index catch up on every bulk-loaded case.
        var first = Stopwatch.StartNew();
        var firstHits = await Api.GetAsync(dispatcher, search.Item3);
        Console.WriteLine($"first search (the full-text index catches up on {toLoad:N0} bulk-loaded cases): {first.Elapsed.TotalSeconds:F1} s, "
            + $"total {TotalOf(firstHits)}");

        // The catching up may have outlived the tokens: the timed queries run on fresh ones.
        foreach (var (client, user) in new[] { (staff, "bench-unit"), (dispatcher, "bench-dispatcher"), (leader, "bench-leader") })
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await api.TokenAsync(user, Api.Password));
        }
        var after = await TimeQueriesAsync([.. lists, .. heavy, search, export], o.Queries);
        Console.WriteLine();
        Console.WriteLine($"== 规模 Scale figures at {total:N0} cases ({(pg is null ? "SQLite, after PRAGMA optimize" : "PostgreSQL, after VACUUM (ANALYZE)")}; "
            + $"{o.Queries} repetitions each, one at a time) ==");
        foreach (var s in after)
        {
            Console.WriteLine(s.QueryLine());
        }
        var listStats = after.Take(lists.Length).ToList();
        var heavyStats = after.Skip(lists.Length).Take(heavy.Length).ToList();
        Console.WriteLine($"target inbox and lists < 50 ms (p95): {Verdict(listStats.All(s => s.P95 < 50))}"
            + $" (worst {listStats.MaxBy(s => s.P95)!.Name}: {listStats.Max(s => s.P95):F1} ms)");
        Console.WriteLine($"target ranking and dashboard < 200 ms (p95): {Verdict(heavyStats.All(s => s.P95 < 200))}"
            + $" (ranking {heavyStats[0].P95:F1} ms, dashboard {heavyStats[1].P95:F1} ms)");

        using var checker = await SignInAsync("admin", AppProcess.AdminPassword);
        var check = await Api.PostAsync(checker, "/api/v1/operations/figures/check", new { }, System.Net.HttpStatusCode.OK);
        Console.WriteLine($"running counts checked against a recount of the records: {check.GetProperty("figures")} counts over {check.GetProperty("months")} months, "
            + $"{check.GetProperty("mismatches").GetArrayLength()} mismatches, in {check.GetProperty("seconds")} s");

        // 4. What it costs: the database's size and the app's memory after the queries
        if (pg is null)
        {
            long Size(string f) => File.Exists(f) ? new FileInfo(f).Length : 0;
            var (db, wal) = (Size(app.DatabaseFile), Size(app.DatabaseFile + "-wal"));
            Console.WriteLine($"database size: {(db + wal) / 1048576.0:N0} MB (file {db / 1048576.0:N0} MB + WAL {wal / 1048576.0:N0} MB)");
        }
        else
        {
            Console.WriteLine($"database size: {await ScalarAsync("SELECT pg_database_size(current_database())") / 1048576.0:N0} MB (pg_database_size)");
        }
        var index = Directory.Exists(app.DataDir)
            ? Directory.EnumerateFiles(app.DataDir, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(app.DatabaseFile, StringComparison.Ordinal))
                .Sum(f => new FileInfo(f).Length)
            : 0;
        Console.WriteLine($"app data folder besides the database (full-text index, keys, checkpoints): {index / 1048576.0:N0} MB");
        var (rss, peak) = app.Memory();
        Console.WriteLine($"app memory: RSS {rss:N0} MB, peak {(peak is { } p ? $"{p:N0} MB (VmHWM)" : "unknown")}");
        // The app's own offline check of the audit chain, over the loaded entries too.
        var verify = Stopwatch.StartNew();
        using var verifyOut = new StringWriter(CultureInfo.InvariantCulture);
        string[] verifyArgs = pg is null ? ["--data", app.DataDir] : ["--data", app.DataDir, "--db", pg.ConnectionString];
        var verdict = await Zhengfeng.Features.Audit.AuditVerifyCommand.RunAsync(verifyArgs, verifyOut, verifyOut);
        Console.WriteLine($"audit verify (the app's command, in-process): exit {verdict} in {verify.Elapsed.TotalSeconds:F1} s: {verifyOut.ToString().Trim()}");
        var problems = app.Problems();
        Console.WriteLine(problems.Count == 0
            ? "app log: no errors or warnings"
            : $"app log: {app.ProblemCount} error/warning lines, the first ones:\n  {string.Join("\n  ", problems)}");
    }

    private static string TotalOf(string body)
    {
        var at = body.IndexOf("\"total\":", StringComparison.Ordinal);
        return at < 0 ? "?" : new string(body[(at + 8)..].TakeWhile(char.IsAsciiDigit).ToArray());
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
            ("inbox: done box (count)", $"SELECT COUNT(*) FROM \"Case\" WHERE \"LeadUnitId\" = $u AND \"Status\" IN ('Replied', 'Closed') AND \"RepliedAt\" >= $since"),
            ("inbox: overdue box (page)", $"SELECT * FROM \"Case\" WHERE \"LeadUnitId\" = $u AND \"Status\" IN ({open}) AND \"HandleDueAt\" < $now ORDER BY \"HandleDueAt\" LIMIT 50"),
            ("dashboard: overdue still ahead",
                $"SELECT COUNT(*) FROM \"Case\" WHERE \"Status\" IN ({string.Join(", ", Enum.GetNames<Zhengfeng.Features.Cases.CaseStatus>().Select(x => $"'{x}'"))}) "
                + $"AND \"HandleDueAt\" >= $now AND \"HandleDueAt\" < $e AND (\"WasOverdue\" OR \"Status\" IN ({open}))"),
        };
        Console.WriteLine("-- EXPLAIN QUERY PLAN (before PRAGMA optimize) --");
        foreach (var (name, sql) in plans)
        {
            var plan = Sqlite.Plan(conn, sql, ("$u", unit), ("$now", now.ToUnixTimeMilliseconds()), ("$s", first.ToUnixTimeMilliseconds()), ("$e", first.AddMonths(1).ToUnixTimeMilliseconds()),
                ("$since", now.AddDays(-Zhengfeng.Features.Cases.CaseSearch.DoneDays).ToUnixTimeMilliseconds()));
            Console.WriteLine($"{name,-30} {string.Join(" | ", plan)}");
        }
        Console.WriteLine();
    }

    /// <summary>
    /// EXPLAIN (ANALYZE, BUFFERS) of hand-written equivalents of the unit inbox's queries on PostgreSQL: the plan's first lines,
    /// the heap fetches of its index-only scans and the execution time.
    /// </summary>
    private static async Task PrintPostgresPlansAsync(Npgsql.NpgsqlConnection conn, string unit, DateTimeOffset now, string when)
    {
        var open = string.Join(", ", OpenStatuses.Select(s => $"'{s}'"));
        var plans = new (string Name, string Sql)[]
        {
            ("inbox: open counts per status", "SELECT \"Status\", COUNT(*), COUNT(*) FILTER (WHERE \"HandleDueAt\" < @now), "
                + $"COUNT(*) FILTER (WHERE \"HandleDueAt\" >= @now AND \"HandleDueAt\" < @soon) FROM \"Case\" WHERE \"LeadUnitId\" = @u AND \"Status\" IN ({open}) "
                + "GROUP BY \"Status\""),
            ("inbox: done box (count)", $"SELECT COUNT(*) FROM \"Case\" WHERE \"LeadUnitId\" = @u AND \"Status\" IN ('Replied', 'Closed') AND \"RepliedAt\" >= @since"),
            ("inbox: done box (page)", "SELECT * FROM \"Case\" WHERE \"LeadUnitId\" = @u AND \"Status\" IN ('Replied', 'Closed') AND \"RepliedAt\" >= @since "
                + "ORDER BY \"RepliedAt\" DESC LIMIT 50"),
            ("inbox: overdue box (page)", $"SELECT * FROM \"Case\" WHERE \"LeadUnitId\" = @u AND \"Status\" IN ({open}) AND \"HandleDueAt\" < @now ORDER BY \"HandleDueAt\" LIMIT 50"),
        };
        Console.WriteLine($"-- EXPLAIN (ANALYZE, BUFFERS) {when} --");
        foreach (var (name, sql) in plans)
        {
            await using var cmd = new Npgsql.NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, conn) { CommandTimeout = 0 };
            cmd.Parameters.AddWithValue("u", unit);
            cmd.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("soon", now.AddHours(24).ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("since", now.AddDays(-Zhengfeng.Features.Cases.CaseSearch.DoneDays).ToUnixTimeMilliseconds());
            var lines = new List<string>();
            await using (var reader = await cmd.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    lines.Add(reader.GetString(0));
                }
            }
            var shown = lines.Take(4).Concat(lines.Skip(4).Where(l => l.Contains("Heap Fetches", StringComparison.Ordinal)
                || l.Contains("Execution Time", StringComparison.Ordinal)));
            Console.WriteLine($"{name}:\n  {string.Join("\n  ", shown.Select(l => l.Trim()))}");
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
        var db = o.IsPostgres ? $"PostgreSQL, app instances {string.Join(" then ", o.InstanceRuns)}" : $"SQLite synchronous {o.Synchronous}";
        Console.WriteLine($"options: {db}, cases {o.Cases:N0} after {o.Warmup:N0} warm-up creates, concurrency {o.Concurrency}, "
            + $"dispatches {o.Dispatches:N0}, scale {o.Scale:N0}, queries {o.Queries}, app GC {(o.ServerGc ? "server (as shipped)" : "workstation")}"
            + (o.Districts > 0 ? $", a city of {o.Districts} districts with {o.Units} units spread over them" : ""));
        Console.WriteLine("client and server share the machine: the app runs as a separate process on 127.0.0.1, HttpClient over loopback");
    }
}
