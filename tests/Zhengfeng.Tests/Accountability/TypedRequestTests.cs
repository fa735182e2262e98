using System.Net;
using System.Net.Http.Json;

namespace Zhengfeng.Tests.Accountability;

/// <summary>
/// Enums in the bodies and filters of 问责, 评议, 年度考核 and 典型案例 are typed: a value outside the list is a 400
/// problem whose Chinese detail names the field and lists what it may be.
/// </summary>
public sealed class TypedRequestTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string, string, string, string> BadBodies() => new()
    {
        { "/api/v1/accountability/nosuchcase/decision", """{"decision":"给予处分","sanction":"caution","category":2}""", "sanction", "majordemerit" },
        { "/api/v1/accountability/nosuchcase/decision", """{"decision":"给予处分","sanctions":["warning","caution"],"category":2}""", "sanctions[1]", "expulsion" },
        { "/api/v1/evaluations", """{"name":"2026年度评议","year":2026,"unitIds":["u"],"groups":[{"group":"students","weight":50}]}""", "groups[0].group", "deputies" },
        { "/api/v1/evaluations/nosuchcampaign/ballots", """{"group":"students","count":5}""", "group", "clients" },
        { "/public/v1/ballots/ABCD-EFGH-JKLM", """{"ratings":[{"unitId":"u","level":"great"}]}""", "ratings[0].level", "unsatisfied" },
        { "/api/v1/assessments", """{"unitId":"u","year":2026,"entries":[{"cadreId":"c","grade":"outstanding"}]}""", "entries[0].grade", "incompetent" },
        { "/api/v1/assessments", """{"unitId":"u","year":2026,"entries":[{"cadreId":"c","grade":"competent","accountability":"warning"}]}""", "entries[0].accountability", "removal" },
        { "/api/v1/typical-cases", """{"kind":"praise","sourceType":"case","sourceId":"x"}""", "kind", "negative" },
        { "/api/v1/typical-cases", """{"kind":"positive","sourceType":"weibo","sourceId":"x"}""", "sourceType", "rectification" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_enum_in_a_body_is_a_400_naming_the_field_and_the_allowed_values(string url, string body, string field, string allowed)
    {
        var admin = await app.AdminAsync();
        var response = await admin.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var detail = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"字段“{field}”", detail);
        Assert.Contains("可选值", detail);
        Assert.Contains(allowed, detail);
    }

    [Theory]
    [InlineData("/api/v1/accountability?status=archived", "status", "investigating")]
    [InlineData("/api/v1/typical-cases?status=archived", "status", "pending_review")]
    [InlineData("/api/v1/typical-cases?kind=praise", "kind", "negative")]
    [InlineData("/api/v1/typical-cases/candidates?sourceType=weibo", "sourceType", "evaluation")]
    [InlineData("/public/v1/typical-cases?kind=praise", "kind", "positive")]
    public async Task A_bad_filter_is_a_400_naming_the_field_instead_of_being_ignored(string url, string field, string allowed)
    {
        var admin = await app.AdminAsync();
        var detail = await (await admin.GetAsync(url)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"字段“{field}”", detail);
        Assert.Contains(allowed, detail);
    }

    [Fact]
    public async Task A_missing_required_enum_is_a_400_in_chinese()
    {
        var admin = await app.AdminAsync();
        var detail = await (await admin.PostAsJsonAsync("/api/v1/assessments", new { unitId = "u", year = 2026, entries = new[] { new { cadreId = "c" } } }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("grade", detail);
        Assert.Contains("缺少必填字段", detail);
        detail = await (await admin.PostAsJsonAsync("/api/v1/typical-cases", new { sourceType = "case", sourceId = "x" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("kind", detail);
    }

    [Fact]
    public async Task The_old_wire_spellings_still_bind()
    {
        var admin = await app.AdminAsync();
        var listed = await admin.GetOkAsync("/api/v1/accountability?status=active");
        Assert.Equal(System.Text.Json.JsonValueKind.Array, listed.ValueKind);
        await admin.GetOkAsync("/api/v1/typical-cases?status=pending_review&kind=positive");
    }
}
