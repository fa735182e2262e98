using System.Net;
using System.Net.Http.Json;

namespace Zhengfeng.Tests.Interventions;

/// <summary>说情、打招呼: whoever receives one records it; they read their own records, 纪检 reads all and counts them by person.</summary>
public sealed class InterventionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static object Call(string name, string? org, string occurredAt = "2026-11-01T10:00:00+08:00") => new
    {
        intervenerName = name, intervenerOrg = org, channel = "phone", occurredAt, matter = "某企业噪声投诉工单的办理",
        relatedNumber = "20261101-0001", request = "希望按已解决回复", response = "拒绝，已报告分管领导",
    };

    [Fact]
    public async Task Recipients_see_their_own_records_and_the_inspector_counts_them_by_person()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var unit = await admin.CreateUnitAsync(app, "department", root, "县生态环境局");
        var office = await admin.CreateUnitAsync(app, "department", root, "县纪委监委");
        var clerk = await admin.UserAsync(app, unit, "unit");
        var dispatcher = await admin.UserAsync(app, root, "dispatcher");
        var inspector = await admin.UserAsync(app, office, "inspector");
        var supervisor = await admin.UserAsync(app, office, "supervisor");

        var first = await clerk.PostOkAsync("/api/v1/interventions", Call("钱某", "某建材公司董事长"), HttpStatusCode.Created);
        await dispatcher.PostOkAsync("/api/v1/interventions", Call("钱 某", "某建材公司 董事长"), HttpStatusCode.Created);
        await dispatcher.PostOkAsync("/api/v1/interventions", Call("李某", null), HttpStatusCode.Created);

        var own = await clerk.GetOkAsync("/api/v1/interventions");
        Assert.Equal(1, own.GetProperty("total").GetInt32());
        await (await dispatcher.GetAsync($"/api/v1/interventions/{first.Id()}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(3, (await inspector.GetOkAsync("/api/v1/interventions")).GetProperty("total").GetInt32());

        var people = (await inspector.GetOkAsync("/api/v1/interventions/people")).EnumerateArray().ToList();
        Assert.Equal(2, people.Count);
        Assert.Equal(2, people[0].GetProperty("count").GetInt32());
        Assert.Equal(2, people[0].GetProperty("recipients").GetInt32());
        await (await supervisor.GetAsync("/api/v1/interventions/people")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await clerk.GetAsync("/api/v1/exports/interventions.xlsx")).ProblemAsync(HttpStatusCode.Forbidden);
        var export = await inspector.GetAsync("/api/v1/exports/interventions.xlsx");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);

        var page = WebUtility.HtmlDecode(await inspector.GetStringAsync("/interventions/people"));
        Assert.Contains("钱某", page);
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Chinese_and_nothing_is_recorded()
    {
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(app, "department", await admin.RootUnitIdAsync(), "县住建局");
        var clerk = await admin.UserAsync(app, unit, "unit");
        var future = await (await clerk.PostAsJsonAsync("/api/v1/interventions", Call("钱某", null, "2026-12-30T10:00:00+08:00"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("不能晚于现在", future);
        var blank = await (await clerk.PostAsJsonAsync("/api/v1/interventions", new { intervenerName = "", channel = "phone" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("缺少必填字段", blank);
        Assert.Equal(0, (await clerk.GetOkAsync("/api/v1/interventions")).GetProperty("total").GetInt32());
    }
}
