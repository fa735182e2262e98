using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;

namespace Zhengfeng.Tests.Accounts;

/// <summary>Every way an account's access changes ends its cookies, access tokens and refresh tokens at once.</summary>
public sealed partial class SessionTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string> Endings() => ["logout", "password", "disable", "roles", "admin-end"];

    [Theory]
    [MemberData(nameof(Endings))]
    public async Task Old_cookie_token_and_refresh_token_are_refused_once_the_session_ends(string how)
    {
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(app);
        var (id, username) = await CreateUserAsync(admin, unit, "supervisor");
        var (api, tokens) = await TokenClientAsync(username, AppFactory.Password);
        var browser = await CookieLoginAsync(username, AppFactory.Password);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/me")).StatusCode);

        switch (how)
        {
            case "logout":
                Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync("/api/v1/auth/logout", null)).StatusCode);
                Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(browser, "/me", "/logout")).StatusCode);
                break;
            case "password":
                await admin.PostOkAsync($"/api/v1/users/{id}/password", new { password = "Xinmima#Lv2027" }, HttpStatusCode.NoContent);
                break;
            case "disable":
                await admin.PostOkAsync($"/api/v1/users/{id}/disable", new { });
                break;
            case "roles":
                await admin.PostOkAsync($"/api/v1/users/{id}/roles", new { roles = new[] { "leader" } });
                break;
            default:
                await admin.PostOkAsync($"/api/v1/users/{id}/sessions/end", new { }, HttpStatusCode.NoContent);
                break;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/auth/me")).StatusCode);
        var page = await browser.GetAsync("/me");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery);
        var refresh = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        await refresh.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_ends_only_that_session()
    {
        var admin = await app.AdminAsync();
        var (_, username) = await CreateUserAsync(admin, await admin.CreateUnitAsync(app), "unit");
        var (first, _) = await TokenClientAsync(username, AppFactory.Password);
        var (second, _) = await TokenClientAsync(username, AppFactory.Password);
        Assert.Equal(2, (await second.GetOkAsync("/api/v1/auth/sessions")).GetArrayLength());
        await first.PostAsync("/api/v1/auth/logout", null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Refresh_rotates_the_refresh_token_and_a_reused_one_ends_the_session()
    {
        await using var own = await AppFactory.StartAsync(); // moves its clock
        var admin = await own.AdminAsync();
        var (_, username) = await CreateUserAsync(admin, await admin.CreateUnitAsync(own), "unit", own);
        var login = await own.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { username, password = AppFactory.Password });
        var first = await login.ReadJsonAsync();
        Assert.Equal(TimeSpan.FromMinutes(15), first.GetProperty("expiresAt").GetDateTimeOffset() - own.Clock.GetUtcNow());

        var api = Bearer(own, first.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/auth/me")).StatusCode); // verified once, then remembered
        own.Clock.Advance(TimeSpan.FromMinutes(16)); // the access token has expired: remembered or not, it is refused
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/auth/me")).StatusCode);

        var oldRefresh = first.GetProperty("refreshToken").GetString();
        var second = await own.Anonymous().PostOkAsync("/api/v1/auth/refresh", new { refreshToken = oldRefresh });
        Assert.NotEqual(oldRefresh, second.GetProperty("refreshToken").GetString());
        Assert.Equal(first.GetProperty("sessionId").GetString(), second.GetProperty("sessionId").GetString());
        var renewed = Bearer(own, second.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync("/api/v1/auth/me")).StatusCode);

        // The old refresh token is refused, and since someone kept a copy, the whole session ends.
        var replay = await own.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = oldRefresh });
        await replay.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await renewed.GetAsync("/api/v1/auth/me")).StatusCode);
        var next = await own.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = second.GetProperty("refreshToken").GetString() });
        await next.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_owner_sees_their_devices_and_ends_one_from_the_page()
    {
        var admin = await app.AdminAsync();
        var (id, username) = await CreateUserAsync(admin, await admin.CreateUnitAsync(app), "unit");
        var (api, tokens) = await TokenClientAsync(username, AppFactory.Password);
        var browser = await CookieLoginAsync(username, AppFactory.Password);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/me"));
        Assert.Contains("登录设备", page);
        Assert.Contains("（本设备）", page);

        var sessionId = tokens.GetProperty("sessionId").GetString()!;
        Assert.Contains(sessionId, page);
        var end = await PostFormAsync(browser, "/me", $"/me?handler=End&sessionId={sessionId}");
        Assert.Equal(HttpStatusCode.Redirect, end.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/me")).StatusCode);

        var listed = await admin.GetOkAsync($"/api/v1/users/{id}/sessions");
        Assert.Equal("web", Assert.Single(listed.EnumerateArray()).GetProperty("kind").GetString());
        var audit = await admin.GetStringAsync("/api/v1/audit/verify");
        Assert.Contains("\"ok\":true", audit);
    }

    [Fact]
    public async Task Totp_is_required_after_enrolment_and_each_code_works_once()
    {
        await using var own = await AppFactory.StartAsync(); // moves its clock
        var admin = await own.AdminAsync();
        var (id, username) = await CreateUserAsync(admin, await admin.CreateUnitAsync(own), "inspector", own);
        var user = await own.LoginAsync(username, AppFactory.Password);
        var enrolment = await user.PostOkAsync("/api/v1/auth/totp", new { });
        var secret = enrolment.GetProperty("secret").GetString()!;
        Assert.StartsWith("otpauth://totp/", enrolment.GetProperty("uri").GetString());
        var wrong = await user.PostAsJsonAsync("/api/v1/auth/totp/confirm", new { code = "000000" });
        await wrong.ProblemAsync(HttpStatusCode.BadRequest);
        await user.PostOkAsync("/api/v1/auth/totp/confirm", new { code = Code(secret, own) }, HttpStatusCode.NoContent);

        var withoutCode = await own.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { username, password = AppFactory.Password });
        Assert.Contains("动态验证码", await withoutCode.ProblemAsync(HttpStatusCode.Unauthorized));
        own.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = Code(secret, own);
        var withCode = await own.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { username, password = AppFactory.Password, totp = code });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
        var replayed = await own.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { username, password = AppFactory.Password, totp = code });
        await replayed.ProblemAsync(HttpStatusCode.Unauthorized);

        // The web login asks for the code on a second step, without sending the password again.
        own.Clock.Advance(TimeSpan.FromSeconds(30));
        var browser = own.Anonymous();
        var step1 = await PostFormAsync(browser, "/login", "/login", ("Username", username), ("Password", AppFactory.Password));
        var form = await step1.Content.ReadAsStringAsync();
        Assert.Contains("动态验证码", form);
        Assert.DoesNotContain(AppFactory.Password, form);
        var ticket = WebUtility.HtmlDecode(TicketField().Match(form).Groups[1].Value);
        var step2 = await PostFormAsync(browser, "/login", "/login", ("Ticket", ticket), ("Code", Code(secret, own)));
        Assert.Equal(HttpStatusCode.Redirect, step2.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/me")).StatusCode);

        // An admin resets it (a lost phone): the user's sessions end and the password alone works again.
        await admin.PostOkAsync($"/api/v1/users/{id}/totp/reset", new { }, HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await own.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { username, password = AppFactory.Password })).StatusCode);
    }

    [Fact]
    public async Task A_role_that_requires_totp_must_enrol_before_doing_anything_else()
    {
        var admin = await app.AdminAsync();
        var (_, username) = await CreateUserAsync(admin, await admin.CreateUnitAsync(app), "leader");
        using var strict = app.WithWebHostBuilder(b => b.UseSetting("Security:RequireTotpFor:0", "leader"));
        var refused = await strict.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username, password = AppFactory.Password });
        Assert.Contains("绑定身份验证器", await refused.ProblemAsync(HttpStatusCode.Forbidden));

        var browser = strict.CreateClient(new() { AllowAutoRedirect = false });
        var login = await PostFormAsync(browser, "/login", "/login", ("Username", username), ("Password", AppFactory.Password));
        Assert.Equal("/me", login.Headers.Location!.OriginalString);
        var elsewhere = await browser.GetAsync("/rankings");
        Assert.Equal("/me", elsewhere.Headers.Location!.OriginalString);
        Assert.Contains("生成密钥", WebUtility.HtmlDecode(await browser.GetStringAsync("/me")));
    }

    private static string Code(string secret, AppFactory app)
        => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp(app.Clock.GetUtcNow().UtcDateTime);

    private async Task<(string Id, string Username)> CreateUserAsync(HttpClient admin, string unit, string role, AppFactory? on = null)
    {
        var username = (on ?? app).Unique("s");
        var user = await admin.PostOkAsync("/api/v1/users", new { username, password = AppFactory.Password, displayName = "会话测试", unitId = unit, roles = new[] { role } },
            HttpStatusCode.Created);
        return (user.Id(), username);
    }

    private async Task<(HttpClient Client, JsonElement Tokens)> TokenClientAsync(string username, string password)
    {
        var tokens = await app.Anonymous().PostOkAsync("/api/v1/auth/token", new { username, password });
        return (Bearer(app, tokens.GetProperty("token").GetString()!), tokens);
    }

    private static HttpClient Bearer(AppFactory on, string token)
    {
        var client = on.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<HttpClient> CookieLoginAsync(string username, string password)
    {
        var client = app.Anonymous();
        var response = await PostFormAsync(client, "/login", "/login", ("Username", username), ("Password", password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts a form of the page at <paramref name="pageUrl"/> with the antiforgery token it handed out.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string url, params (string Name, string Value)[] fields)
    {
        var page = await client.GetAsync(pageUrl);
        var token = Antiforgery().Match(await page.Content.ReadAsStringAsync());
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (token.Success)
        {
            form.Add(new("__RequestVerificationToken", token.Groups[1].Value));
        }
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("name=\"Ticket\" value=\"([^\"]+)\"")]
    private static partial Regex TicketField();
}
