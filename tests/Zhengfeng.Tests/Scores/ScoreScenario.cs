using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Zhengfeng.Data;
using Zhengfeng.Features.Assignments;
using Zhengfeng.Features.Assists;

namespace Zhengfeng.Tests.Scores;

/// <summary>The people who make and read the year's record: supervision, discipline, a leader, made fresh per test.</summary>
public sealed partial class ScoreScenario
{
    public required AppFactory App { get; init; }
    public required HttpClient Admin { get; init; }
    public required HttpClient Supervisor { get; init; }
    public required HttpClient Inspector { get; init; }
    public required HttpClient Leader { get; init; }
    public required string Root { get; init; }

    public static async Task<ScoreScenario> CreateAsync(AppFactory app)
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        return new ScoreScenario
        {
            App = app, Admin = admin, Root = root,
            Supervisor = await admin.UserAsync(app, root, "supervisor"),
            Inspector = await admin.UserAsync(app, root, "inspector"),
            Leader = await admin.UserAsync(app, root, "leader"),
        };
    }

    public Task<string> UnitAsync(string name, string kind = "township") => Admin.CreateUnitAsync(App, kind, Root, name);

    public async Task<string> CadreAsync(string unitId, string name, string post = "副镇长", string rank = "deputysection")
        => (await Admin.PostOkAsync("/api/v1/cadres", new { name, unitId, post, rank }, HttpStatusCode.Created)).Id();

    /// <summary>An accountability case opened, investigated and decided through the accountability API; returns its id.</summary>
    public async Task<string> DecidedCaseOnUnitAsync(string unitId, string decision = "对该镇党委予以通报")
    {
        var opened = await Inspector.PostOkAsync("/api/v1/accountability", new { unitId, facts = "便民服务中心推诿扯皮，群众反映强烈" }, HttpStatusCode.Created);
        await Inspector.PostOkAsync($"/api/v1/accountability/{opened.Id()}/investigation", new { });
        await Inspector.PostOkAsync($"/api/v1/accountability/{opened.Id()}/decision", new { decision, forms = new[] { "circular" }, category = 1 });
        return opened.Id();
    }

    public async Task<string> DecidedCaseOnCadreAsync(string cadreId, string decision = "对其予以诫勉")
    {
        var opened = await Inspector.PostOkAsync("/api/v1/accountability", new { cadreId, facts = "分管站所长期推诿群众诉求" }, HttpStatusCode.Created);
        await Inspector.PostOkAsync($"/api/v1/accountability/{opened.Id()}/investigation", new { });
        await Inspector.PostOkAsync($"/api/v1/accountability/{opened.Id()}/decision", new { decision, forms = new[] { "admonition" }, category = 1 });
        return opened.Id();
    }

    public async Task<string> VerifiedClueAsync(string unitId, string content = "暗访发现窗口人员推诿群众办事")
    {
        var clue = await Supervisor.PostOkAsync("/api/v1/clues", new { source = "mystery", unitId, problemType = "shirking", content }, HttpStatusCode.Created);
        await Inspector.PostOkAsync($"/api/v1/clues/{clue.Id()}/verification", new { result = "true", note = "核实属实" });
        return clue.Id();
    }

    /// <summary>Assigned work due on <paramref name="dueOn"/> for the lead unit, as the assignment feature saves it.</summary>
    public async Task<string> AssignmentAsync(string leadUnitId, DateOnly dueOn, string title = "老旧小区改造")
    {
        var id = Ids.New();
        await App.WithDbAsync(async db =>
        {
            var a = new Assignment
            {
                Id = id, Year = dueOn.Year, Title = title, LeadUnitId = leadUnitId, DueOn = dueOn, AssignedBy = "s1", AssignedByName = "督查员",
                AssignedAt = App.Clock.GetUtcNow().AddDays(-60),
            };
            a.AssignNumber(Random.Shared.Next(1_000, 1_000_000_000));
            db.Add(a);
            db.PendingAction = "task.assign";
            await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>An assist duty of an assignment, still pending, whose deadline passed a day ago.</summary>
    public async Task<string> MissedAssistDutyAsync(string assignmentId, string leadUnitId, string unitId)
    {
        var id = Ids.New();
        var now = App.Clock.GetUtcNow();
        await App.WithDbAsync(async db =>
        {
            db.Add(new AssistDuty
            {
                Id = id, OwnerType = AssistOwner.Assignment, OwnerId = assignmentId, LeadUnitId = leadUnitId, UnitId = unitId,
                Part = "提供规划许可资料", DueAt = now.AddDays(-1), CreatedAt = now.AddDays(-10),
            });
            db.PendingAction = "assist.assign";
            await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>A unit's score for the year through the API, as a supervisor reads it.</summary>
    public async Task<JsonElement> ScoreOfAsync(string unitId, int year = 2026)
    {
        var all = await Supervisor.GetOkAsync($"/api/v1/scores/units?year={year}");
        return all.EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == unitId);
    }

    public static List<JsonElement> Items(JsonElement unit, string? sourceType = null)
        => unit.GetProperty("items").EnumerateArray().Where(i => sourceType is null || i.GetProperty("sourceType").GetString() == sourceType).ToList();

    public static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A browser signed in through the login form with a new account of the given role.</summary>
    public async Task<HttpClient> BrowserAsync(string unitId, string role)
    {
        var username = App.Unique("web");
        await Admin.PostOkAsync("/api/v1/users", new { username, password = AppFactory.Password, displayName = "网页用户", unitId, roles = new[] { role } },
            HttpStatusCode.Created);
        var client = App.Anonymous();
        var response = await PostFormAsync(client, "/login", ("Username", username), ("Password", AppFactory.Password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts a form the way its page does: with the antiforgery token the page handed out.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, params (string Name, string Value)[] fields)
        => PostFormToAsync(client, url, url, fields);

    /// <summary>Posts a form of the page at <paramref name="pageUrl"/> to its handler's address.</summary>
    public static async Task<HttpResponseMessage> PostFormToAsync(HttpClient client, string pageUrl, string url, params (string Name, string Value)[] fields)
    {
        var page = await client.GetAsync(pageUrl);
        var token = Token().Match(await page.Content.ReadAsStringAsync());
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (token.Success)
        {
            form.Add(new("__RequestVerificationToken", token.Groups[1].Value));
        }
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
