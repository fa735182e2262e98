using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace Zhengfeng.Tests.Web;

/// <summary>The public doors stop a script: past the limit per address, 429 with Retry-After and a Chinese message or page.</summary>
public sealed class RateLimitTests(RateLimitTests.LimitedApp app) : IClassFixture<RateLimitTests.LimitedApp>
{
    /// <summary>The app with small limits, as an operator might set them in RateLimits:*.</summary>
    public sealed class LimitedApp : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:Tracking:PermitLimit", "3");
            builder.UseSetting("RateLimits:Tracking:WindowSeconds", "600");
            builder.UseSetting("RateLimits:Login:PermitLimit", "3");
            builder.UseSetting("RateLimits:Login:WindowSeconds", "600");
        }
    }

    [Fact]
    public async Task Tracking_lookups_past_the_limit_get_429_with_retry_after_on_the_api_and_the_page()
    {
        var client = app.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/public/v1/cases/NOSUCH{i}")).StatusCode);
        }

        var refused = await client.GetAsync("/public/v1/cases/NOSUCH9");
        Assert.Contains("请求过于频繁", await refused.ProblemAsync(HttpStatusCode.TooManyRequests));
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");

        // The tracking page shares the limit and answers with the Chinese status page.
        var page = await client.GetAsync("/track/NOSUCH9");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("请求过于频繁", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Token_requests_past_the_limit_get_429_before_the_password_is_checked()
    {
        var client = app.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = "guess" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        var refused = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = AppFactory.AdminPassword });
        Assert.Contains("请求过于频繁", await refused.ProblemAsync(HttpStatusCode.TooManyRequests));
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Fact]
    public async Task An_open311_lookup_of_too_many_ids_is_refused_naming_the_cap()
    {
        var ids = string.Join(",", Enumerable.Range(1, 21).Select(i => $"ZF{i:000000}"));
        var response = await app.Anonymous().GetAsync($"/open311/v2/requests.json?service_request_id={ids}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single();
        Assert.Contains("最多查询 20 个", error.GetProperty("description").GetString());

        var fine = await app.Anonymous().GetAsync($"/open311/v2/requests.json?service_request_id={string.Join(",", Enumerable.Range(1, 20).Select(i => $"ZF{i:000000}"))}");
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }
}
