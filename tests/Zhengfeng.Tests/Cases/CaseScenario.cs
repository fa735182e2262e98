using System.Net;
using System.Text.Json;

namespace Zhengfeng.Tests.Cases;

/// <summary>The people of one case: an operator, a dispatcher, two departments' staff. Made fresh per test.</summary>
public sealed class CaseScenario
{
    public required AppFactory App { get; init; }
    public required HttpClient Admin { get; init; }
    public required HttpClient Operator { get; init; }
    public required HttpClient Dispatcher { get; init; }
    public required HttpClient LeadStaff { get; init; }
    public required HttpClient OtherStaff { get; init; }
    public required string LeadUnit { get; init; }
    public required string OtherUnit { get; init; }

    public static async Task<CaseScenario> CreateAsync(AppFactory app)
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var lead = await admin.CreateUnitAsync(app, "department", root, "城市管理局");
        var other = await admin.CreateUnitAsync(app, "department", root, "交通运输局");
        return new CaseScenario
        {
            App = app, Admin = admin, LeadUnit = lead, OtherUnit = other,
            Operator = await admin.UserAsync(app, root, "operator"),
            Dispatcher = await admin.UserAsync(app, root, "dispatcher"),
            LeadStaff = await admin.UserAsync(app, lead, "unit"),
            OtherStaff = await admin.UserAsync(app, other, "unit"),
        };
    }

    public async Task<JsonElement> CreateCaseAsync(string category = "roads", bool urgent = false, string kind = "complaint")
        => await Operator.PostOkAsync("/api/v1/cases", new
        {
            kind, categoryCode = category, title = "人行道井盖缺失", content = "幸福路与建设街交叉口东侧人行道井盖缺失，夜间行人易跌落。",
            channel = "hotline", address = "幸福路与建设街交叉口", urgent, reporter = new { name = "陈某某", phone = "13800138000" },
        }, HttpStatusCode.Created);

    public async Task<(string Id, string Code)> DispatchedCaseAsync(string category = "roads", bool urgent = false)
    {
        var c = await CreateCaseAsync(category, urgent);
        await Dispatcher.PostOkAsync($"/api/v1/cases/{c.Id()}/dispatch", new { leadUnitId = LeadUnit });
        return (c.Id(), c.GetProperty("trackingCode").GetString()!);
    }

    /// <summary>The case's 工单编号, the name that staff, units, notices and bulletins use (the tracking code stays with the reporter).</summary>
    public async Task<string> NumberAsync(string id) => (await Dispatcher.GetOkAsync($"/api/v1/cases/{id}")).GetProperty("number").GetString()!;

    public async Task<(string Id, string Code)> RepliedCaseAsync()
    {
        var (id, code) = await DispatchedCaseAsync();
        await LeadStaff.PostOkAsync($"/api/v1/cases/{id}/sign", new { });
        await LeadStaff.PostOkAsync($"/api/v1/cases/{id}/reply", new { content = "已安排维修队更换井盖并设置警示标志。", outcome = "resolved" });
        return (id, code);
    }
}
