using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;
using Zhengfeng.Tests.Web;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Security;

/// <summary>
/// Every endpoint of the OpenAPI document × every role (and anonymous) × where the caller sits: in the unit that owns the
/// records (own), in a sibling unit (foreign), or in a section below it (parent: the record belongs to the caller's parent unit).
/// The scope rule (<c>Web/CurrentUser.cs</c>) lets county-wide roles see every unit and unit staff their own unit and the units
/// below it, so unit staff must be refused a foreign record and a parent unit's record alike.
/// Expectations come from data: the endpoint's policies as the app declares them (<see cref="EndpointAccessMap"/>), plus the two
/// short tables below. Reads are called with real ids for every cell; state changes with a malformed body, by refused roles on
/// the real record (which must be refused) and by admitted roles on an id that does not exist (which must not be a 5xx).
/// </summary>
public sealed class AccessMatrixTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    /// <summary>Reads of one unit's record: unit staff outside the unit's subtree are refused (403 or 404).</summary>
    private static readonly string[] UnitScoped =
    [
        "/api/v1/cases/{id}", "/api/v1/attachments/{attachmentId}", "/api/v1/assists/{id}", "/api/v1/clues/{id}", "/api/v1/rectifications/{id}",
        "/api/v1/supervision-notices/{id}", "/api/v1/tasks/{id}", "/api/v1/cadres/{id}", "/api/v1/exemptions/{id}", "/api/v1/rankings/units/{unitId}",
    ];

    /// <summary>Role rules that live in the workflows rather than in the endpoint's policy: only these roles are admitted.</summary>
    private static readonly Dictionary<string, string[]> WorkflowRoles = new()
    {
    };

    private enum Expect
    {
        Allowed,
        Refused,
        NoRecord,
        NoServerError,
    }

    private sealed record Cell(string Method, string Path, string Caller, Expect Expected, int Got, string Url);

    [Fact]
    public async Task Every_endpoint_admits_exactly_the_roles_and_units_its_rules_name()
    {
        var s = await AccessScenario.CreateAsync(app);
        var (_, operations) = await ApiOperations.LoadAsync(s.Cases.Admin);
        var access = await EndpointAccessMap.ReadAsync(app.Services);
        var watch = Stopwatch.StartNew();
        var cells = new List<Cell>();
        var unmatched = new List<string>();
        var notSent = 0;

        foreach (var op in operations)
        {
            if (!access.TryGetValue((op.Verb, EndpointAccessMap.Normalize(op.Path)), out var rule))
            {
                unmatched.Add($"{op.Verb} {op.Path}");
                continue;
            }
            foreach (var (role, scope, client) in Callers(s))
            {
                if (await CallAsync(s, op, rule, role, scope, client) is { } cell)
                {
                    cells.Add(cell);
                }
                else
                {
                    notSent++;
                }
            }
        }

        var wrong = cells.Where(c => !Matches(c.Expected, c.Got, c.Caller == "anonymous")).ToList();
        var endpoints = cells.Select(c => (c.Method, c.Path)).Distinct().Count();
        output.WriteLine($"access matrix: {endpoints} endpoints × {Roles.All.Count} roles × {Enum.GetValues<Scope>().Length} scopes + anonymous = {cells.Count} cells "
            + $"({cells.Count(c => c.Method == "GET")} reads, {cells.Count(c => c.Method != "GET")} state changes), {wrong.Count} mismatches, "
            + $"{notSent} not sent (state changes that name no record), {watch.Elapsed.TotalSeconds:F0} s");
        foreach (var missing in s.NotMade)
        {
            output.WriteLine($"record not made (its ids are filled with one that does not exist): {missing}");
        }
        var report = new StringBuilder();
        foreach (var c in wrong)
        {
            report.AppendLine($"{c.Method} {c.Path} as {c.Caller}: expected {c.Expected}, got {c.Got} ({c.Url})");
        }
        output.WriteLine(report.ToString());
        Assert.True(unmatched.Count == 0, "operations without an endpoint: " + string.Join(", ", unmatched));
        Assert.True(endpoints > 100, $"only {endpoints} endpoints: the OpenAPI document was not walked");
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {cells.Count} cells differ from the rules:\n{report}");
    }

    private static IEnumerable<(string? Role, Scope Scope, HttpClient Client)> Callers(AccessScenario s)
    {
        yield return (null, Scope.Own, s.Anonymous);
        foreach (var ((role, scope), client) in s.Callers)
        {
            yield return (role, scope, client);
        }
    }

    private static async Task<Cell?> CallAsync(AccessScenario s, ApiOperation op, EndpointAccess rule, string? role, Scope scope, HttpClient client)
    {
        var admitted = rule.Admits(role) && (!WorkflowRoles.TryGetValue(op.Path, out var only) || (role is not null && only.Contains(role)));
        var outsideUnit = role is not null && !Roles.CountyWide.Contains(role) && scope != Scope.Own && UnitScoped.Any(p => op.Path.StartsWith(p, StringComparison.Ordinal));
        var missing = false;
        string Real(string name, string before)
        {
            if (s.Ids.TryGetValue(name, out var id) || s.Ids.TryGetValue(before, out id))
            {
                return id;
            }
            missing = true;
            return "nosuch" + name;
        }
        var caller = role is null ? "anonymous" : $"{role}/{scope.ToString().ToLowerInvariant()}";
        if (!op.IsSafe && admitted)
        {
            // An admitted role changing state: an id that does not exist, so nothing real changes; skip calls that name nothing.
            if (!op.HasBody && !ApiOperations.Parameters(op.Path).Any(p => p != "format"))
            {
                return null;
            }
            return await SendAsync(client, op, ApiOperations.Fill(op.Path, "nosuch"), caller, Expect.NoServerError);
        }
        var url = ApiOperations.Fill(op.Path, Real) + Query(s, op);
        var expected = !admitted || outsideUnit ? Expect.Refused : missing ? Expect.NoRecord : op.IsSafe ? Expect.Allowed : Expect.NoServerError;
        return await SendAsync(client, op, url, caller, expected);
    }

    private static async Task<Cell> SendAsync(HttpClient client, ApiOperation op, string url, string caller, Expect expected)
    {
        using var message = new HttpRequestMessage(new HttpMethod(op.Verb), url);
        if (!op.IsSafe)
        {
            message.Content = new StringContent("{", Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(message);
        return new Cell(op.Verb, op.Path, caller, expected, (int)response.StatusCode, url);
    }

    private static string Query(AccessScenario s, ApiOperation op)
    {
        var values = op.QueryParameters(requiredOnly: true).Select(name => name + "=" + Uri.EscapeDataString(name switch
        {
            "unitId" => s.Unit,
            "year" => "2026",
            "period" or "month" => "2026-11",
            "from" => "2026-11-01",
            "to" => "2026-11-30",
            "date" => "2026-11-02",
            _ => "1",
        })).ToList();
        return values.Count == 0 ? "" : "?" + string.Join('&', values);
    }

    private static bool Matches(Expect expected, int got, bool anonymous) => expected switch
    {
        Expect.Allowed => got is >= 200 and < 300 or 400 or 409 or 410 or 422,
        Expect.Refused => anonymous ? got == 401 : got is 403 or 404,
        Expect.NoRecord => got is 401 or 403 or 404,
        _ => got < 500,
    };
}
