namespace Zhengfeng.Bench;

/// <summary>
/// Command-line options: --db sqlite|postgres|CONNECTION --instances N --cases N --warmup N --concurrency C --dispatch N --scale N --queries N
/// --districts N --synchronous MODE --workstation-gc --quick.
/// </summary>
public sealed record Options(int Cases, int Concurrency, int Dispatches, int Scale, int Queries, int Units, string Synchronous, int Warmup, bool ServerGc,
    int Similar = 0, bool SmartCn = false, string Db = "sqlite", int? Instances = null, int Districts = 0)
{
    /// <summary>The app runs on PostgreSQL: a throw-away cluster (--db postgres) or a server named by a connection string.</summary>
    public bool IsPostgres => Db != "sqlite";

    /// <summary>The app instance counts to run the create and dispatch phases with, one after the other.</summary>
    public IReadOnlyList<int> InstanceRuns => Instances is { } n ? [n] : IsPostgres ? [1, 2] : [1];

    public const string Usage = """
        Zhengfeng.Bench [--db sqlite|postgres|CONNECTION] [--instances N] [--cases 20000] [--warmup 15000] [--concurrency 16] [--dispatch 2000]
                        [--scale 1000000] [--queries 20] [--districts N] [--synchronous FULL] [--workstation-gc] [--quick]
                        [--similar N [--smartcn]]

          --db           sqlite (the default: one app process on a file in a temp folder);
                         postgres: a throw-away PostgreSQL cluster (initdb from the newest /usr/lib/postgresql/*/bin, as the postgres user when run as root,
                         on a free loopback port, fsync and synchronous_commit on as shipped), removed at the end;
                         or an Npgsql connection string to an existing server, where a database zf_bench_* is made and dropped at the end
          --instances N  PostgreSQL only: N app processes on the one database, requests spread round-robin over them
                         (without it, PostgreSQL runs the create and dispatch phases with 1 and then with 2 instances)
          --cases        cases created through POST /api/v1/cases (and the rows of the raw baselines: single commits, batched commits of 16)
          --warmup       creates before the timed ones (not counted): on two busy cores the tiered JIT needs about 15,000 to settle
          --concurrency  requests in flight during the create and dispatch phases
          --dispatch     cases dispatched through POST /api/v1/cases/{id}/dispatch
          --scale        total cases in the database before the query phase, each bulk-loaded with its timeline (~5 events), audit entries
                         (~5, a valid chain), ratings (~70 % of replied cases, some 不满意 with rework), 退单 (~8 %) and 延期 (~5 %) requests;
                         SQLite prepared INSERTs, PostgreSQL binary COPY, in chunks of 10,000 cases. Then PRAGMA optimize / ANALYZE, and
                         the unit's lists and inbox, search, ranking, dashboard and ranking export timed; database size and app memory
          --queries      repetitions of each timed query
          --districts N  a city: the root becomes a 市 with N districts (县（区）), the units spread over them; the accounts stay at the
                         city, and the city's ranking of its districts is timed too
          --synchronous  the app's SQLite synchronous mode (Database:Synchronous): FULL (the app's default), NORMAL or EXTRA
          --workstation-gc  run the app with workstation GC instead of the server GC it ships with
          --quick        smoke run: 2,000 cases, 500 dispatches, 50,000 scale
          --similar N    only the case index: build it for N synthetic cases, time 1,000 并单 candidate lookups and full-text queries
          --smartcn      with --similar: the SmartCn word analyzer instead of CJK bigrams (for comparison)
        """;

    public static Options? Parse(string[] args)
    {
        var o = new Options(Cases: 20_000, Concurrency: 16, Dispatches: 2_000, Scale: 1_000_000, Queries: 20, Units: 50, Synchronous: "FULL", Warmup: 15_000, ServerGc: true);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--db" when value is not null && (value.Equals("sqlite", StringComparison.OrdinalIgnoreCase)
                    || value.Equals("postgres", StringComparison.OrdinalIgnoreCase) || Data.Database.IsPostgres(value)):
                    o = o with { Db = Data.Database.IsPostgres(value) ? value : value.ToLowerInvariant() };
                    i++;
                    break;
                case "--instances" when int.TryParse(value, out var n) && n is > 0 and <= 16:
                    o = o with { Instances = n };
                    i++;
                    break;
                case "--workstation-gc":
                    o = o with { ServerGc = false };
                    break;
                case "--similar" when int.TryParse(value, out var n) && n > 0:
                    o = o with { Similar = n };
                    i++;
                    break;
                case "--smartcn":
                    o = o with { SmartCn = true };
                    break;
                case "--quick":
                    o = o with { Cases = 2_000, Dispatches = 500, Scale = 50_000, Warmup = 2_000 };
                    break;
                case "--cases" when int.TryParse(value, out var n):
                    o = o with { Cases = n };
                    i++;
                    break;
                case "--warmup" when int.TryParse(value, out var n) && n >= 0:
                    o = o with { Warmup = n };
                    i++;
                    break;
                case "--concurrency" when int.TryParse(value, out var n):
                    o = o with { Concurrency = n };
                    i++;
                    break;
                case "--dispatch" when int.TryParse(value, out var n):
                    o = o with { Dispatches = n };
                    i++;
                    break;
                case "--scale" when int.TryParse(value, out var n):
                    o = o with { Scale = n };
                    i++;
                    break;
                case "--districts" when int.TryParse(value, out var n) && n is > 0 and <= 100:
                    o = o with { Districts = n };
                    i++;
                    break;
                case "--queries" when int.TryParse(value, out var n):
                    o = o with { Queries = n };
                    i++;
                    break;
                case "--synchronous" when value?.ToUpperInvariant() is "FULL" or "NORMAL" or "EXTRA":
                    o = o with { Synchronous = value!.ToUpperInvariant() };
                    i++;
                    break;
                default:
                    return null;
            }
        }
        return o with { Dispatches = Math.Min(o.Dispatches, o.Cases) };
    }
}
