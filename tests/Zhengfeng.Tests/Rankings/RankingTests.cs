using System.Net;
using ClosedXML.Excel;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Rankings;

/// <summary>Signs cases two days late, so it moves the clock: its own app.</summary>
public sealed class RankingTests
{
    [Fact]
    public async Task The_score_weighs_response_resolution_and_satisfaction_and_orders_the_units()
    {
        await using var app = await AppFactory.StartAsync();
        var s = await CaseScenario.CreateAsync(app); // Monday 2026-11-02 09:00; lead unit A = 城市管理局, other unit B = 交通运输局

        // Unit A: three cases of its own and one it returns to B.
        var (a1, a1Code) = await s.DispatchedCaseAsync();
        var (a2, a2Code) = await s.DispatchedCaseAsync();
        var (a3, a3Code) = await s.DispatchedCaseAsync();
        var (returned, returnedCode) = await s.DispatchedCaseAsync();
        var request = await s.LeadStaff.PostOkAsync($"/api/v1/cases/{returned}/return-requests", new { reason = "属于交通部门职责" });
        await s.Dispatcher.PostOkAsync($"/api/v1/cases/{returned}/return-requests/{request.Id()}/decision", new { approve = true, newLeadUnitId = s.OtherUnit });
        // Unit B: the returned case and one of its own.
        var b1 = await s.CreateCaseAsync();
        await s.Dispatcher.PostOkAsync($"/api/v1/cases/{b1.Id()}/dispatch", new { leadUnitId = s.OtherUnit });

        // Signed on Monday, within the response limit (one working day: end of Tuesday).
        await SignAndReplyAsync(s.LeadStaff, a1);
        await SignAndReplyAsync(s.LeadStaff, a2);
        await SignAndReplyAsync(s.OtherStaff, returned);

        app.Clock.Advance(TimeSpan.FromDays(2)); // Wednesday 11-04 09:00: a3 and b1 are signed late
        var admin = await app.AdminAsync();
        var leadStaff = await admin.UserAsync(app, s.LeadUnit, "unit"); // Monday's tokens have expired
        var otherStaff = await admin.UserAsync(app, s.OtherUnit, "unit");
        await SignAndReplyAsync(leadStaff, a3);
        await SignAndReplyAsync(otherStaff, b1.Id());

        var reporter = app.Anonymous();
        await reporter.PostOkAsync($"/public/v1/cases/{a1Code}/rating", new { level = 5, resolved = true });
        await reporter.PostOkAsync($"/public/v1/cases/{a2Code}/rating", new { level = 3, resolved = false });
        await reporter.PostOkAsync($"/public/v1/cases/{a3Code}/rating", new { level = 1, resolved = false });
        await reporter.PostOkAsync($"/public/v1/cases/{returnedCode}/rating", new { level = 4, resolved = true });
        await reporter.PostOkAsync($"/public/v1/cases/{b1.GetProperty("trackingCode").GetString()}/rating", new { level = 2, resolved = true });

        var dispatcher = await admin.UserAsync(app, await admin.RootUnitIdAsync(), "dispatcher");
        var rows = (await dispatcher.GetOkAsync("/api/v1/rankings/units?period=2026-11")).EnumerateArray().ToList();
        var a = rows.Single(r => r.GetProperty("unitId").GetString() == s.LeadUnit);
        var b = rows.Single(r => r.GetProperty("unitId").GetString() == s.OtherUnit);

        // A: 3 dispatched, 2 signed in time -> response 2/3 = 0.6667; 3 ratings, 1 resolved -> 0.3333;
        // 2 of them 基本满意 or better (5 and 3 stars) -> 0.6667; 1 return (it does not weigh, it breaks ties).
        // Score = 100 * (0.2 * 0.6667 + 0.4 * 0.3333 + 0.4 * 0.6667) = 100 * (0.13334 + 0.13332 + 0.26668) = 53.334 -> 53.33
        Assert.Equal((3, 2, 0.6667), (a.GetProperty("dispatched").GetInt32(), a.GetProperty("respondedInTime").GetInt32(), a.GetProperty("responseRate").GetDouble()));
        Assert.Equal((3, 1, 0.3333), (a.GetProperty("rated").GetInt32(), a.GetProperty("resolved").GetInt32(), a.GetProperty("resolutionRate").GetDouble()));
        Assert.Equal((2, 0.6667), (a.GetProperty("satisfied").GetInt32(), a.GetProperty("satisfactionRate").GetDouble()));
        Assert.Equal(1, a.GetProperty("returnCount").GetInt32());
        Assert.Equal(53.33, a.GetProperty("score").GetDouble());

        // B: the returned case (first dispatched on Monday, signed by B in time) and b1 (signed late) -> response 1/2 = 0.5;
        // both rated resolved -> 1.0; 4 stars satisfied, 2 stars not -> 0.5.
        // Score = 100 * (0.2 * 0.5 + 0.4 * 1.0 + 0.4 * 0.5) = 100 * (0.1 + 0.4 + 0.2) = 70.00
        Assert.Equal((2, 1, 0.5), (b.GetProperty("dispatched").GetInt32(), b.GetProperty("respondedInTime").GetInt32(), b.GetProperty("responseRate").GetDouble()));
        Assert.Equal((2, 2, 1.0), (b.GetProperty("rated").GetInt32(), b.GetProperty("resolved").GetInt32(), b.GetProperty("resolutionRate").GetDouble()));
        Assert.Equal((1, 0.5), (b.GetProperty("satisfied").GetInt32(), b.GetProperty("satisfactionRate").GetDouble()));
        Assert.Equal(0, b.GetProperty("returnCount").GetInt32());
        Assert.Equal(70.0, b.GetProperty("score").GetDouble());

        Assert.Equal((1, 2), (b.GetProperty("rank").GetInt32(), a.GetProperty("rank").GetInt32()));
        Assert.True(rows.IndexOf(b) < rows.IndexOf(a), "the higher score is listed first");

        // The figures drill down to the very cases behind them.
        Assert.Equal([a3], await DrillAsync(dispatcher, s.LeadUnit, "late"));
        Assert.Equal(new[] { a1, a2 }.Order(), (await DrillAsync(dispatcher, s.LeadUnit, "satisfied")).Order());
        Assert.Equal([a1], await DrillAsync(dispatcher, s.LeadUnit, "resolved"));
        Assert.Equal([returned], await DrillAsync(dispatcher, s.LeadUnit, "returns"));

        // The export holds the same two rows, in rank order (only these two units had cases this month on this app).
        var export = await dispatcher.GetAsync("/api/v1/exports/rankings.xlsx?period=2026-11");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var book = new XLWorkbook(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
        var sheet = book.Worksheet(1);
        Assert.Equal(("名次", "单位", "综合得分"), (sheet.Cell(1, 1).GetString(), sheet.Cell(1, 2).GetString(), sheet.Cell(1, 12).GetString()));
        Assert.Equal(3, sheet.LastRowUsed()!.RowNumber());
        Assert.Equal((1, "交通运输局", 70.0), (sheet.Cell(2, 1).GetValue<int>(), sheet.Cell(2, 2).GetString(), sheet.Cell(2, 12).GetDouble()));
        Assert.Equal(("部门", "平台工单"), (sheet.Cell(2, 13).GetString(), sheet.Cell(2, 14).GetString()));
        Assert.Equal((2, "城市管理局", 53.33), (sheet.Cell(3, 1).GetValue<int>(), sheet.Cell(3, 2).GetString(), sheet.Cell(3, 12).GetDouble()));
    }

    private static async Task SignAndReplyAsync(HttpClient staff, string caseId)
    {
        await staff.PostOkAsync($"/api/v1/cases/{caseId}/sign", new { });
        await staff.PostOkAsync($"/api/v1/cases/{caseId}/reply", new { content = "已安排维修队处理完毕。", outcome = "resolved" });
    }

    private static async Task<List<string>> DrillAsync(HttpClient client, string unitId, string metric)
        => (await client.GetOkAsync($"/api/v1/rankings/units/{unitId}/cases?period=2026-11&metric={metric}")).EnumerateArray().Select(c => c.Id()).ToList();
}
