using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Suggestions;

public sealed class SuggestionsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task With_no_history_the_lists_are_empty_not_an_error()
    {
        await using var fresh = await AppFactory.StartAsync();
        var s = await CaseScenario.CreateAsync(fresh);
        var before = await s.Operator.PostOkAsync("/api/v1/suggestions/dispatch", new { title = "路灯不亮", content = "幸福路路灯坏了" });
        AssertEmpty(before);
        var retrained = await s.Admin.PostOkAsync("/api/v1/suggestions/retrain", new { });
        Assert.Equal(0, retrained.GetProperty("trainedOn").GetInt32());
        AssertEmpty(await s.Dispatcher.PostOkAsync("/api/v1/suggestions/dispatch", new { content = "幸福路路灯坏了" }));
    }

    [Fact]
    public async Task After_retraining_a_similar_text_gets_the_category_and_unit_it_was_given_first()
    {
        var s = await CaseScenario.CreateAsync(app);
        var lights = new List<string>();
        foreach (var content in new[] { "人民路路灯损坏多日无人维修", "建设街一排路灯晚上全部熄灭", "小区门口路灯不亮，夜里出行不便" })
        {
            lights.Add(await DispatchedAsync(s, "roads", "路灯不亮", content, s.LeadUnit));
        }
        foreach (var content in new[] { "楼下广场舞噪音扰民到深夜", "工地夜间施工噪音太大影响休息", "酒吧音响噪音扰民，请求处理" })
        {
            await DispatchedAsync(s, "environment", "噪音扰民", content, s.OtherUnit);
        }
        var trained = await s.Admin.PostOkAsync("/api/v1/suggestions/retrain", new { });
        Assert.True(trained.GetProperty("trainedOn").GetInt32() >= 6);

        var view = await s.Operator.PostOkAsync("/api/v1/suggestions/dispatch", new { title = "路灯坏了", content = "幸福路路灯坏了，晚上一片漆黑" });
        Assert.Equal("roads", view.GetProperty("categories")[0].GetProperty("code").GetString());
        Assert.Equal(s.LeadUnit, view.GetProperty("units")[0].GetProperty("unitId").GetString());
        Assert.Contains(view.GetProperty("similar")[0].GetProperty("caseId").GetString(), lights);
        Assert.InRange(view.GetProperty("categories")[0].GetProperty("score").GetDouble(), 0, 1);
        Assert.Contains(view.GetProperty("categoryReasons").EnumerateArray(), r => r.GetString()!.Contains("路灯", StringComparison.Ordinal));

        var fresh = await s.Operator.PostOkAsync("/api/v1/cases", new
        {
            kind = "complaint", categoryCode = "roads", title = "路灯坏了", content = "和平路路灯坏了，晚上看不见路", channel = "hotline",
            urgent = false, reporter = new { name = "陈某某", phone = "13800138000" },
        }, HttpStatusCode.Created);
        var page = WebUtility.HtmlDecode(await s.Dispatcher.GetStringAsync($"/cases/{fresh.Id()}"));
        var suggested = page[page.IndexOf("推荐承办单位：", StringComparison.Ordinal)..page.IndexOf("按名称查找", StringComparison.Ordinal)];
        Assert.Contains($"data-pick=\"{s.LeadUnit}\"", suggested);
        Assert.Contains("依据：", suggested);
        Assert.Contains("data-suggest=\"/api/v1/suggestions/dispatch\"", await s.Operator.GetStringAsync("/cases/new"));
    }

    [Fact]
    public async Task A_case_returned_and_sent_on_teaches_the_unit_that_kept_it()
    {
        var s = await CaseScenario.CreateAsync(app);
        foreach (var content in new[] { "燃气管道漏气，闻到很大的煤气味", "小区燃气表漏气，请尽快检修" })
        {
            var id = await DispatchedAsync(s, "utilities", "燃气泄漏", content, s.LeadUnit);
            var request = await s.LeadStaff.PostOkAsync($"/api/v1/cases/{id}/return-requests", new { reason = "燃气不归我单位管理" });
            await s.Dispatcher.PostOkAsync($"/api/v1/cases/{id}/return-requests/{request.Id()}/decision", new { approve = true, newLeadUnitId = s.OtherUnit });
        }
        await s.Admin.PostOkAsync("/api/v1/suggestions/retrain", new { });

        var view = await s.Dispatcher.PostOkAsync("/api/v1/suggestions/dispatch", new { content = "楼道里燃气漏气，煤气味很重" });
        Assert.Equal(s.OtherUnit, view.GetProperty("units")[0].GetProperty("unitId").GetString());
    }

    [Fact]
    public async Task Only_intake_staff_ask_for_suggestions_and_only_the_admin_retrains()
    {
        var s = await CaseScenario.CreateAsync(app);
        var body = new { content = "路灯不亮" };
        Assert.Equal(HttpStatusCode.Forbidden, (await s.LeadStaff.PostAsJsonAsync("/api/v1/suggestions/dispatch", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync("/api/v1/suggestions/dispatch", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Dispatcher.PostAsJsonAsync("/api/v1/suggestions/retrain", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Operator.PostAsJsonAsync("/api/v1/suggestions/retrain", new { })).StatusCode);
        await s.Operator.PostOkAsync("/api/v1/suggestions/dispatch", body);
        await s.Dispatcher.PostOkAsync("/api/v1/suggestions/dispatch", body);
    }

    [Fact]
    public async Task Missing_or_over_long_content_is_a_400_in_chinese()
    {
        var s = await CaseScenario.CreateAsync(app);
        var blank = await (await s.Operator.PostAsJsonAsync("/api/v1/suggestions/dispatch", new { content = "   " })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("诉求内容", blank, StringComparison.Ordinal);
        var missing = await (await s.Operator.PostAsJsonAsync("/api/v1/suggestions/dispatch", new { title = "路灯" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("诉求内容", missing, StringComparison.Ordinal);
        var longText = await (await s.Operator.PostAsJsonAsync("/api/v1/suggestions/dispatch", new { content = new string('灯', 20001) }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("20000", longText, StringComparison.Ordinal);
    }

    private static void AssertEmpty(JsonElement view)
    {
        Assert.Equal(0, view.GetProperty("categories").GetArrayLength());
        Assert.Equal(0, view.GetProperty("units").GetArrayLength());
        Assert.Equal(0, view.GetProperty("similar").GetArrayLength());
    }

    internal static async Task<string> DispatchedAsync(CaseScenario s, string category, string title, string content, string unit)
    {
        var created = await s.Operator.PostOkAsync("/api/v1/cases", new
        {
            kind = "complaint", categoryCode = category, title, content, channel = "hotline", address = "幸福路",
            urgent = false, reporter = new { name = "陈某某", phone = "13800138000" },
        }, HttpStatusCode.Created);
        await s.Dispatcher.PostOkAsync($"/api/v1/cases/{created.Id()}/dispatch", new { leadUnitId = unit });
        return created.Id();
    }
}
