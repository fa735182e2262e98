using System.Net;
using System.Net.Http.Json;
using Zhengfeng.Features.Accounts;

namespace Zhengfeng.Tests.Accounts;

/// <summary>Lockout that reveals no usernames and cannot be used to lock the owner out; passwords nobody should pick.</summary>
public sealed class LoginProtectionTests
{
    [Fact]
    public async Task Unknown_users_wrong_passwords_and_locked_pairs_get_the_same_answer()
    {
        await using var app = await AppFactory.StartAsync();
        var admin = await app.AdminAsync();
        var username = await CreateUserAsync(app, admin);
        for (var i = 0; i < 5; i++)
        {
            await TryAsync(app, "10.1.0.1", username, "Wrong#guess" + i);
        }

        var unknown = await TryAsync(app, "10.1.0.2", "nosuchuser", "Wrong#guess9");
        var wrong = await TryAsync(app, "10.1.0.3", username, "Wrong#guess9");
        var locked = await TryAsync(app, "10.1.0.1", username, AppFactory.Password); // the right password from the locked pair
        Assert.All(new[] { unknown, wrong, locked }, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        var details = new[] { await unknown.ProblemAsync(HttpStatusCode.Unauthorized), await wrong.ProblemAsync(HttpStatusCode.Unauthorized), await locked.ProblemAsync(HttpStatusCode.Unauthorized) };
        Assert.Single(details.Distinct());
        Assert.Equal(AccountService.InvalidLogin, details[0]);
    }

    [Fact]
    public async Task An_attacker_from_other_addresses_cannot_lock_the_owner_out()
    {
        await using var app = await AppFactory.StartAsync();
        var admin = await app.AdminAsync();
        var username = await CreateUserAsync(app, admin);
        const string home = "192.168.7.20";
        Assert.Equal(HttpStatusCode.OK, (await TryAsync(app, home, username, AppFactory.Password)).StatusCode); // the owner's usual address

        for (var a = 1; a <= 6; a++)
        {
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await TryAsync(app, $"203.0.113.{a}", username, "Guess#pass" + i)).StatusCode);
            }
        }

        // The owner still gets in from home; the attackers' addresses are locked even with the right password, and while the
        // account is under attack an address never used by its owner is refused too.
        Assert.Equal(HttpStatusCode.OK, (await TryAsync(app, home, username, AppFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TryAsync(app, "203.0.113.1", username, AppFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TryAsync(app, "198.51.100.9", username, AppFactory.Password)).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.OK, (await TryAsync(app, "198.51.100.9", username, AppFactory.Password)).StatusCode);
    }

    [Theory]
    [InlineData("Aa123456", "常见弱密码")]
    [InlineData("woaini1314", "常见弱密码")]
    [InlineData("Password2026!", "常见弱密码")]
    [InlineData("Passw0rd!", "常见弱密码")]
    [InlineData("admin@123456", "常见弱密码")]
    [InlineData("zhang19900101", "常见弱密码")]
    [InlineData("1qaz2wsx", "常见弱密码")]
    [InlineData("a1a1a1a1a1", "简单规律")]
    [InlineData("qwertyui12", "简单规律")]
    [InlineData("abcdefgh9", "简单规律")]
    [InlineData("abcdefgh", "密码至少8位")]
    public void Weak_passwords_are_refused_with_the_reason(string password, string expected)
        => Assert.Contains(expected, PasswordPolicy.Check(password, "clerk01"));

    [Theory]
    [InlineData("Demo@2026")]
    [InlineData(AppFactory.Password)]
    [InlineData("Newpass2026")]
    [InlineData("Xinmima#Lv2027")]
    public void Reasonable_passwords_pass(string password) => Assert.Null(PasswordPolicy.Check(password, "clerk01"));

    [Fact]
    public async Task A_password_with_the_username_or_from_the_common_list_is_refused_by_the_api()
    {
        await using var app = await AppFactory.StartAsync();
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(app);
        var withName = await admin.PostAsJsonAsync("/api/v1/users",
            new { username = "liming88", password = "Liming88#x", displayName = "李明", unitId = unit, roles = new[] { "unit" } });
        Assert.Contains("用户名", await withName.ProblemAsync(HttpStatusCode.BadRequest));
        var common = await admin.PostAsJsonAsync("/api/v1/users",
            new { username = "liming89", password = "qq5201314", displayName = "李明", unitId = unit, roles = new[] { "unit" } });
        Assert.Contains("常见弱密码", await common.ProblemAsync(HttpStatusCode.BadRequest));
    }

    private static async Task<string> CreateUserAsync(AppFactory app, HttpClient admin)
    {
        var username = app.Unique("owner");
        await admin.PostOkAsync("/api/v1/users", new { username, password = AppFactory.Password, displayName = "账号主人", unitId = await admin.CreateUnitAsync(app), roles = new[] { "unit" } },
            HttpStatusCode.Created);
        return username;
    }

    private static async Task<HttpResponseMessage> TryAsync(AppFactory app, string address, string username, string password)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add(AppFactory.AddressHeader, address);
        return await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password });
    }
}
