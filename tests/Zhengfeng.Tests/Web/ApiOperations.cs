using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Zhengfeng.Tests.Web;

/// <summary>One operation of the app's OpenAPI document: its path template, lower-case method and the operation node.</summary>
public sealed record ApiOperation(string Path, string Method, JsonNode Operation)
{
    public string Verb => Method.ToUpperInvariant();

    public bool IsSafe => Method == "get";

    public bool HasBody => Operation["requestBody"] is not null;

    public IEnumerable<string> QueryParameters(bool requiredOnly = false)
        => (Operation["parameters"]?.AsArray() ?? [])
            .Where(p => (string?)p!["in"] == "query" && (!requiredOnly || (bool?)p["required"] == true))
            .Select(p => (string)p!["name"]!);
}

/// <summary>
/// The operations of <c>GET /openapi/v1.json</c>, walked by the tests that must cover every endpoint (input fuzzing, the
/// authorization matrix), so that a new endpoint is covered by both without anyone listing it.
/// </summary>
public static partial class ApiOperations
{
    public static async Task<(JsonNode Doc, IReadOnlyList<ApiOperation> Operations)> LoadAsync(HttpClient client)
    {
        var doc = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var operations = doc["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(m => m.Key is "get" or "post" or "put" or "patch" or "delete")
                .Select(m => new ApiOperation(path.Key, m.Key, m.Value!)))
            .ToList();
        return (doc, operations);
    }

    /// <summary>The path with every parameter replaced (<c>{format}</c> always by <c>json</c>).</summary>
    public static string Fill(string path, string value) => Fill(path, (_, _) => value);

    /// <summary>The path with each parameter replaced by <paramref name="value"/>(parameter name, the path segment before it).</summary>
    public static string Fill(string path, Func<string, string, string> value)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var before = i > 0 ? segments[i - 1] : "";
            segments[i] = Parameter().Replace(segments[i], m => m.Groups["name"].Value == "format" ? "json" : Uri.EscapeDataString(value(m.Groups["name"].Value, before)));
        }
        return string.Join('/', segments);
    }

    /// <summary>The names of the path's parameters.</summary>
    public static IEnumerable<string> Parameters(string path) => Parameter().Matches(path).Select(m => m.Groups["name"].Value);

    [GeneratedRegex(@"\{(?<name>[^}:]+)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}
