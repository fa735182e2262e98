using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Zhengfeng.Tests.Data;

/// <summary>
/// A case the API answered 201 for must survive the server being killed without warning (SIGKILL, no shutdown):
/// the real app runs as a child process, is killed in the middle of concurrent creates, and is started again on the same data.
/// </summary>
public sealed class CrashDurabilityTests
{
    private const string AdminPassword = "Beng#Kui2026";
    private const string Password = "Gongwen#2026";

    [Fact]
    public async Task Every_acknowledged_case_is_there_after_the_server_is_killed_mid_load()
    {
        await using var store = await Store.CreateAsync();
        string unitId;
        var acknowledged = new ConcurrentBag<string>();
        await using (var first = await ChildApp.StartAsync(store))
        {
            using var admin = await first.LoginAsync("admin", AdminPassword);
            var units = await admin.GetFromJsonAsync<JsonElement>("/api/v1/units");
            unitId = units.EnumerateArray().First(u => u.GetProperty("kind").GetString() == "county").GetProperty("id").GetString()!;
            var created = await admin.PostAsJsonAsync("/api/v1/users",
                new { username = "crash-operator", password = Password, displayName = "受理员", unitId, roles = new[] { "operator" } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var clients = new List<HttpClient>();
            for (var c = 0; c < 8; c++)
            {
                clients.Add(await first.LoginAsync("crash-operator", Password));
            }
            var workers = clients.Select((client, c) => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    try
                    {
                        using var response = await client.PostAsJsonAsync("/api/v1/cases", new
                        {
                            kind = "complaint", categoryCode = "roads", title = $"井盖缺失 {c}-{n}",
                            content = $"幸福路人行道井盖缺失，请尽快处理。{c}-{n}", channel = "hotline",
                        }, stop.Token);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var body = await response.Content.ReadFromJsonAsync<JsonElement>(stop.Token);
                            acknowledged.Add(body.GetProperty("id").GetString()!);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException or JsonException)
                    {
                        return; // the server is gone: nothing after this was acknowledged
                    }
                }
            })).ToList();

            // Kill once the load is well under way, while requests are still in flight.
            var started = Stopwatch.StartNew();
            while (acknowledged.Count < 150 && started.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(20);
            }
            first.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(workers);
            clients.ForEach(c => c.Dispose());
        }
        Assert.True(acknowledged.Count >= 20, $"only {acknowledged.Count} creates were acknowledged before the kill");

        await using (var second = await ChildApp.StartAsync(store))
        {
            using var operatorClient = await second.LoginAsync("crash-operator", Password);
            var missing = new List<string>();
            foreach (var id in acknowledged)
            {
                using var response = await operatorClient.GetAsync($"/api/v1/cases/{id}");
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    missing.Add($"{id} ({(int)response.StatusCode})");
                }
            }
            Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged cases are gone: {string.Join(", ", missing.Take(10))}");
        }

        var (exitCode, output) = await ChildApp.RunToEndAsync(store, "audit", "verify");
        Assert.True(exitCode == 0, $"audit verify exited {exitCode}:\n{output}");
    }

    /// <summary>Where the child's data lives: a temp folder (SQLite), or a fresh database on the test PostgreSQL server.</summary>
    private sealed class Store : IAsyncDisposable
    {
        private readonly string? _pgServer;
        private readonly string _pgDatabase = "zf_crash_" + Guid.NewGuid().ToString("N")[..10];

        public string DataDir { get; } = Directory.CreateTempSubdirectory("zf-crash-").FullName;

        public string? Db => _pgServer is null ? null : new NpgsqlConnectionStringBuilder(_pgServer) { Database = _pgDatabase }.ConnectionString;

        private Store(string? pgServer) => _pgServer = pgServer;

        public static async Task<Store> CreateAsync()
        {
            var store = new Store(Environment.GetEnvironmentVariable("ZHENGFENG_TEST_PG") is { Length: > 0 } pg ? pg : null);
            if (store._pgServer is not null)
            {
                await using var conn = new NpgsqlConnection(store._pgServer);
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE {store._pgDatabase}", conn);
                await cmd.ExecuteNonQueryAsync();
            }
            return store;
        }

        public IEnumerable<string> Arguments()
        {
            yield return "--data";
            yield return DataDir;
            if (Db is { } db)
            {
                yield return "--db";
                yield return db;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_pgServer is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var conn = new NpgsqlConnection(_pgServer);
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)", conn);
                await cmd.ExecuteNonQueryAsync();
            }
            try
            {
                Directory.Delete(DataDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The built app run as <c>dotnet zhengfeng.dll …</c>: the dotnet host runs the app in its own process, no shell between.</summary>
    private sealed class ChildApp : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private Uri BaseAddress { get; }

        private ChildApp(Process process, Uri baseAddress)
        {
            _process = process;
            BaseAddress = baseAddress;
        }

        public static async Task<ChildApp> StartAsync(Store store)
        {
            var port = FreePort();
            var process = Start(["serve", "--urls", $"http://127.0.0.1:{port}", .. store.Arguments()]);
            var app = new ChildApp(process, new Uri($"http://127.0.0.1:{port}"));
            process.OutputDataReceived += (_, e) => app.Keep(e.Data);
            process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await app.WaitHealthyAsync();
            return app;
        }

        public static async Task<(int ExitCode, string Output)> RunToEndAsync(Store store, params string[] verb)
        {
            using var process = Start([.. verb, .. store.Arguments()]);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout + await stderr);
        }

        private static Process Start(IEnumerable<string> args)
        {
            var appDll = typeof(Program).Assembly.Location;
            var info = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(appDll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(appDll);
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }
            info.Environment["ZHENGFENG_ADMIN_PASSWORD"] = AdminPassword;
            info.Environment["ZHENGFENG_JOBS"] = "off";
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            info.Environment.Remove("ZHENGFENG_DB");
            return Process.Start(info) ?? throw new InvalidOperationException("could not start the app");
        }

        public async Task<HttpClient> LoginAsync(string username, string password)
        {
            var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password });
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"sign-in as {username}: {(int)response.StatusCode}\n{Recent()}");
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        /// <summary>SIGKILL on Linux: no shutdown hooks, no flush, the process ends where it stands.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        private void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_output)
            {
                _output.AppendLine(line);
                if (_output.Length > 32_000)
                {
                    _output.Remove(0, 16_000);
                }
            }
        }

        private string Recent()
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }

        private async Task WaitHealthyAsync()
        {
            using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                Assert.False(_process.HasExited, $"the app exited with code {(_process.HasExited ? _process.ExitCode : 0)}:\n{Recent()}");
                try
                {
                    if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                }
                await Task.Delay(200);
            }
            Assert.Fail($"the app did not answer /healthz within 60 s:\n{Recent()}");
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
    }
}
