using System.Net;
using System.Net.Http.Json;

namespace Zhengfeng.Tests.Org;

public sealed class OrgApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Admin_builds_a_unit_tree_and_lists_it()
    {
        var admin = await app.AdminAsync();
        var dept = await admin.CreateUnitAsync(app, "department", name: "县交通运输局");
        var section = await admin.CreateUnitAsync(app, "section", dept, name: "公路管理股");
        var units = await admin.GetOkAsync("/api/v1/units");
        var found = units.EnumerateArray().Single(u => u.Id() == section);
        Assert.Equal(dept, found.GetProperty("parentId").GetString());
        Assert.Equal("section", found.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_duplicate_code_is_refused_with_409()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var code = app.Unique("dup");
        await admin.PostOkAsync("/api/v1/units", new { name = "甲单位", code, parentId = root, kind = "department" }, HttpStatusCode.Created);
        var detail = await (await admin.PostAsJsonAsync("/api/v1/units", new { name = "乙单位", code, parentId = root, kind = "department" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(code, detail);
    }

    [Fact]
    public async Task Moving_a_unit_under_its_own_descendant_is_refused()
    {
        var admin = await app.AdminAsync();
        var a = await admin.CreateUnitAsync(app, "department");
        var b = await admin.CreateUnitAsync(app, "section", a);
        var c = await admin.CreateUnitAsync(app, "office", b);
        var detail = await (await admin.PutAsJsonAsync($"/api/v1/units/{a}", new { name = "循环单位", code = app.Unique("cyc"), parentId = c, kind = "department" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("下级", detail);
        var self = await admin.PutAsJsonAsync($"/api/v1/units/{a}", new { name = "循环单位", code = app.Unique("cyc"), parentId = a, kind = "department" });
        await self.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{"name":"某局","code":"ok-code","parentId":"nope","kind":"department"}""", "上级单位不存在")]
    [InlineData("""{"name":"某局","code":"ok-code2","kind":"department"}""", "上级")]
    [InlineData("""{"name":"某局","code":"ok-code3","kind":"ministry"}""", "county、department、township、section、office")]
    [InlineData("""{"name":"","code":"","kind":"department"}""", "单位名称")]
    [InlineData("""{"name":"某局","code":"含 空格","kind":"department"}""", "单位编码")]
    public async Task Bad_units_get_a_clear_4xx_never_a_500(string json, string expected)
    {
        var admin = await app.AdminAsync();
        var response = await admin.PostAsync("/api/v1/units", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var detail = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(expected, detail);
    }

    [Fact]
    public async Task Broken_json_is_a_400_not_a_500()
    {
        var admin = await app.AdminAsync();
        var response = await admin.PostAsync("/api/v1/units", new StringContent("{\"name\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Cadres_with_unknown_units_are_refused_and_leading_cadres_are_flagged()
    {
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(app);
        await (await admin.PostAsJsonAsync("/api/v1/cadres", new { name = "张三", unitId = "nope" })).ProblemAsync(HttpStatusCode.BadRequest);
        var head = await admin.PostOkAsync("/api/v1/cadres", new { name = "李局长", unitId = unit, post = "局长", rank = "section" }, HttpStatusCode.Created);
        Assert.True(head.GetProperty("isLeadingCadre").GetBoolean());
        var clerk = await admin.PostOkAsync("/api/v1/cadres", new { name = "王科员", unitId = unit, post = "科员" }, HttpStatusCode.Created);
        Assert.False(clerk.GetProperty("isLeadingCadre").GetBoolean());

        var updated = await admin.PutAsJsonAsync($"/api/v1/units/{unit}",
            new
            {
                name = "有负责人的局", code = app.Unique("h"), parentId = await admin.RootUnitIdAsync(), kind = "department",
                headId = head.Id(), deputyId = clerk.Id()
            });
        var body = await updated.ReadJsonAsync();
        Assert.Equal(head.Id(), body.GetProperty("headId").GetString());
    }

    [Fact]
    public async Task Township_staff_see_only_their_own_cadres_and_cannot_change_the_tree()
    {
        var admin = await app.AdminAsync();
        var townA = await admin.CreateUnitAsync(app, "township");
        var townB = await admin.CreateUnitAsync(app, "township");
        var sectionA = await admin.CreateUnitAsync(app, "section", townA);
        await admin.PostOkAsync("/api/v1/cadres", new { name = "甲镇干部", unitId = sectionA }, HttpStatusCode.Created);
        await admin.PostOkAsync("/api/v1/cadres", new { name = "乙镇干部", unitId = townB }, HttpStatusCode.Created);

        var staffA = await admin.UserAsync(app, townA, "unit");
        var seen = await staffA.GetOkAsync("/api/v1/cadres?pageSize=200");
        var names = seen.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("甲镇干部", names);
        Assert.DoesNotContain("乙镇干部", names);

        Assert.Equal(HttpStatusCode.Forbidden, (await staffA.PostAsJsonAsync("/api/v1/units", new { name = "私设单位", code = app.Unique("p"), parentId = townA, kind = "office" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staffA.PostAsJsonAsync("/api/v1/users",
            new { username = "x1234", password = "abc12345", displayName = "x", unitId = townA, roles = new[] { "admin" } })).StatusCode);
    }

    [Fact]
    public async Task Cadre_search_pages_and_filters_by_name()
    {
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(app);
        for (var i = 0; i < 5; i++)
        {
            await admin.PostOkAsync("/api/v1/cadres", new { name = $"翻页干部{i}", unitId = unit }, HttpStatusCode.Created);
        }
        var page = await admin.GetOkAsync($"/api/v1/cadres?unitId={unit}&q=翻页&page=2&pageSize=2");
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
    }
}
