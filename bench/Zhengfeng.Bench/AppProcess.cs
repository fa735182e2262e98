using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Zhengfeng.Bench;

/// <summary>
/// The real app, started as its own process on 127.0.0.1 with a fresh data folder: on SQLite (the default, a file in that
/// folder) or on a PostgreSQL database that several instances share, with one key folder for all of them (token signing,
/// data protection, reporter identity), as instances behind one address are set up.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string AdminPassword = "Bench@Admin2026";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Action _kill;

    public Uri BaseAddress { get; }
    public string DataDir { get; }
    public string DatabaseFile => Path.Combine(DataDir, "zhengfeng.db");

    /// <summary>CPU time the app's process has used so far (user and system, all threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Resident memory now and at its peak (VmRSS and VmHWM of /proc/PID/status, in MB), or the working set where /proc is missing.</summary>
    public (double RssMb, double? PeakMb) Memory()
    {
        var status = $"/proc/{_process.Id}/status";
        if (File.Exists(status))
        {
            double? Field(string name) => File.ReadLines(status).Where(l => l.StartsWith(name + ":", StringComparison.Ordinal))
                .Select(l => (double?)long.Parse(l[(name.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024).FirstOrDefault();
            return (Field("VmRSS") ?? 0, Field("VmHWM"));
        }
        _process.Refresh();
        return (_process.WorkingSet64 / 1048576.0, _process.PeakWorkingSet64 / 1048576.0);
    }

    private AppProcess(Process process, Uri baseAddress, string dataDir)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDir = dataDir;
        _kill = Kill;
        Cleanup.Add(_kill);
    }

    /// <param name="db">The app's --db (a PostgreSQL connection string), or null for SQLite in the data folder.</param>
    /// <param name="keysFolder">Security:KeysFolder shared by the instances, or null for keys/ in the data folder.</param>
    public static async Task<AppProcess> StartAsync(string synchronous, bool serverGc, string? db = null, string? keysFolder = null)
    {
        var dataDir = Directory.CreateTempSubdirectory("zf-bench-").FullName;
        var port = FreePort();
        var appDll = typeof(global::Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { appDll, "serve", "--urls", $"http://127.0.0.1:{port}", "--data", dataDir })
        {
            info.ArgumentList.Add(arg);
        }
        if (db is not null)
        {
            info.ArgumentList.Add("--db");
            info.ArgumentList.Add(db);
        }
        if (keysFolder is not null)
        {
            info.Environment["ZHENGFENG_Security__KeysFolder"] = keysFolder;
        }
        info.Environment["ZHENGFENG_ADMIN_PASSWORD"] = AdminPassword;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_gcServer"] = serverGc ? "1" : "0"; // the app ships with server GC (the web SDK's default)
        info.Environment["ZHENGFENG_Database__Synchronous"] = synchronous;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the app");
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"), dataDir);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitHealthyAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    /// <summary>The app's own start-up line naming the SQLite synchronous mode it applies to every connection.</summary>
    public string? SynchronousLine()
    {
        lock (_output)
        {
            return _output.ToString().Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("synchronous=", StringComparison.Ordinal));
        }
    }

    public string RecentOutput()
    {
        lock (_output)
        {
            var text = _output.ToString();
            return text.Length > 4000 ? text[^4000..] : text;
        }
    }

    private readonly List<string> _problems = [];

    /// <summary>How many lines the app logged at warning level or worse (or naming an exception) since it started.</summary>
    public int ProblemCount { get; private set; }

    /// <summary>The first such lines (up to 20).</summary>
    public IReadOnlyList<string> Problems()
    {
        lock (_output)
        {
            return [.. _problems];
        }
    }

    private static bool IsProblem(string line)
        => line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal) || line.StartsWith("warn:", StringComparison.Ordinal)
            || line.Contains("Exception", StringComparison.Ordinal) || line.Contains("[ERR]", StringComparison.Ordinal) || line.Contains("[WRN]", StringComparison.Ordinal);

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            if (_problems.Count > 0 && _problems[^1].EndsWith(']') && line.StartsWith("      ", StringComparison.Ordinal))
            {
                _problems[^1] += " " + (line.Trim().Length > 300 ? line.Trim()[..300] : line.Trim()); // the message under a "warn: Category[id]" line
            }
            if (IsProblem(line))
            {
                ProblemCount++;
                if (_problems.Count < 20)
                {
                    _problems.Add(line.Length > 300 ? line[..300] : line);
                }
            }
            _output.AppendLine(line);
            if (_output.Length > 64_000)
            {
                _output.Remove(0, 32_000);
            }
        }
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the app exited with code {_process.ExitCode}:\n{RecentOutput()}");
            }
            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the app did not answer /healthz within 90 s:\n{RecentOutput()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Ends the process (also from the Ctrl-C handler, which cannot wait asynchronously).</summary>
    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
            Directory.Delete(DataDir, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        Cleanup.Remove(_kill);
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
