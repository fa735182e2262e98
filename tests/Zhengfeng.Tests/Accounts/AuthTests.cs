using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Zhengfeng.Tests.Accounts;

public sealed class AuthTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_bootstrap_admin_gets_a_token_that_expires_in_china_time()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = AppFactory.AdminPassword });
        var body = await response.ReadJsonAsync();
        Assert.False(string.IsNullOrEmpty(body.GetProperty("token").GetString()));
        Assert.EndsWith("+08:00", body.GetProperty("expiresAt").GetString());
    }

    [Fact]
    public async Task Wrong_credentials_get_401()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = "wrong-password1" });
        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        var unknown = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { username = "nobody", password = "whatever1" });
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        await using var own = await AppFactory.StartAsync(); // moves its clock: its own app
        var admin = await own.AdminAsync();
        var unit = await admin.CreateUnitAsync(own);
        var username = own.Unique("lock");
        await admin.PostOkAsync("/api/v1/users", new { username, password = AppFactory.Password, displayName = "锁定测试", unitId = unit, roles = new[] { "unit" } }, HttpStatusCode.Created);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await own.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { username, password = "bad-guess-" + i })).StatusCode);
        }
        var locked = await own.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { username, password = AppFactory.Password });
        Assert.Contains("尝试过于频繁", await locked.ProblemAsync(HttpStatusCode.Unauthorized));

        own.Clock.Advance(TimeSpan.FromMinutes(16));
        var later = await own.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { username, password = AppFactory.Password });
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_can_no_longer_sign_in()
    {
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(app);
        var username = app.Unique("off");
        var user = await admin.PostOkAsync("/api/v1/users", new { username, password = AppFactory.Password, displayName = "停用测试", unitId = unit, roles = new[] { "unit" } }, HttpStatusCode.Created);
        await admin.PostOkAsync($"/api/v1/users/{user.Id()}/disable", new { });
        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { username, password = AppFactory.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_calls_without_or_with_a_forged_token_get_401()
    {
        var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/units")).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/units")).StatusCode);
    }

    [Theory]
    [InlineData("short1", "密码至少8位")]
    [InlineData("onlyletters", "密码至少8位")]
    public async Task Weak_passwords_and_bad_roles_are_refused(string password, string expected)
    {
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(app);
        var weak = await admin.PostAsJsonAsync("/api/v1/users", new { username = app.Unique("w"), password, displayName = "弱密码", unitId = unit, roles = new[] { "unit" } });
        Assert.Contains(expected, await weak.ProblemAsync(HttpStatusCode.BadRequest));
        var badRole = await admin.PostAsJsonAsync("/api/v1/users", new { username = app.Unique("r"), password = AppFactory.Password, displayName = "坏角色", unitId = unit, roles = new[] { "king" } });
        Assert.Contains("未知角色", await badRole.ProblemAsync(HttpStatusCode.BadRequest));
        var dup = await admin.PostAsJsonAsync("/api/v1/users", new { username = "admin", password = AppFactory.Password, displayName = "重名", unitId = unit, roles = new[] { "unit" } });
        await dup.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Pages_redirect_to_login_and_the_cookie_login_works()
    {
        var browser = app.Anonymous();
        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/login", home.Headers.Location!.PathAndQuery);
        var loginPage = await browser.GetStringAsync("/login");
        Assert.Contains("登录", loginPage);
    }

    [Fact]
    public async Task Health_answers_ok_without_login()
    {
        var body = await app.Anonymous().GetOkAsync("/healthz");
        Assert.Equal("ok", body.GetProperty("status").GetString());
    }
}
