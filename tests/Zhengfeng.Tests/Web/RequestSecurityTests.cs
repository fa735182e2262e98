using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Zhengfeng.Tests.Web;

/// <summary>What a signed-in browser is protected by: antiforgery on every cookie state change, and the security headers.</summary>
public sealed partial class RequestSecurityTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_cookie_signed_in_api_post_needs_the_antiforgery_token_and_a_bearer_call_does_not()
    {
        var browser = await CookieLoginAsync("admin", AppFactory.AdminPassword);
        var api = await app.AdminAsync();
        var root = await api.RootUnitIdAsync();
        object Unit() => new { name = "防伪测试单位", code = app.Unique("csrf"), parentId = root, kind = "department" };

        // Another site's page can make the browser post JSON or a form with the cookie; without the token it is refused.
        var forged = await browser.PostAsJsonAsync("/api/v1/units", Unit());
        Assert.Contains("防伪令牌", await forged.ProblemAsync(HttpStatusCode.BadRequest));
        var forgedForm = await browser.PostAsync($"/api/v1/users/{await NewUserAsync(api, root)}/disable", new FormUrlEncodedContent([]));
        await forgedForm.ProblemAsync(HttpStatusCode.BadRequest);

        // The page's own script sends the token the layout hands out.
        var token = CsrfMeta().Match(await browser.GetStringAsync("/")).Groups[1].Value;
        Assert.NotEmpty(token);
        using var withToken = new HttpRequestMessage(HttpMethod.Post, "/api/v1/units") { Content = JsonContent.Create(Unit()) };
        withToken.Headers.Add("X-CSRF-TOKEN", WebUtility.HtmlDecode(token));
        Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(withToken)).StatusCode);

        // A bearer token is no ambient credential: no antiforgery token needed.
        await api.PostOkAsync("/api/v1/units", Unit(), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_signed_in_page_carries_the_security_headers_and_no_inline_script_or_style()
    {
        var browser = await CookieLoginAsync("admin", AppFactory.AdminPassword);
        foreach (var url in new[] { "/", "/dashboard", "/evaluations" })
        {
            var response = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS only when Security:Hsts is on");

            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotMatch(InlineScript(), html);
            Assert.DoesNotMatch(InlineHandlerOrStyle(), html);
        }
    }

    private async Task<string> NewUserAsync(HttpClient admin, string unitId)
    {
        var user = await admin.PostOkAsync("/api/v1/users",
            new { username = app.Unique("csrf"), password = AppFactory.Password, displayName = "防伪测试", unitId, roles = new[] { "unit" } }, HttpStatusCode.Created);
        return user.Id();
    }

    private async Task<HttpClient> CookieLoginAsync(string username, string password)
    {
        var client = app.Anonymous();
        var page = await client.GetStringAsync("/login");
        var form = new FormUrlEncodedContent([new("Username", username), new("Password", password), new("__RequestVerificationToken", FormToken().Match(page).Groups[1].Value)]);
        var response = await client.PostAsync("/login", form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login as {username}: {(int)response.StatusCode}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfMeta();

    /// <summary>A script element that runs code written in the page (a src, or a JSON data block, is fine).</summary>
    [GeneratedRegex("<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/json\")[^>]*>")]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\s(on[a-z]+|style)=\"")]
    private static partial Regex InlineHandlerOrStyle();
}
