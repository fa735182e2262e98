using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Npgsql;

namespace Zhengfeng.Bench;

/// <summary>
/// The PostgreSQL database the app instances share: either a throw-away cluster the benchmark starts itself (initdb in a
/// temp folder, a free loopback port, durable settings as shipped: fsync and synchronous_commit on) and removes at the end,
/// or a fresh database <c>zf_bench_*</c> on an existing server, dropped at the end.
/// </summary>
public sealed class PgServer : IAsyncDisposable
{
    private readonly string? _clusterDir;
    private readonly string? _bin;
    private readonly string _adminConnection;
    private readonly string _database;
    private readonly Lock _gate = new();
    private Action? _teardown;
    private bool _tornDown;

    /// <summary>Npgsql connection string of the benchmark's database, without pool settings.</summary>
    public string ConnectionString { get; }

    /// <summary>What the database is, for the header.</summary>
    public string Description { get; }

    /// <summary>True when the benchmark runs the server itself, so its processes' CPU time can be read.</summary>
    public bool IsOwnCluster => _clusterDir is not null;

    private PgServer(string? clusterDir, string? bin, string adminConnection, string database, string description)
    {
        _clusterDir = clusterDir;
        _bin = bin;
        _adminConnection = adminConnection;
        _database = database;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnection) { Database = database }.ConnectionString;
        Description = description;
    }

    /// <summary>The app's --db value: the database with a pool of up to 50 connections per instance.</summary>
    public string AppConnectionString
        => new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = true, MaxPoolSize = 50 }.ConnectionString;

    /// <summary>initdb from the newest installed PostgreSQL into a temp folder, started on a free loopback port.</summary>
    public static async Task<PgServer> StartClusterAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: double.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Dir, "initdb"))).OrderBy(d => d.Version).Select(d => d.Dir).LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("--db postgres needs PostgreSQL's server programs (initdb, pg_ctl) under /usr/lib/postgresql/*/bin; "
                + "install the postgresql package or pass a connection string to an existing server");
        }
        var dir = Directory.CreateTempSubdirectory("zf-bench-pg-").FullName;
        var server = new PgServer(dir, bin, "Host=127.0.0.1", "postgres", "");
        server.Register(); // removes the folder if anything below fails
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                    | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }
            if (IsRoot)
            {
                await RunAsync("chown", ["postgres", dir], asPostgres: false);
            }
            await RunAsync(Path.Combine(bin, "initdb"), ["-D", Path.Combine(dir, "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"], IsRoot);
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                try
                {
                    await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(dir, "data"), "-w", "-t", "60", "-l", Path.Combine(dir, "log"),
                        "-o", $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c max_connections=300", "start"], IsRoot);
                }
                catch (InvalidOperationException) when (attempt < 5)
                {
                    continue; // the port was taken in between: try another
                }
                var admin = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
                var version = Path.GetFileName(Path.GetDirectoryName(bin));
                var started = new PgServer(dir, bin, admin, NewDatabaseName(), $"throw-away PostgreSQL {version} cluster on 127.0.0.1:{port} "
                    + "(fsync and synchronous_commit on, as shipped; max_connections=300)");
                server.Unregister();
                server = started;
                server.Register(); // now also stops the cluster
                await server.CreateDatabaseAsync();
                return server;
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>An existing server: the benchmark makes its own database there and drops it at the end.</summary>
    public static async Task<PgServer> OnServerAsync(string connectionString)
    {
        var given = new NpgsqlConnectionStringBuilder(Data.Database.ToNpgsql(connectionString));
        var admin = new NpgsqlConnectionStringBuilder(given.ConnectionString) { Database = string.IsNullOrEmpty(given.Database) ? "postgres" : given.Database, Pooling = false };
        var database = NewDatabaseName();
        var server = new PgServer(null, null, admin.ConnectionString, database, $"existing PostgreSQL server {given.Host}:{given.Port}, database {database} (made for this run)");
        server.Register();
        try
        {
            await server.CreateDatabaseAsync();
        }
        catch
        {
            server.Unregister(); // nothing was made
            throw;
        }
        return server;
    }

    private static string NewDatabaseName() => $"zf_bench_{Guid.NewGuid():N}"[..21];

    private async Task CreateDatabaseAsync()
    {
        await using var conn = new NpgsqlConnection(_adminConnection);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_database}\" ENCODING 'UTF8'", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// CPU time (user and system) of every process of the throw-away cluster: the postmaster with the time of its children
    /// that have ended, and each live child (backends, WAL writer, checkpointer...). Null for an existing server.
    /// </summary>
    public TimeSpan? CpuTime()
    {
        if (_clusterDir is null || !File.Exists(Path.Combine(_clusterDir, "data", "postmaster.pid")))
        {
            return null;
        }
        var postmaster = int.Parse(File.ReadLines(Path.Combine(_clusterDir, "data", "postmaster.pid")).First().Trim(), CultureInfo.InvariantCulture);
        long ticks = 0;
        foreach (var proc in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(proc), out var pid) || ReadStat(pid) is not { } stat)
            {
                continue;
            }
            if (pid == postmaster)
            {
                ticks += stat.UserTime + stat.SystemTime + stat.ChildrenUserTime + stat.ChildrenSystemTime;
            }
            else if (stat.ParentPid == postmaster)
            {
                ticks += stat.UserTime + stat.SystemTime;
            }
        }
        return TimeSpan.FromSeconds((double)ticks / ClockTicks.Value);
    }

    private static readonly Lazy<int> ClockTicks = new(() =>
    {
        try
        {
            var info = new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true, UseShellExecute = false };
            using var p = Process.Start(info)!;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return int.TryParse(text.Trim(), out var hz) && hz > 0 ? hz : 100;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 100;
        }
    });

    private readonly record struct ProcStat(int ParentPid, long UserTime, long SystemTime, long ChildrenUserTime, long ChildrenSystemTime);

    private static ProcStat? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        // pid (comm) state ppid ... : the command name may hold spaces and parentheses, so split after the last ')'.
        var f = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long At(int field) => long.Parse(f[field - 3], CultureInfo.InvariantCulture); // field numbers as in proc(5), state is field 3
        return new ProcStat((int)At(4), At(14), At(15), At(16), At(17));
    }

    private static bool IsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    private static async Task RunAsync(string program, IReadOnlyList<string> args, bool asPostgres)
    {
        var info = asPostgres
            ? new ProcessStartInfo("su") { ArgumentList = { "postgres", "-s", "/bin/sh", "-c", string.Join(' ', new[] { program }.Concat(args).Select(Quote)) } }
            : new ProcessStartInfo(program);
        if (!asPostgres)
        {
            foreach (var a in args)
            {
                info.ArgumentList.Add(a);
            }
        }
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        using var p = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({p.ExitCode}): {(await stderr).Trim()} {(await stdout).Trim()}");
        }
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Register()
    {
        _teardown = Teardown;
        Cleanup.Add(_teardown);
    }

    private void Unregister()
    {
        if (_teardown is not null)
        {
            Cleanup.Remove(_teardown);
            _teardown = null;
        }
    }

    /// <summary>Stops and removes the cluster, or drops the database on an existing server. Synchronous, so Ctrl-C can run it too.</summary>
    private void Teardown()
    {
        // A signal's handler and the main path's finally may both get here: the second waits for the first, then finds it done.
        lock (_gate)
        {
            if (!_tornDown)
            {
                _tornDown = true;
                TeardownOnce();
            }
        }
    }

    private void TeardownOnce()
    {
        NpgsqlConnection.ClearAllPools();
        if (_clusterDir is null)
        {
            try
            {
                using var conn = new NpgsqlConnection(_adminConnection);
                conn.Open();
                using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", conn);
                cmd.ExecuteNonQuery();
            }
            catch (NpgsqlException e)
            {
                Console.Error.WriteLine($"could not drop the benchmark database {_database}: {e.Message}");
            }
            return;
        }
        if (_bin is not null && File.Exists(Path.Combine(_clusterDir, "data", "postmaster.pid")))
        {
            try
            {
                RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_clusterDir, "data"), "-m", "immediate", "-w", "stop"], IsRoot).GetAwaiter().GetResult();
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine($"could not stop the benchmark's PostgreSQL cluster: {e.Message}");
            }
        }
        try
        {
            Directory.Delete(_clusterDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        Unregister();
        Teardown();
        return ValueTask.CompletedTask;
    }
}

/// <summary>What must go when the benchmark ends early (Ctrl-C, SIGTERM): app processes, the PostgreSQL cluster or database.</summary>
public static class Cleanup
{
    private static readonly List<Action> Actions = [];
    private static readonly List<PosixSignalRegistration> Signals = [];
    private static int _hooked;

    public static void Add(Action action)
    {
        if (Interlocked.Exchange(ref _hooked, 1) == 0)
        {
            // The signal's own action (ending the process) follows the handler.
            foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
            {
                Signals.Add(PosixSignalRegistration.Create(signal, _ => RunAll()));
            }
            AppDomain.CurrentDomain.ProcessExit += (_, _) => RunAll();
        }
        lock (Actions)
        {
            Actions.Add(action);
        }
    }

    public static void Remove(Action action)
    {
        lock (Actions)
        {
            Actions.Remove(action);
        }
    }

    /// <summary>Newest first: app processes before the database they use.</summary>
    private static void RunAll()
    {
        List<Action> todo;
        lock (Actions)
        {
            todo = [.. Actions];
            Actions.Clear();
        }
        todo.Reverse();
        foreach (var action in todo)
        {
            try
            {
                action();
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"cleanup: {e.Message}");
            }
        }
    }
}
