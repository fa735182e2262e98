using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Open311;

/// <summary>An outside Open311 client: gets a key from the admin, lists services, files and follows a request.</summary>
public sealed class Open311Tests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<string> IssueKeyAsync(HttpClient admin)
    {
        var key = await admin.PostOkAsync("/api/v1/open311/keys", new { name = "市级便民服务平台" }, HttpStatusCode.Created);
        Assert.StartsWith("o311_", key.GetProperty("apiKey").GetString());
        return key.GetProperty("apiKey").GetString()!;
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields)
        => new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        var error = JsonDocument.Parse(text).RootElement.EnumerateArray().Single();
        Assert.Equal((int)expected, error.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("description").GetString()));
        return error.Clone();
    }

    private async Task<string> FileAsync(HttpClient client, string key)
    {
        var response = await client.PostAsync("/open311/v2/requests.json", Form(
            ("api_key", key), ("service_code", "roads"), ("lat", "29.5630"), ("long", "106.5516"),
            ("address_string", "幸福路18号"), ("description", "幸福路18号门前路灯不亮已一周，夜间行人看不清路面。"),
            ("first_name", "小明"), ("last_name", "王"), ("phone", "13900139000"), ("media_url", "https://example.org/p/1.jpg")));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var created = JsonDocument.Parse(text).RootElement.EnumerateArray().Single();
        Assert.Equal(JsonValueKind.String, created.GetProperty("service_request_id").ValueKind);
        Assert.Contains("查询码", created.GetProperty("service_notice").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("account_id").ValueKind);
        return created.GetProperty("service_request_id").GetString()!;
    }

    [Fact]
    public async Task A_client_lists_services_files_a_request_and_follows_it()
    {
        var key = await IssueKeyAsync(await app.AdminAsync());
        var client = app.Anonymous();

        var services = await client.GetOkAsync("/open311/v2/services.json");
        Assert.Equal(JsonValueKind.Array, services.ValueKind);
        var roads = services.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "roads");
        Assert.Equal("道路交通与市政设施", roads.GetProperty("service_name").GetString());
        Assert.False(roads.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", roads.GetProperty("type").GetString());
        var definition = await client.GetOkAsync("/open311/v2/services/roads.json");
        Assert.Equal(0, definition.GetProperty("attributes").GetArrayLength());

        var id = await FileAsync(client, key);
        var request = (await client.GetOkAsync($"/open311/v2/requests/{id}.json")).EnumerateArray().Single();
        Assert.Equal(id, request.GetProperty("service_request_id").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("已登记", request.GetProperty("status_notes").GetString());
        Assert.Equal("roads", request.GetProperty("service_code").GetString());
        Assert.Equal(29.563, request.GetProperty("lat").GetDouble(), 3);
        Assert.Equal("https://example.org/p/1.jpg", request.GetProperty("media_url").GetString());
        Assert.EndsWith("+08:00", request.GetProperty("requested_datetime").GetString());
        Assert.Equal("已受理", request.GetProperty("notes")[0].GetProperty("description").GetString());
        Assert.DoesNotContain("13900139000", request.ToString());
        Assert.DoesNotContain("王小明", request.ToString());

        var token = (await client.GetOkAsync($"/open311/v2/tokens/{id}.json")).EnumerateArray().Single();
        Assert.Equal(id, token.GetProperty("service_request_id").GetString());

        // The service request id is the tracking code of an ordinary case.
        var found = await client.GetOkAsync($"/public/v1/cases/{id}");
        Assert.Equal("registered", found.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Xml_variants_use_the_spec_element_names()
    {
        var key = await IssueKeyAsync(await app.AdminAsync());
        var client = app.Anonymous();

        var services = XDocument.Parse(await client.GetStringAsync("/open311/v2/services.xml"));
        Assert.Equal("services", services.Root!.Name.LocalName);
        Assert.Contains(services.Root.Elements("service"), s => s.Element("service_code")!.Value == "roads");
        var definition = XDocument.Parse(await client.GetStringAsync("/open311/v2/services/roads.xml"));
        Assert.Equal("roads", definition.Root!.Element("service_code")!.Value);

        var response = await client.PostAsync("/open311/v2/requests.xml", Form(("api_key", key), ("service_code", "sanitation"), ("address_string", "建设街垃圾站"), ("description", "垃圾站满溢三天无人清运。")));
        var created = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("service_requests", created.Root!.Name.LocalName);
        var id = created.Root.Element("request")!.Element("service_request_id")!.Value;

        var request = XDocument.Parse(await client.GetStringAsync($"/open311/v2/requests/{id}.xml")).Root!.Element("request")!;
        Assert.Equal("open", request.Element("status")!.Value);
        Assert.Equal("已受理", request.Element("notes")!.Element("note")!.Element("description")!.Value);

        var discovery = XDocument.Parse(await client.GetStringAsync("/open311/v2/discovery.xml"));
        Assert.Equal("application/json", discovery.Root!.Element("endpoints")!.Element("endpoint")!.Element("formats")!.Elements("format").Last().Value);

        var missing = await client.GetAsync("/open311/v2/services/nothing.xml");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var error = XDocument.Parse(await missing.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("errors", error.Name.LocalName);
        Assert.Equal("404", error.Element("error")!.Element("code")!.Value);
    }

    [Fact]
    public async Task Json_bodies_are_accepted_as_well_as_forms()
    {
        var key = await IssueKeyAsync(await app.AdminAsync());
        var response = await app.Anonymous().PostAsJsonAsync("/open311/v2/requests.json", new { api_key = key, service_code = "environment", lat = 29.5, @long = 106.5, jurisdiction_id = "qinglan" });
        var id = (await response.ReadJsonAsync())[0].GetProperty("service_request_id").GetString()!;
        var request = (await app.Anonymous().GetOkAsync($"/open311/v2/requests.json?service_request_id={id},NOSUCHCODE")).EnumerateArray().Single();
        Assert.Equal("environment", request.GetProperty("service_code").GetString());
    }

    [Fact]
    public async Task Refusals_are_open311_error_lists()
    {
        var admin = await app.AdminAsync();
        var key = await IssueKeyAsync(admin);
        var client = app.Anonymous();

        await ErrorAsync(await client.PostAsync("/open311/v2/requests.json", Form(("service_code", "roads"), ("address_string", "幸福路"))), HttpStatusCode.Forbidden);
        await ErrorAsync(await client.PostAsync("/open311/v2/requests.json", Form(("api_key", "o311_wrong"), ("service_code", "roads"), ("address_string", "幸福路"))), HttpStatusCode.Forbidden);
        var noService = await ErrorAsync(await client.PostAsync("/open311/v2/requests.json", Form(("api_key", key), ("address_string", "幸福路"))), HttpStatusCode.BadRequest);
        Assert.Contains("service_code", noService.GetProperty("description").GetString());
        var noPlace = await ErrorAsync(await client.PostAsync("/open311/v2/requests.json", Form(("api_key", key), ("service_code", "roads"), ("description", "路面坑洼。"))), HttpStatusCode.BadRequest);
        Assert.Contains("位置", noPlace.GetProperty("description").GetString());
        await ErrorAsync(await client.PostAsync("/open311/v2/requests.json", Form(("api_key", key), ("service_code", "nothing"), ("address_string", "幸福路"))), HttpStatusCode.BadRequest);
        await ErrorAsync(await client.PostAsync("/open311/v2/requests.json", Form(("api_key", key), ("service_code", "roads"), ("lat", "91"), ("long", "106"))), HttpStatusCode.BadRequest);

        await ErrorAsync(await client.GetAsync("/open311/v2/services/nothing.json"), HttpStatusCode.NotFound);
        await ErrorAsync(await client.GetAsync("/open311/v2/requests/NOSUCHCODE.json"), HttpStatusCode.NotFound);
        await ErrorAsync(await client.GetAsync("/open311/v2/tokens/NOSUCHCODE.json"), HttpStatusCode.NotFound);
        await ErrorAsync(await client.GetAsync("/open311/v2/services.yaml"), HttpStatusCode.NotFound);
        await ErrorAsync(await client.GetAsync("/open311/v2/nothing.json"), HttpStatusCode.NotFound);
        await ErrorAsync(await client.GetAsync("/open311/v2/requests.json"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Keys_are_listed_without_the_secret_and_a_revoked_key_is_refused()
    {
        var admin = await app.AdminAsync();
        var issued = await admin.PostOkAsync("/api/v1/open311/keys", new { name = "市级便民服务平台" }, HttpStatusCode.Created);
        var (id, key) = (issued.Id(), issued.GetProperty("apiKey").GetString()!);
        var listed = await admin.GetOkAsync("/api/v1/open311/keys");
        Assert.DoesNotContain(key, listed.ToString());
        Assert.True(listed.EnumerateArray().Single(k => k.Id() == id).GetProperty("active").GetBoolean()); // this test's key, not another's
        await FileAsync(app.Anonymous(), key);

        var s = await CaseScenario.CreateAsync(app);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Operator.PostAsJsonAsync("/api/v1/open311/keys", new { name = "越权申请" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/open311/keys/{id}")).StatusCode);
        Assert.False((await admin.GetOkAsync("/api/v1/open311/keys")).EnumerateArray().Single(k => k.Id() == id).GetProperty("active").GetBoolean());
        await ErrorAsync(await app.Anonymous().PostAsync("/open311/v2/requests.json", Form(("api_key", key), ("service_code", "roads"), ("address_string", "幸福路"))), HttpStatusCode.Forbidden);
        Assert.DoesNotContain(key, (await admin.GetOkAsync("/api/v1/audit?entityType=ApiKey&pageSize=200")).ToString());
    }

    [Fact]
    public async Task A_request_handled_through_the_normal_workflow_becomes_closed()
    {
        var s = await CaseScenario.CreateAsync(app);
        var key = await IssueKeyAsync(s.Admin);
        var client = app.Anonymous();
        var code = await FileAsync(client, key);
        var id = await FindCaseIdAsync(s, code);

        await s.Dispatcher.PostOkAsync($"/api/v1/cases/{id}/dispatch", new { leadUnitId = s.LeadUnit });
        await s.LeadStaff.PostOkAsync($"/api/v1/cases/{id}/sign", new { });
        var handling = (await client.GetOkAsync($"/open311/v2/requests/{code}.json"))[0];
        Assert.Equal("open", handling.GetProperty("status").GetString());
        Assert.Equal("办理中", handling.GetProperty("status_notes").GetString());
        Assert.Equal("城市管理局", handling.GetProperty("agency_responsible").GetString());
        Assert.NotEqual(JsonValueKind.Null, handling.GetProperty("expected_datetime").ValueKind);

        await s.LeadStaff.PostOkAsync($"/api/v1/cases/{id}/reply", new { content = "已更换路灯灯泡并检修线路。", outcome = "resolved" });
        await client.PostOkAsync($"/public/v1/cases/{code}/rating", new { level = 5 });
        var closed = (await client.GetOkAsync($"/open311/v2/requests/{code}.json"))[0];
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("已办结", closed.GetProperty("status_notes").GetString());
        Assert.DoesNotContain("测试用户", closed.ToString()); // no staff names in the public notes

        var search = await client.GetOkAsync($"/open311/v2/requests.json?api_key={key}&status=closed&service_code=roads");
        Assert.Contains(search.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == code);
        var open = await client.GetOkAsync($"/open311/v2/requests.json?api_key={key}&status=open");
        Assert.DoesNotContain(open.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == code);
    }

    private static async Task<string> FindCaseIdAsync(CaseScenario s, string code)
    {
        var found = await s.Dispatcher.GetOkAsync($"/api/v1/cases?q={code}&pageSize=200");
        return found.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("trackingCode").GetString() == code).Id();
    }
}
