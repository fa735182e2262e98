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
    /// <summary>Reads of one unit's record: unit staff outside the unit's subtree are refused (403 or 404). Prefixes of templates.</summary>
    private static readonly string[] UnitScoped =
    [
        "/api/v1/cases/{id}", "/api/v1/attachments/{attachmentId}", "/api/v1/assists/{id}", "/api/v1/clues/{id}", "/api/v1/rectifications/{id}",
        "/api/v1/supervision-notices/{id}", "/api/v1/tasks/{id}", "/api/v1/cadres/{id}", "/api/v1/exemptions/{id}", "/api/v1/rankings/units/{unitId}",
        "/api/v1/campaigns/{id}", "/api/v1/services/items/{itemId}", "/api/v1/services/visits/{visitId}",
        "/api/v1/attendance/months/{month}/units/{unitId}", "/api/v1/attendance/months/{month}/cadres/{cadreId}",
    ];

    private static readonly string[] Oversight = [Roles.Supervisor, Roles.Inspector, Roles.Leader, Roles.Admin];
    private static readonly string[] NotHotline = [.. Roles.All.Except([Roles.Operator, Roles.Dispatcher])];

    /// <summary>
    /// Role rules that live in the workflows rather than in the endpoint's policy: only these roles may read (exact templates).
    /// An empty list: nobody without a key of another kind (Open311's api_key).
    /// </summary>
    private static readonly Dictionary<string, string[]> WorkflowRoles = new()
    {
        ["/api/v1/cases/{id}/reporter"] = [Roles.Operator, Roles.Dispatcher, Roles.Inspector, Roles.Admin], // 诉求人身份 only where it is needed (and below)
        ["/api/v1/clues/{id}"] = [.. Roles.All.Except([Roles.Unit])], // a unit reads only the clues it reported about itself (自查自纠)
        ["/api/v1/clues/{id}/attachments"] = [.. Roles.All.Except([Roles.Unit])],
        ["/api/v1/tasks"] = NotHotline,
        ["/api/v1/tasks/export.xlsx"] = NotHotline,
        ["/api/v1/tasks/{id}"] = NotHotline,
        ["/api/v1/tasks/{id}/progress-draft"] = NotHotline,
        ["/api/v1/assists"] = NotHotline,
        ["/api/v1/assists/export.xlsx"] = NotHotline,
        ["/api/v1/assists/{id}"] = NotHotline,
        ["/api/v1/cadres/{id}/assessments"] = NotHotline,
        ["/api/v1/campaigns/{id}/progress"] = [Roles.Supervisor, Roles.Leader, Roles.Admin],
        ["/api/v1/campaigns/{id}/ledger"] = Oversight,
        ["/api/v1/campaigns/{id}/ledger.xlsx"] = Oversight,
        ["/api/v1/campaigns/{id}/progress-bulletin.docx"] = Oversight,
        ["/api/v1/campaigns/{id}/summary.docx"] = Oversight,
        ["/api/v1/campaigns/{id}/reports/draft"] = [Roles.Unit], // participating units draft their own report
        ["/open311/v2/requests.{format}"] = [], // a search by conditions needs an Open311 api_key
        ["/api/v1/unit-staff"] = [], // only a unit head (单位负责人), which none of the matrix's unit accounts is
        // 暗访: a visitor reads only the plans naming them (none of the matrix's), the report is the office's
        ["/api/v1/inspections/{id}"] = [Roles.Supervisor, Roles.Inspector],
        ["/api/v1/inspections/{id}/report"] = [Roles.Supervisor, Roles.Inspector],
        ["/api/v1/inspections/{id}/report.xlsx"] = [Roles.Supervisor, Roles.Inspector],
        ["/api/v1/inspections/sheets/{sheetId}"] = [Roles.Supervisor, Roles.Inspector],
        ["/api/v1/inspections/sheets/{sheetId}/photos/{attachmentId}"] = [Roles.Supervisor, Roles.Inspector],
    };

    /// <summary>Reads the lead unit's own staff (and its sections) may also make while the case is open: the reporter's phone.</summary>
    private static readonly string[] LeadUnitReads = ["/api/v1/cases/{id}/reporter"];

    private enum Expect
    {
        Allowed,
        Refused,
        NoRecord,
        NoServerError,
    }

    /// <param name="Public">The endpoint admits anonymous callers by policy (a refusal there is its own 403, not a sign-in 401).</param>
    private sealed record Cell(string Method, string Path, string Caller, Expect Expected, int Got, string Url, bool Public);

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

        var wrong = cells.Where(c => !Matches(c)).ToList();
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
        // The workflows' role rules are checked on reads; a state change with a malformed body stops at binding, before them.
        var admitted = rule.Admits(role) && (!op.IsSafe || !WorkflowRoles.TryGetValue(op.Path, out var only) || (role is not null && only.Contains(role))
            || (role == Roles.Unit && scope != Scope.Foreign && LeadUnitReads.Contains(op.Path)));
        var outsideUnit = role is not null && !Roles.AreaWide.Contains(role) && scope != Scope.Own && UnitScoped.Any(p => op.Path.StartsWith(p, StringComparison.Ordinal));
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
            return await SendAsync(client, op, ApiOperations.Fill(op.Path, (name, _) => name == "seq" ? "99" : "nosuch"), caller, Expect.NoServerError, rule);
        }
        var url = ApiOperations.Fill(op.Path, Real) + Query(s, op);
        var expected = !admitted || outsideUnit ? Expect.Refused : missing ? Expect.NoRecord : op.IsSafe ? Expect.Allowed : Expect.NoServerError;
        return await SendAsync(client, op, url, caller, expected, rule);
    }

    private static async Task<Cell> SendAsync(HttpClient client, ApiOperation op, string url, string caller, Expect expected, EndpointAccess rule)
    {
        using var message = new HttpRequestMessage(new HttpMethod(op.Verb), url);
        if (!op.IsSafe)
        {
            // Uploads get a form without the file, everything else JSON that does not parse: neither can change anything.
            message.Content = op.Operation["requestBody"]?["content"]?["multipart/form-data"] is not null
                ? new MultipartFormDataContent { { new StringContent("x"), "note" } }
                : new StringContent("{", Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(message);
        return new Cell(op.Verb, op.Path, caller, expected, (int)response.StatusCode, url, rule.Anonymous);
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

    private static bool Matches(Cell c) => (c.Expected, c.Got) switch
    {
        (Expect.Allowed, var got) => got is >= 200 and < 300 or 400 or 409 or 410 or 422,
        (Expect.Refused, var got) when c.Caller == "anonymous" && !c.Public => got == 401,
        (Expect.Refused, var got) => got is 403 or 404,
        (Expect.NoRecord, var got) => got is 401 or 403 or 404,
        (_, var got) => got < 500,
    };
}
