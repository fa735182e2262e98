using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Assignments;
using Zhengfeng.Features.Clues;

namespace Zhengfeng.Tests.Campaigns;

/// <summary>
/// A county with three participating townships (each with a staff account), one that takes no part, and the supervision office.
/// The fixture's clock stands on Monday 2026-11-02 in China, so a campaign from September to December is in its third month.
/// </summary>
public sealed partial class CampaignScenario
{
    public required AppFactory App { get; init; }
    public required HttpClient Admin { get; init; }
    public required HttpClient Supervisor { get; init; }
    public required HttpClient Leader { get; init; }
    public required HttpClient Inspector { get; init; }
    public required string Root { get; init; }
    public required string A { get; init; }
    public required string B { get; init; }
    public required string C { get; init; }
    public required string Outsider { get; init; }
    public required HttpClient StaffA { get; init; }
    public required HttpClient StaffB { get; init; }
    public required HttpClient StaffC { get; init; }
    public required HttpClient StaffOutsider { get; init; }
    public required string NameA { get; init; }
    public required string NameB { get; init; }
    public required string NameC { get; init; }

    public static async Task<CampaignScenario> CreateAsync(AppFactory app)
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var tag = app.Unique("")[..4];
        var (na, nb, nc) = ($"东岭镇{tag}", $"西湖乡{tag}", $"南山街道{tag}");
        var a = await admin.CreateUnitAsync(app, "township", root, na);
        var b = await admin.CreateUnitAsync(app, "township", root, nb);
        var c = await admin.CreateUnitAsync(app, "township", root, nc);
        var outsider = await admin.CreateUnitAsync(app, "department", root, $"县交通局{tag}");
        return new CampaignScenario
        {
            App = app, Admin = admin, Root = root, A = a, B = b, C = c, Outsider = outsider, NameA = na, NameB = nb, NameC = nc,
            Supervisor = await admin.UserAsync(app, root, "supervisor"),
            Leader = await admin.UserAsync(app, root, "leader"),
            Inspector = await admin.UserAsync(app, root, "inspector"),
            StaffA = await admin.UserAsync(app, a, "unit"),
            StaffB = await admin.UserAsync(app, b, "unit"),
            StaffC = await admin.UserAsync(app, c, "unit"),
            StaffOutsider = await admin.UserAsync(app, outsider, "unit"),
        };
    }

    /// <summary>A campaign of A, B and C from 2026-09-01 to 2026-12-31, one phase a month, reporting monthly unless told.</summary>
    public async Task<string> CampaignAsync(string? name = null, string cycle = "monthly", object? phases = null)
    {
        var body = new
        {
            name = name ?? "机关作风突出问题专项整治" + App.Unique(""),
            documentNumber = "县作发〔2026〕3号",
            goal = "集中整治推诿扯皮、吃拿卡要等突出问题",
            startsOn = "2026-09-01",
            endsOn = "2026-12-31",
            reportCycle = cycle,
            unitIds = new[] { A, B, C },
            phases = phases ?? new[]
            {
                new { name = "动员部署", startsOn = "2026-09-01", endsOn = "2026-09-30" },
                new { name = "自查自纠", startsOn = "2026-10-01", endsOn = "2026-10-31" },
                new { name = "集中整治", startsOn = "2026-11-01", endsOn = "2026-11-30" },
                new { name = "总结提升", startsOn = "2026-12-01", endsOn = "2026-12-31" },
            },
            leaders = new[] { new { name = "王建国", post = "县委副书记", role = "组长" }, new { name = "李红", post = "县纪委副书记", role = "办公室主任" } },
        };
        return (await Supervisor.PostOkAsync("/api/v1/campaigns", body, HttpStatusCode.Created)).Id();
    }

    /// <summary>
    /// An assignment of the campaign, written straight into the database (the tasks API belongs to another feature): done when
    /// accepted, overdue when open past its due date.
    /// </summary>
    public Task<string> TaskAsync(string campaignId, string unitId, string title, DateOnly dueOn, bool done = false, int? phaseSeq = null)
    {
        var id = Ids.New();
        return WithDbAsync(async db =>
        {
            var seq = Random.Shared.Next(100_000, 1_000_000_000);
            var task = new Assignment
            {
                Id = id, Year = 2026, Title = title, Source = AssignmentSource.Campaign, CampaignId = campaignId, PhaseSeq = phaseSeq, LeadUnitId = unitId,
                ResponsibleName = "张科长", DueOn = dueOn, AssignedBy = "test", AssignedByName = "督查员", AssignedAt = App.Clock.GetUtcNow(),
            };
            task.AssignNumber(seq);
            if (done)
            {
                task.Complete("staff", "经办人", App.Clock.GetUtcNow(), "已完成");
                task.Accept("test", "督查员", App.Clock.GetUtcNow(), "验收通过");
            }
            db.Add(task);
            db.PendingAction = "task.assign";
            await db.SaveChangesAsync();
            return id;
        });
    }

    /// <summary>A clue registered on a past day (as a tour batch or an import would date it).</summary>
    public Task<string> PastClueAsync(string unitId, ClueSource source, string content, DateOnly on, string registeredBy = "system")
    {
        var id = Ids.New();
        return WithDbAsync(async db =>
        {
            db.Add(new Clue
            {
                Id = id, Source = source, UnitId = unitId, ProblemType = "shirking", Content = content, RegisteredBy = registeredBy,
                RegisteredAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)),
            });
            db.PendingAction = "clue.register";
            await db.SaveChangesAsync();
            return id;
        });
    }

    public async Task<string> UserIdAsync(HttpClient client) => (await client.GetOkAsync("/api/v1/auth/me")).Id();

    private async Task<string> WithDbAsync(Func<AppDb, Task<string>> work)
    {
        string result = "";
        await App.WithDbAsync(async db => result = await work(db));
        return result;
    }

    public async Task DeactivateAsync(string unitId)
        => await App.WithDbAsync(async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Id == unitId);
            unit.IsActive = false;
            db.PendingAction = "unit.update";
            await db.SaveChangesAsync();
        });

    public static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts a form the way its page does: with the antiforgery token the page (its address without the query) handed out.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, params (string Name, string Value)[] fields)
    {
        var page = await client.GetAsync(url.Split('?')[0]);
        var token = Token().Match(await page.Content.ReadAsStringAsync());
        Assert.True(token.Success, $"no antiforgery token on {url}");
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        form.Add(new("__RequestVerificationToken", token.Groups[1].Value));
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    public static IEnumerable<JsonElement> Items(JsonElement e, string property) => e.GetProperty(property).EnumerateArray();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
