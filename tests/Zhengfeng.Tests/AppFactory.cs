using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Zhengfeng.Data;

namespace Zhengfeng.Tests;

/// <summary>
/// The whole app over HTTP, on a fresh database per fixture: a SQLite file in a temp folder, or, when
/// ZHENGFENG_TEST_PG holds a server connection string, a new PostgreSQL database on that server.
/// Time is a <see cref="FakeTimeProvider"/> starting on a Monday morning in China time.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "Zhili#Shuzi2026";
    public const string Password = "Gongwen#2026";

    /// <summary>A request header the test host reads as the client's network address (the test server has none).</summary>
    public const string AddressHeader = "X-Test-Client-Address";

    private readonly string _dataDir = Directory.CreateTempSubdirectory("zf-test-").FullName;
    private readonly string? _pgServer = Environment.GetEnvironmentVariable("ZHENGFENG_TEST_PG") is { Length: > 0 } pg ? pg : null;
    private readonly string _pgDatabase = "zf_" + Guid.NewGuid().ToString("N")[..12];
    private readonly AppFactory? _primary;
    private int _seq;
    private int _cleanedUp;

    public AppFactory()
    {
    }

    /// <summary>Another instance of <paramref name="primary"/>'s deployment: the same database and keys, its own data folder.</summary>
    private AppFactory(AppFactory primary)
    {
        _primary = primary;
        _pgDatabase = primary._pgDatabase;
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8)));

    public bool IsPostgres => _pgServer is not null;

    public string DataDir => _dataDir;

    public string ConnectionString => _primary?.ConnectionString ?? (_pgServer is null
        ? $"Data Source={Path.Combine(_dataDir, "zhengfeng.db")}"
        : new NpgsqlConnectionStringBuilder(_pgServer) { Database = _pgDatabase }.ConnectionString);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("data", _dataDir);
        builder.UseSetting("db", ConnectionString);
        builder.UseSetting("ADMIN_PASSWORD", AdminPassword);
        if (_primary is not null)
        {
            builder.UseSetting("Security:KeysFolder", Path.Combine(_primary.DataDir, "keys"));
        }
        builder.UseSetting("jobs", "off"); // tests run the background jobs' RunOnceAsync themselves
        foreach (var kind in new[] { "Login", "Tracking", "Ballot", "Submit", "Open311" })
        {
            builder.UseSetting($"RateLimits:{kind}:PermitLimit", "1000000"); // every test signs in from one address; RateLimitTests sets its own
        }
        builder.UseEnvironment("Testing");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, ClientAddressFilter>();
        });
    }

    /// <summary>
    /// A fresh app of its own, for a test that moves the clock or changes county-wide settings, so no other test
    /// sees it: <c>await using var app = await AppFactory.StartAsync();</c>. Disposing it removes its database.
    /// </summary>
    public static Task<AppFactory> StartAsync() => StartedAsync(new AppFactory());

    /// <summary>
    /// A second app instance on <paramref name="primary"/>'s database, as several instances of one deployment run behind a load
    /// balancer: same database and keys, its own data folder, clock and memory. Disposing it leaves the database to the primary.
    /// </summary>
    public static Task<AppFactory> StartAnotherInstanceAsync(AppFactory primary) => StartedAsync(new AppFactory(primary));

    private static async Task<AppFactory> StartedAsync(AppFactory app)
    {
        try
        {
            await app.InitializeAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    public virtual async Task InitializeAsync()
    {
        if (_pgServer is not null && _primary is null)
        {
            await using var conn = new NpgsqlConnection(_pgServer);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_pgDatabase}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        StartServer(); // migrations and the bootstrap admin run here
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Stops the app, then drops its PostgreSQL database (unless it is another instance's) and deletes its data folder (once).</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Interlocked.Exchange(ref _cleanedUp, 1) == 1)
        {
            return;
        }
        if (_pgServer is not null && _primary is null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_pgServer);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        if (_pgServer is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A unique suffix for codes and usernames made by a test.</summary>
    public string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref _seq)}x{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>A client with no credentials.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    /// <summary>A client holding a bearer token got through the real token endpoint.</summary>
    public async Task<HttpClient> LoginAsync(string username, string password)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.Token);
        return client;
    }

    public Task<HttpClient> AdminAsync() => LoginAsync("admin", AdminPassword);

    /// <summary>Runs code against the app's database in its own scope (for setup and tampering, never for assertions on API results).</summary>
    public async Task WithDbAsync(Func<AppDb, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDb>());
    }

    private sealed record TokenBody(string Token, DateTimeOffset ExpiresAt);

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, nextStep) =>
            {
                if (System.Net.IPAddress.TryParse(http.Request.Headers[AddressHeader].ToString(), out var address))
                {
                    http.Connection.RemoteIpAddress = address;
                }
                await nextStep(http);
            });
            next(app);
        };
    }
}
