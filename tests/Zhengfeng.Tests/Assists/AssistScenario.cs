using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengfeng.Data;
using Zhengfeng.Features.Assignments;
using Zhengfeng.Features.Assists;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Assists;

/// <summary>
/// A case scenario (城市管理局 leads, 交通运输局 stands by) plus two assist units with their staff, and a supervisor, an
/// inspector and a leader sitting in the 作风办, outside every unit they read.
/// </summary>
internal sealed partial record AssistScenario(CaseScenario S, string AssistA, string AssistB, HttpClient AStaff, HttpClient BStaff,
    HttpClient Supervisor, HttpClient Inspector, HttpClient Leader)
{
    public const string AName = "自然资源局";
    public const string BName = "住房和城乡建设局";

    public static async Task<AssistScenario> CreateAsync(AppFactory app)
    {
        var s = await CaseScenario.CreateAsync(app);
        var root = await s.Admin.RootUnitIdAsync();
        var a = await s.Admin.CreateUnitAsync(app, "department", root, AName);
        var b = await s.Admin.CreateUnitAsync(app, "department", root, BName);
        var office = await s.Admin.CreateUnitAsync(app, "office", root, "作风办");
        return new AssistScenario(s, a, b, await s.Admin.UserAsync(app, a, "unit"), await s.Admin.UserAsync(app, b, "unit"),
            await s.Admin.UserAsync(app, office, "supervisor"), await s.Admin.UserAsync(app, office, "inspector"), await s.Admin.UserAsync(app, office, "leader"));
    }

    /// <summary>A new case dispatched to the lead unit with both assist units (A with its own part); returns its id.</summary>
    public async Task<string> DispatchedCaseAsync(string category = "roads", bool withB = true)
    {
        var c = await S.CreateCaseAsync(category);
        var assistUnitIds = withB ? new[] { AssistA, AssistB } : [AssistA];
        await S.Dispatcher.PostOkAsync($"/api/v1/cases/{c.Id()}/dispatch",
            new { leadUnitId = S.LeadUnit, assistUnitIds, assistParts = new Dictionary<string, string> { [AssistA] = "提供该路段地下管网图纸" } });
        return c.Id();
    }

    /// <summary>The case's assist duties as the lead unit reads them on the case.</summary>
    public async Task<List<JsonElement>> DutiesAsync(string caseId, HttpClient? reader = null)
        => (await (reader ?? S.LeadStaff).GetOkAsync($"/api/v1/cases/{caseId}")).GetProperty("assists").EnumerateArray().ToList();

    public static JsonElement Of(IEnumerable<JsonElement> duties, string unitId, int round = 1)
        => duties.Single(d => d.GetProperty("unitId").GetString() == unitId && d.GetProperty("round").GetInt32() == round);

    /// <summary>An assignment saved straight into the database with one assist duty (the assignments API is not needed for it).</summary>
    public static async Task<(string AssignmentId, string Number)> AssignmentAsync(AppFactory app, string leadUnitId, string assistUnitId, string part, DateTimeOffset dueAt)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var seq = (await db.Set<Assignment>().Where(x => x.Year == 2026).MaxAsync(x => (int?)x.Seq) ?? 0) + 1;
        var a = new Assignment
        {
            Id = Ids.New(), Year = 2026, Title = "老旧小区雨污分流改造", Source = AssignmentSource.Meeting, LeadUnitId = leadUnitId, DueOn = new DateOnly(2026, 12, 31),
            AssignedBy = "system", AssignedByName = "县委办", AssignedAt = app.Clock.GetUtcNow(),
        };
        a.AssignNumber(seq);
        db.Add(a);
        scope.ServiceProvider.GetRequiredService<AssistWorkflow>().AddForAssignment(a, [(assistUnitId, part)], dueAt);
        db.PendingAction = "task.assign";
        await db.SaveChangesAsync();
        return (a.Id, a.Number);
    }

    public static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        return html;
    }

    /// <summary>Posts a form the way its page does: with the antiforgery token the page handed out.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        var token = Token().Match(html);
        Assert.True(token.Success, $"no antiforgery token on {page}");
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token.Groups[1].Value)).ToList();
        return await client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
