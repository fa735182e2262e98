using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Zhengfeng.Tests;

/// <summary>Small helpers that make tests read like what a user does.</summary>
public static class TestApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
        => (await response.Content.ReadFromJsonAsync<JsonElement>(Json));

    public static async Task<JsonElement> PostOkAsync(this HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {url}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetOkAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a problem-details refusal with the given status and returns its detail.</summary>
    public static async Task<string> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        return detail!;
    }

    public static string Id(this JsonElement e) => e.GetProperty("id").GetString()!;

    public static async Task<string> RootUnitIdAsync(this HttpClient admin)
    {
        var units = await admin.GetOkAsync("/api/v1/units");
        return units.EnumerateArray().First(u => u.GetProperty("kind").GetString() == "county").Id();
    }

    public static async Task<string> CreateUnitAsync(this HttpClient admin, AppFactory app, string kind = "department", string? parentId = null, string? name = null)
    {
        parentId ??= await admin.RootUnitIdAsync();
        var code = app.Unique("u");
        var unit = await admin.PostOkAsync("/api/v1/units", new { name = name ?? "测试单位" + code, code, parentId, kind }, HttpStatusCode.Created);
        return unit.Id();
    }

    /// <summary>Creates an account with the given roles in the unit and returns a logged-in client for it.</summary>
    public static async Task<HttpClient> UserAsync(this HttpClient admin, AppFactory app, string unitId, params string[] roles)
    {
        var username = app.Unique("user");
        await admin.PostOkAsync("/api/v1/users", new { username, password = AppFactory.Password, displayName = "测试用户", unitId, roles }, HttpStatusCode.Created);
        return await app.LoginAsync(username, AppFactory.Password);
    }
}
