using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Zhengfeng.Data;
using Zhengfeng.Features.Campaigns;

namespace Zhengfeng.Tests.Assignments;

/// <summary>
/// The people of one assignment: a supervisor and a leader in the 作风办, a lead unit, an assist unit and an unrelated
/// unit each with its staff, and a supervisor who sits in the lead unit. Made fresh per test.
/// </summary>
public sealed partial class TaskScenario
{
    public required AppFactory App { get; init; }
    public required HttpClient Admin { get; init; }
    public required HttpClient Supervisor { get; init; }
    public required HttpClient Leader { get; init; }
    public required HttpClient Inspector { get; init; }
    public required HttpClient Operator { get; init; }
    public required HttpClient LeadStaff { get; init; }
    public required HttpClient AssistStaff { get; init; }
    public required HttpClient OtherStaff { get; init; }
    public required HttpClient LeadSupervisor { get; init; }
    public required string Office { get; init; }
    public required string LeadUnit { get; init; }
    public required string AssistUnit { get; init; }
    public required string OtherUnit { get; init; }

    public static async Task<TaskScenario> CreateAsync(AppFactory app)
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var office = await admin.CreateUnitAsync(app, "office", root, "作风办");
        var lead = await admin.CreateUnitAsync(app, "department", root, "住房和城乡建设局");
        var assist = await admin.CreateUnitAsync(app, "department", root, "自然资源局");
        var other = await admin.CreateUnitAsync(app, "department", root, "水务局");
        return new TaskScenario
        {
            App = app, Admin = admin, Office = office, LeadUnit = lead, AssistUnit = assist, OtherUnit = other,
            Supervisor = await admin.UserAsync(app, office, "supervisor"),
            Leader = await admin.UserAsync(app, office, "leader"),
            Inspector = await admin.UserAsync(app, office, "inspector"),
            Operator = await admin.UserAsync(app, root, "operator"),
            LeadStaff = await admin.UserAsync(app, lead, "unit"),
            AssistStaff = await admin.UserAsync(app, assist, "unit"),
            OtherStaff = await admin.UserAsync(app, other, "unit"),
            LeadSupervisor = await admin.UserAsync(app, lead, "supervisor"),
        };
    }

    /// <summary>The same people logged in again, after the fake clock has run past the tokens' lifetime.</summary>
    public async Task<TaskScenario> LoginAgainAsync()
    {
        var admin = await App.AdminAsync();
        return new TaskScenario
        {
            App = App, Admin = admin, Office = Office, LeadUnit = LeadUnit, AssistUnit = AssistUnit, OtherUnit = OtherUnit,
            Supervisor = await admin.UserAsync(App, Office, "supervisor"),
            Leader = await admin.UserAsync(App, Office, "leader"),
            Inspector = await admin.UserAsync(App, Office, "inspector"),
            Operator = await admin.UserAsync(App, Office, "operator"),
            LeadStaff = await admin.UserAsync(App, LeadUnit, "unit"),
            AssistStaff = await admin.UserAsync(App, AssistUnit, "unit"),
            OtherStaff = await admin.UserAsync(App, OtherUnit, "unit"),
            LeadSupervisor = await admin.UserAsync(App, LeadUnit, "supervisor"),
        };
    }

    /// <summary>A task body: the lead unit with one assist unit and two milestones, due 2026-11-30; <paramref name="change"/> edits it.</summary>
    public Dictionary<string, object?> Body(Action<Dictionary<string, object?>>? change = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["title"] = "老旧小区改造提速",
            ["leadUnitId"] = LeadUnit,
            ["assists"] = new[] { new { unitId = AssistUnit, part = "提供地块规划条件" } },
            ["dueOn"] = "2026-11-30",
            ["source"] = "meeting",
            ["sourceNote"] = "县政府常务会议2026年第20次会议纪要",
            ["responsibleName"] = "张建国",
            ["milestones"] = new[] { new { title = "完成摸底调查", dueOn = "2026-11-10" }, new { title = "完成施工招标", dueOn = "2026-11-20" } },
        };
        change?.Invoke(body);
        return body;
    }

    public async Task<JsonElement> AssignAsync(Action<Dictionary<string, object?>>? change = null, HttpClient? by = null)
        => await (by ?? Supervisor).PostOkAsync("/api/v1/tasks", Body(change), HttpStatusCode.Created);

    /// <summary>Posts a body that must be refused with <paramref name="status"/>; returns the Chinese detail.</summary>
    public async Task<string> RefusedAsync(Action<Dictionary<string, object?>> change, HttpStatusCode status = HttpStatusCode.BadRequest)
        => await (await Supervisor.PostAsJsonAsync("/api/v1/tasks", Body(change))).ProblemAsync(status);

    public async Task<int> TaskCountAsync(string unitId)
        => (await Supervisor.GetOkAsync($"/api/v1/tasks?unitId={unitId}&pageSize=200")).GetProperty("total").GetInt32();

    /// <summary>A campaign written straight into the database (its own feature's API is not what these tests are about).</summary>
    public async Task<string> CampaignAsync(string start, string end, ReportCycle cycle, bool closed = false, params string[] units)
    {
        var id = Ids.New();
        var plan = new CampaignPlan("群众身边不正之风专项整治", "县作发〔2026〕3号", "整治推诿扯皮、吃拿卡要", DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), cycle, [], [], units.Length > 0 ? units : [LeadUnit, AssistUnit]);
        await App.WithDbAsync(async db =>
        {
            var c = Campaign.Plan(id, plan, "admin", "管理员", App.Clock.GetUtcNow());
            if (closed)
            {
                c.Close("admin", App.Clock.GetUtcNow(), "已总结");
            }
            db.Add(c);
            db.PendingAction = "campaign.create";
            await db.SaveChangesAsync();
        });
        return id;
    }

    public static async Task<JsonElement[]> InboxAsync(HttpClient staff)
        => (await staff.GetOkAsync("/api/v1/notifications?unread=true&pageSize=200")).GetProperty("items").EnumerateArray().ToArray();

    [GeneratedRegex(@"^交办〔2026〕\d+号$")]
    public static partial Regex Number();
}
