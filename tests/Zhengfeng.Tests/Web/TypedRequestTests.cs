using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Web;

/// <summary>Requests carry enums and dates; a bad value is a Chinese 400 that names the field and, for an enum, what it may be.</summary>
public sealed class TypedRequestTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Kinds = ["complaint", "report", "help", "consultation", "suggestion", "praise"];

    [Fact]
    public async Task An_unknown_kind_names_the_field_and_every_allowed_value()
    {
        var s = await CaseScenario.CreateAsync(app);
        var detail = await (await s.Operator.PostAsJsonAsync("/api/v1/cases", new { kind = "nonsense", categoryCode = "roads", content = "内容内容内容" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("kind", detail);
        Assert.Contains("nonsense", detail);
        Assert.Contains("可选值", detail);
        Assert.All(Kinds, k => Assert.Contains(k, detail));
    }

    [Fact]
    public async Task A_number_for_an_enum_is_refused()
    {
        var s = await CaseScenario.CreateAsync(app);
        var (id, _) = await s.DispatchedCaseAsync();
        await s.LeadStaff.PostOkAsync($"/api/v1/cases/{id}/sign", new { });
        var detail = await (await s.LeadStaff.PostAsJsonAsync($"/api/v1/cases/{id}/reply", new { content = "已处理完毕", outcome = 3 }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("outcome", detail);
        Assert.Contains("可选值", detail);
        Assert.Contains("resolved", detail);
        Assert.Contains("explained", detail);
    }

    [Fact]
    public async Task A_missing_required_enum_is_a_chinese_400()
    {
        var s = await CaseScenario.CreateAsync(app);
        var detail = await (await s.Operator.PostAsJsonAsync("/api/v1/cases", new { kind = (string?)null, categoryCode = "roads", content = "内容内容内容" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("诉求类型", detail);
    }

    [Fact]
    public async Task An_impossible_due_date_names_the_field()
    {
        var s = await CaseScenario.CreateAsync(app);
        var root = await s.Admin.RootUnitIdAsync();
        var supervisor = await s.Admin.UserAsync(app, root, "supervisor");
        var detail = await (await supervisor.PostAsJsonAsync("/api/v1/rectifications",
                new { clueId = "x", unitId = s.LeadUnit, measures = "建立台账", type = "longterm", dueDate = "2026-13-40" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("dueDate", detail);
        Assert.Contains("日期", detail);
    }

    [Fact]
    public async Task A_bad_query_value_is_refused_instead_of_ignored()
    {
        var s = await CaseScenario.CreateAsync(app);
        var status = await (await s.Dispatcher.GetAsync("/api/v1/cases?status=nonsense")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("status", status);
        Assert.Contains("return_requested", status);
        var from = await (await s.Dispatcher.GetAsync("/api/v1/cases?from=2026-13-40")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("from", from);
        Assert.Contains("日期", from);
        // The contract's spelling is still read.
        await s.Dispatcher.GetOkAsync("/api/v1/cases?status=return_requested");
    }

    [Fact]
    public async Task The_openapi_document_lists_the_allowed_kinds()
    {
        var admin = await app.AdminAsync();
        var doc = await admin.GetOkAsync("/openapi/v1.json");
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var kind = schemas.GetProperty("CreateCaseRequest").GetProperty("properties").GetProperty("kind");
        var listed = EnumValues(kind, schemas).ToList();
        Assert.All(Kinds, k => Assert.Contains(k, listed));
    }

    // Every "enum" value under the property, following $refs and oneOf/anyOf wrappers.
    private static IEnumerable<string> EnumValues(JsonElement node, JsonElement schemas)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            return node.EnumerateArray().SelectMany(n => EnumValues(n, schemas));
        }
        if (node.ValueKind != JsonValueKind.Object)
        {
            return [];
        }
        var found = new List<string>();
        foreach (var p in node.EnumerateObject())
        {
            if (p.Name == "enum")
            {
                found.AddRange(p.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!));
            }
            else if (p.Name == "$ref" && p.Value.GetString() is { } target && target.StartsWith("#/components/schemas/", StringComparison.Ordinal))
            {
                found.AddRange(EnumValues(schemas.GetProperty(target["#/components/schemas/".Length..]), schemas));
            }
            else
            {
                found.AddRange(EnumValues(p.Value, schemas));
            }
        }
        return found;
    }
}
