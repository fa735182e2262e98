using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Zhengfeng.Bench;

/// <summary>Accounts and units made through the public API, and one pooled HttpClient per account.</summary>
public sealed class Api(Uri baseAddress, int connections)
{
    public const string Password = "Bench#Pass2026";

    public HttpClient Client(string? token = null)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(connections, 4),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    public async Task<HttpClient> LoginAsync(string username, string password) => Client(await TokenAsync(username, password));

    /// <summary>A bearer token; instances that share the key folder (and the database's sessions) all accept it.</summary>
    public async Task<string> TokenAsync(string username, string password)
    {
        using var anonymous = Client();
        var token = await PostAsync(anonymous, "/api/v1/auth/token", new { username, password }, HttpStatusCode.OK);
        return token.GetProperty("token").GetString()!;
    }

    public static async Task<string> RootUnitIdAsync(HttpClient admin)
    {
        var units = await admin.GetFromJsonAsync<JsonElement>("/api/v1/units");
        return units.EnumerateArray().First(u => u.GetProperty("parentId").ValueKind == JsonValueKind.Null).GetProperty("id").GetString()!;
    }

    public static async Task<string> CreateUnitAsync(HttpClient admin, string parentId, string code, string name, string kind = "department")
        => (await PostAsync(admin, "/api/v1/units", new { name, code, parentId, kind }, HttpStatusCode.Created)).GetProperty("id").GetString()!;

    /// <summary>Makes the root (the first start's 县（区）) a city.</summary>
    public static async Task MakeCityAsync(HttpClient admin, string rootId)
    {
        using var response = await admin.PutAsJsonAsync($"/api/v1/units/{rootId}", new { name = "压测市", code = "BENCHCITY", kind = "city" });
        response.EnsureSuccessStatusCode();
    }

    public static async Task CreateUserAsync(HttpClient admin, string unitId, string username, params string[] roles)
        => await PostAsync(admin, "/api/v1/users", new { username, password = Password, displayName = username, unitId, roles }, HttpStatusCode.Created);

    public static async Task<JsonElement> PostAsync(HttpClient client, string url, object body, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"POST {url}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        }
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<string> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url}: got {(int)response.StatusCode}: {text}");
        }
        return text;
    }
}
