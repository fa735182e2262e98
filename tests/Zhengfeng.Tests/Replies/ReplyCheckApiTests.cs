using System.Net;
using System.Net.Http.Json;
using Zhengfeng.Tests.Campaigns;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Replies;

/// <summary>检查答复 on a case, the flags kept when the reply is given, and the supervisor's list of them.</summary>
public sealed class ReplyCheckApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Reply = "经现场核实，幸福路与建设街交叉口东侧人行道井盖确已缺失。我局已于11月3日安排维修队补装球墨铸铁井盖，"
        + "并在周边设置警示标志。如仍有问题，请联系市政维修科王科长，电话0731-88886666。";

    [Fact]
    public async Task A_reply_copied_from_an_earlier_case_is_flagged_goes_through_and_shows_on_the_supervisors_list()
    {
        var s = await CaseScenario.CreateAsync(app);
        var (first, _) = await s.DispatchedCaseAsync();
        await s.LeadStaff.PostOkAsync($"/api/v1/cases/{first}/reply", new { content = Reply, outcome = "resolved" });

        var other = await s.Operator.PostOkAsync("/api/v1/cases", new
        {
            kind = "complaint", categoryCode = "roads", title = "建设街路灯不亮", content = "建设街北段十几盏路灯连续一周不亮，晚上行人看不清路面，请有关部门检修。",
            channel = "hotline", reporter = new { name = "李某某", phone = "13900139000" },
        }, HttpStatusCode.Created);
        var second = other.Id();
        await s.Dispatcher.PostOkAsync($"/api/v1/cases/{second}/dispatch", new { leadUnitId = s.LeadUnit });

        // the check before sending: advice with the earlier case named
        var check = await s.LeadStaff.PostOkAsync($"/api/v1/cases/{second}/reply-check", new { content = Reply });
        var copied = Assert.Single(check.GetProperty("flags").EnumerateArray(), f => f.GetProperty("code").GetString() == "copied");
        Assert.Equal("雷同答复", copied.GetProperty("label").GetString());
        Assert.Equal(first, copied.GetProperty("similarCaseId").GetString());

        // empty content is a 400 naming it; a unit not leading the case may not check its reply
        var empty = await s.LeadStaff.PostAsJsonAsync($"/api/v1/cases/{second}/reply-check", new { content = " " });
        Assert.Contains("答复内容", await empty.ProblemAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);
        var foreign = await s.OtherStaff.PostAsJsonAsync($"/api/v1/cases/{second}/reply-check", new { content = Reply });
        Assert.Contains(foreign.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });

        // the inbox's folded reply form of the open case has the check too
        Assert.Contains("检查答复", await s.LeadStaff.GetStringAsync("/inbox"), StringComparison.Ordinal);

        // the reply is given on the case page as written, and the flag is kept with it
        var posted = await CampaignScenario.PostFormAsync(s.LeadStaff, $"/cases/{second}?handler=Reply", ("reply.Content", Reply), ("reply.Outcome", "resolved"));
        Assert.True(posted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther, $"reply page answered {posted.StatusCode}");
        var replied = await s.Dispatcher.GetOkAsync($"/api/v1/cases/{second}");
        Assert.Equal(Reply, replied.GetProperty("replyContent").GetString());
        var casePage = WebUtility.HtmlDecode(await s.LeadStaff.GetStringAsync($"/cases/{second}"));
        Assert.Contains("答复质量提示", casePage, StringComparison.Ordinal);
        Assert.Contains("雷同答复", casePage, StringComparison.Ordinal);

        var root = await s.Admin.RootUnitIdAsync();
        var supervisor = await s.Admin.UserAsync(app, root, "supervisor");
        var number = await s.NumberAsync(second);
        var list = WebUtility.HtmlDecode(await supervisor.GetStringAsync("/replies/checks?code=copied"));
        Assert.Contains(number, list, StringComparison.Ordinal);
        Assert.Contains("雷同答复", list, StringComparison.Ordinal);
        var api = await supervisor.GetOkAsync($"/api/v1/reply-checks?code=copied&unitId={s.LeadUnit}");
        Assert.Contains(api.GetProperty("items").EnumerateArray(), i => i.GetProperty("caseId").GetString() == second);
        var none = await supervisor.GetOkAsync("/api/v1/reply-checks?code=copied&from=2030-01-01");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        var bad = await supervisor.GetAsync("/api/v1/reply-checks?code=nonsense");
        Assert.Contains("code", await bad.ProblemAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);

        var export = await supervisor.GetAsync("/api/v1/exports/reply-checks.xlsx?code=copied");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        Assert.True((await export.Content.ReadAsByteArrayAsync()).Length > 1000);

        // units do not read the county's list
        Assert.Equal(HttpStatusCode.Forbidden, (await s.LeadStaff.GetAsync("/replies/checks")).StatusCode);
    }
}
