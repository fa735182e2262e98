using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zhengfeng.Tests.Web;

/// <summary>
/// No input is a server fault: every endpoint of the OpenAPI document, called by an admin and by unit staff with dates and
/// periods out of range, pages and sizes out of range, ids that do not exist, over-long strings and bodies of the wrong
/// shape, answers below 500. Bounded: one bad value at a time, a few thousand requests.
/// </summary>
public sealed class InputFuzzTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] BadQueryValues =
        ["0001-01-01", "9999-12-31", "9999-12", "0000-00", "9999-Q4", "garbage", "-1", "0", "2147483647", "99999999999999999999", new string('长', 3000)];

    /// <summary>Unit staff get fewer values: their runs differ from the admin's in scope, not in parsing.</summary>
    private static readonly string[] UnitQueryValues = ["0001-01-01", "9999-12", "2147483647", new string('长', 3000)];

    private static readonly string[] Skipped = ["logout", "sessions"]; // would end the fuzzing client's own sign-in

    [Fact]
    public async Task No_endpoint_answers_5xx_to_malformed_input()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var unitStaff = await admin.UserAsync(app, await admin.CreateUnitAsync(app, "township", root), "unit");
        var (doc, operations) = await ApiOperations.LoadAsync(admin);
        var failures = new List<string>();
        var sent = 0;

        foreach (var op in operations.Where(o => !Skipped.Any(o.Path.Contains)))
        {
            foreach (var (request, asUnit) in Requests(doc, op))
            {
                foreach (var client in asUnit ? new[] { admin, unitStaff } : [admin])
                {
                    using var message = request.Build();
                    var response = await client.SendAsync(message);
                    sent++;
                    if ((int)response.StatusCode >= 500)
                    {
                        var body = await response.Content.ReadAsStringAsync();
                        failures.Add($"{op.Verb} {Short(request.Url)} body={Short(request.Body ?? "-")} -> {(int)response.StatusCode} {Short(body)}");
                    }
                }
            }
        }
        Assert.True(sent > 500, $"only {sent} requests: the OpenAPI document was not walked");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests got 5xx:\n" + string.Join("\n", failures.Distinct().Take(60)));
    }

    [Theory]
    [InlineData("/api/v1/cases?from=0001-01-01", "from")]
    [InlineData("/api/v1/cases?to=9999-12-31", "to")]
    [InlineData("/api/v1/cases?page=2147483647", "page")]
    [InlineData("/api/v1/cases?pageSize=0", "pageSize")]
    [InlineData("/api/v1/rankings/units?period=9999-12", "period")]
    [InlineData("/api/v1/calendar/add-workdays?from=9999-12-31&days=3650", "from")]
    [InlineData("/api/v1/watch/zero-report?period=9999-12", "period")]
    public async Task Out_of_range_input_is_a_400_naming_the_field(string url, string field)
    {
        var detail = await (await (await app.AdminAsync()).GetAsync(url)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, detail);
    }

    private sealed record Probe(string Method, string Url, string? Body, string? ContentType = "application/json")
    {
        public HttpRequestMessage Build()
        {
            var message = new HttpRequestMessage(new HttpMethod(Method), Url);
            if (Body is not null)
            {
                message.Content = new StringContent(Body, Encoding.UTF8, ContentType ?? "application/json");
            }
            return message;
        }
    }

    private static IEnumerable<(Probe Request, bool AsUnit)> Requests(JsonNode doc, ApiOperation op)
    {
        var unitValues = UnitQueryValues.ToHashSet();
        return Probes(doc, op)
            .Select(p => (p, p.Body is null or "{}" && (!p.Url.Contains('?') || unitValues.Any(v => p.Url.EndsWith(Uri.EscapeDataString(v), StringComparison.Ordinal)))));
    }

    private static IEnumerable<Probe> Probes(JsonNode doc, ApiOperation op)
    {
        var (path, verb, operation) = (op.Path, op.Verb, op.Operation);
        var query = op.QueryParameters().ToList();
        var fill = ApiOperations.Fill(path, "nosuch");
        var hasBody = verb is "POST" or "PUT" or "PATCH";
        var okBody = hasBody ? "{}" : null;

        // Path values: ids that do not exist, over-long, numbers out of range.
        foreach (var value in new[] { "nosuch", new string('x', 3000), "2147483647" })
        {
            yield return new Probe(verb, ApiOperations.Fill(path, value), okBody);
        }
        // Query values one at a time.
        foreach (var name in query)
        {
            foreach (var value in BadQueryValues)
            {
                yield return new Probe(verb, $"{fill}?{name}={Uri.EscapeDataString(value)}", okBody);
            }
        }
        if (!hasBody)
        {
            yield break;
        }
        // Bodies of the wrong shape, wrong types per property, out-of-range dates, over-long strings.
        foreach (var body in new[] { "[]", "\"text\"", "12", "{", "null", "{\"x\":" + new string('1', 400) + "}" })
        {
            yield return new Probe(verb, fill, body);
        }
        yield return new Probe(verb, fill, "a=1&b=2", "application/x-www-form-urlencoded");
        var properties = Properties(doc, operation);
        if (properties.Count == 0)
        {
            yield break;
        }
        yield return new Probe(verb, fill, Object(properties, (_, schema) => WrongType(schema)));
        yield return new Probe(verb, fill, Object(properties, (_, schema) => Plausible(schema, longText: true)));
        foreach (var extreme in new[] { "0001-01-01", "9999-12-31" })
        {
            if (properties.Any(p => IsDate(p.Value)))
            {
                yield return new Probe(verb, fill, Object(properties, (_, schema) => IsDate(schema) ? DateValue(schema, extreme) : Plausible(schema, longText: false)));
            }
        }
        yield return new Probe(verb, fill, Object(properties, (_, schema) => IsNumber(schema) ? JsonValue.Create(2147483647L * 4) : Plausible(schema, longText: false)));
        yield return new Probe(verb, fill, Object(properties, (_, schema) => IsNumber(schema) ? JsonValue.Create(-1) : Plausible(schema, longText: false)));
    }

    private static List<KeyValuePair<string, JsonNode>> Properties(JsonNode doc, JsonNode operation)
    {
        var content = operation["requestBody"]?["content"]?.AsObject();
        var schema = content?.FirstOrDefault(c => c.Key.Contains("json")).Value?["schema"];
        schema = Resolve(doc, schema);
        return schema?["properties"]?.AsObject().Select(p => new KeyValuePair<string, JsonNode>(p.Key, Resolve(doc, p.Value) ?? new JsonObject())).ToList() ?? [];
    }

    private static JsonNode? Resolve(JsonNode doc, JsonNode? schema)
    {
        for (var i = 0; i < 5 && schema?["$ref"] is { } reference; i++)
        {
            schema = doc["components"]!["schemas"]![((string)reference!).Split('/')[^1]];
        }
        return schema;
    }

    private static string Object(List<KeyValuePair<string, JsonNode>> properties, Func<string, JsonNode, JsonNode?> value)
    {
        var o = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            o[name] = value(name, schema);
        }
        return o.ToJsonString();
    }

    private static IEnumerable<string> Types(JsonNode schema)
        => schema["type"] switch
        {
            JsonArray a => a.Select(t => (string?)t ?? ""),
            JsonValue v => [(string?)v ?? ""],
            _ => schema["enum"] is not null ? ["string"] : [],
        };

    private static bool IsDate(JsonNode schema) => (string?)schema["format"] is "date" or "date-time";

    private static bool IsNumber(JsonNode schema) => Types(schema).Any(t => t is "integer" or "number");

    private static JsonValue DateValue(JsonNode schema, string day)
        => (string?)schema["format"] == "date" ? JsonValue.Create(day)! : JsonValue.Create(day + (day.StartsWith("0001", StringComparison.Ordinal) ? "T00:00:00+00:00" : "T23:59:59+00:00"))!;

    private static JsonValue? WrongType(JsonNode schema)
    {
        var types = Types(schema).ToList();
        return types.Contains("string") ? JsonValue.Create(12345)
            : types.Contains("array") ? JsonValue.Create("x")
            : types.Contains("object") ? JsonValue.Create(1)
            : JsonValue.Create("x");
    }

    private static JsonNode? Plausible(JsonNode schema, bool longText)
    {
        var types = Types(schema).ToList();
        if (schema["enum"] is JsonArray e && e.Count > 0)
        {
            return e[0]?.DeepClone();
        }
        if (IsDate(schema))
        {
            return DateValue(schema, "2026-11-02");
        }
        return types.Contains("string") ? JsonValue.Create(longText ? new string('长', 20000) : "nosuch")
            : types.Contains("integer") || types.Contains("number") ? JsonValue.Create(1)
            : types.Contains("boolean") ? JsonValue.Create(true)
            : types.Contains("array") ? new JsonArray(longText ? JsonValue.Create(new string('长', 5000)) : JsonValue.Create("nosuch"))
            : null;
    }

    private static string Short(string text) => text.Length > 160 ? text[..160] + "…" : text;
}
