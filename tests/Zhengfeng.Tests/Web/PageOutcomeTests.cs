using System.Net;
using System.Text.RegularExpressions;

namespace Zhengfeng.Tests.Web;

/// <summary>What a page shows when the workflow refuses: the 404 page, the 403 page, or the message on the same page.</summary>
public sealed partial class PageOutcomeTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_record_that_does_not_exist_gets_the_html_404_page()
    {
        var admin = await CookieLoginAsync("admin", AppFactory.AdminPassword);
        var response = await admin.GetAsync("/cases/no-such-case");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("页面不存在", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_record_out_of_the_users_scope_gets_403()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var township = await admin.CreateUnitAsync(app, "township", root);
        var supervisor = await admin.UserAsync(app, root, "supervisor");
        var clue = await supervisor.PostOkAsync("/api/v1/clues", new { source = "mystery", unitId = township, problemType = "shirking", content = "暗访发现窗口人员推诿群众办事" }, HttpStatusCode.Created);
        var unitStaff = await admin.UserAsync(app, township, "unit");

        // A unit reads only its own self-inspection findings, not a clue about it.
        var response = await unitStaff.GetAsync($"/clues/{clue.Id()}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("无权访问", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_forbidden_record_sends_a_signed_in_browser_to_the_denied_page()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var township = await admin.CreateUnitAsync(app, "township", root);
        var supervisor = await admin.UserAsync(app, root, "supervisor");
        var clue = await supervisor.PostOkAsync("/api/v1/clues", new { source = "mystery", unitId = township, problemType = "shirking", content = "暗访发现窗口人员脱岗" }, HttpStatusCode.Created);
        var username = app.Unique("staff");
        await admin.PostOkAsync("/api/v1/users", new { username, password = AppFactory.Password, displayName = "乡镇干部", unitId = township, roles = new[] { "unit" } }, HttpStatusCode.Created);
        var browser = await CookieLoginAsync(username, AppFactory.Password);

        var response = await browser.GetAsync($"/clues/{clue.Id()}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var denied = await browser.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("无权访问", WebUtility.HtmlDecode(await denied.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_rule_broken_on_a_post_shows_its_message_on_the_same_page_with_the_input_kept()
    {
        var admin = await CookieLoginAsync("admin", AppFactory.AdminPassword);
        var api = await app.AdminAsync();
        var root = await api.RootUnitIdAsync();
        var code = app.Unique("dup");
        await api.PostOkAsync("/api/v1/units", new { name = "原有单位", code, parentId = root, kind = "department" }, HttpStatusCode.Created);

        var response = await PostFormAsync(admin, "/org",
            ("Input.Name", "重复编码的新单位"), ("Input.Code", code), ("Input.Kind", "department"), ("Input.ParentId", root));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"单位编码“{code}”已存在", html);
        Assert.Contains("value=\"重复编码的新单位\"", html);
        Assert.Contains($"value=\"{code}\"", html);
    }

    [Fact]
    public async Task Invalid_input_on_a_post_shows_the_messages_on_the_same_page()
    {
        var admin = await CookieLoginAsync("admin", AppFactory.AdminPassword);
        var response = await PostFormAsync(admin, "/org/edit/no-such-unit", ("Input.Name", "某单位"), ("Input.Code", "x1"), ("Input.SortOrder", "第一"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        var api = await app.AdminAsync();
        var unit = await api.CreateUnitAsync(app);
        var invalid = await PostFormAsync(admin, $"/org/edit/{unit}", ("Input.Name", "改名后的单位"), ("Input.Code", app.Unique("c")), ("Input.Kind", "department"), ("Input.SortOrder", "第一"));
        var html = WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("“第一”不是有效的值", html);
        Assert.Contains("value=\"改名后的单位\"", html);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/cases/zzz/unknown")]
    public async Task An_unknown_page_address_gets_a_chinese_html_404(string url)
    {
        foreach (var client in new[] { app.Anonymous(), await CookieLoginAsync("admin", AppFactory.AdminPassword) })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("页面不存在", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }
    }

    [Theory]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/public/v1/no-such-thing")]
    public async Task An_unknown_api_address_keeps_its_problem_document(string url)
    {
        var response = await (await app.AdminAsync()).GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("未找到", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Signs in through the login form, as a browser does, and keeps the cookie.</summary>
    private async Task<HttpClient> CookieLoginAsync(string username, string password)
    {
        var client = app.Anonymous();
        var response = await PostFormAsync(client, "/login", ("Username", username), ("Password", password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login as {username}: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>Posts a form the way its page does: with the antiforgery token the page handed out.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, params (string Name, string Value)[] fields)
    {
        var page = await client.GetAsync(url);
        var token = Token().Match(await page.Content.ReadAsStringAsync());
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (token.Success)
        {
            form.Add(new("__RequestVerificationToken", token.Groups[1].Value));
        }
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
