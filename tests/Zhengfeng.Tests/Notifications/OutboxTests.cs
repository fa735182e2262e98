using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Notifications;

/// <summary>The SMS gateway's queue: read page by page, acknowledge sent or failed, failed ones retried until they give up.</summary>
public sealed partial class OutboxTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<List<string>> DispatchCasesAsync(CaseScenario s, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await s.DispatchedCaseAsync()).Id);
        }
        return ids;
    }

    private static async Task<JsonElement> OutboxAsync(HttpClient admin, string query = "")
        => await admin.GetOkAsync("/api/v1/outbox" + query);

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task Acknowledging_each_page_as_sent_drains_the_queue_and_acking_again_changes_nothing()
    {
        await using var own = await AppFactory.StartAsync(); // drains the whole queue: an app of its own
        var s = await CaseScenario.CreateAsync(own);
        await DispatchCasesAsync(s, 5);
        var queued = await OutboxAsync(s.Admin);
        var total = queued.GetProperty("total").GetInt32();
        Assert.True(total >= 5, $"every dispatch queues a text for the lead unit; queued {total}");

        var seen = new List<string>();
        for (var round = 0; round < 20; round++)
        {
            var page = await OutboxAsync(s.Admin, "?pageSize=2");
            var ids = Items(page).Select(m => m.Id()).ToList();
            if (ids.Count == 0)
            {
                break;
            }
            Assert.True(ids.Count <= 2);
            Assert.All(Items(page), m => Assert.Equal("unsent", m.GetProperty("status").GetString()));
            var ack = await s.Admin.PostOkAsync("/api/v1/outbox/ack", new { items = ids.Select(id => new { id, result = "sent" }) });
            Assert.All(ack.GetProperty("items").EnumerateArray(), o => Assert.Equal("sent", o.GetProperty("status").GetString()));
            seen.AddRange(ids);
        }
        Assert.Equal(total, seen.Distinct().Count());
        Assert.Equal(0, (await OutboxAsync(s.Admin)).GetProperty("total").GetInt32());
        Assert.Equal(total, (await OutboxAsync(s.Admin, "?status=sent&pageSize=200")).GetProperty("total").GetInt32());

        // The gateway repeats an ack after a lost response: same answer, nothing comes back to the queue.
        var again = await s.Admin.PostOkAsync("/api/v1/outbox/ack", new { items = seen.Take(3).Select(id => new { id, result = "sent" }) });
        Assert.All(again.GetProperty("items").EnumerateArray(), o => Assert.Equal("sent", o.GetProperty("status").GetString()));
        Assert.Equal(0, (await OutboxAsync(s.Admin)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_failed_message_is_retried_until_it_has_failed_five_times_then_stays_failed_until_an_admin_retries_it()
    {
        await using var own = await AppFactory.StartAsync();
        var s = await CaseScenario.CreateAsync(own);
        await DispatchCasesAsync(s, 1);
        var id = Items(await OutboxAsync(s.Admin)).First().Id();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var ack = await s.Admin.PostOkAsync("/api/v1/outbox/ack", new { items = new[] { new { id, result = "failed", error = "网关超时" } } });
            var outcome = ack.GetProperty("items")[0];
            Assert.Equal("unsent", outcome.GetProperty("status").GetString()); // back in the queue for another try
            Assert.Equal(attempt, outcome.GetProperty("attempts").GetInt32());
            Assert.Contains(id, Items(await OutboxAsync(s.Admin)).Select(m => m.Id()));
        }
        var last = await s.Admin.PostOkAsync("/api/v1/outbox/ack", new { items = new[] { new { id, result = "failed", error = "号码停机" } } });
        Assert.Equal("failed", last.GetProperty("items")[0].GetProperty("status").GetString());
        Assert.DoesNotContain(id, Items(await OutboxAsync(s.Admin)).Select(m => m.Id()));
        var failed = Items(await OutboxAsync(s.Admin, "?status=failed")).Single(m => m.Id() == id);
        Assert.Equal(5, failed.GetProperty("attempts").GetInt32());
        Assert.Equal("号码停机", failed.GetProperty("lastError").GetString());

        // A late failure report does not count a sixth time.
        var late = await s.Admin.PostOkAsync("/api/v1/outbox/ack", new { items = new[] { new { id, result = "failed" } } });
        Assert.Equal(5, late.GetProperty("items")[0].GetProperty("attempts").GetInt32());

        // The admin page lists it under 发送失败 and its 重发 button puts it back in the queue.
        var browser = await CookieLoginAsync(own, "admin", AppFactory.AdminPassword);
        var page = await browser.GetAsync("/outbox?status=failed");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("号码停机", html);
        Assert.Contains("重发", html);
        var retried = await PostFormAsync(browser, "/outbox?status=failed", $"/outbox?handler=Retry&id={id}&status=failed");
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        var requeued = Items(await OutboxAsync(s.Admin)).Single(m => m.Id() == id);
        Assert.Equal(0, requeued.GetProperty("attempts").GetInt32());

        var export = await browser.GetAsync("/api/v1/exports/outbox.xlsx?status=all");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_ids_are_reported_back_and_the_known_ones_are_still_acknowledged()
    {
        var s = await CaseScenario.CreateAsync(app);
        await DispatchCasesAsync(s, 1);
        var id = Items(await OutboxAsync(s.Admin, "?pageSize=200")).Last().Id();
        var ack = await s.Admin.PostOkAsync("/api/v1/outbox/ack",
            new { items = new object[] { new { id, result = "sent" }, new { id = "no-such-message", result = "sent" } } });
        Assert.Equal(id, ack.GetProperty("items")[0].Id());
        Assert.Equal(["no-such-message"], ack.GetProperty("unknown").EnumerateArray().Select(e => e.GetString()!));
    }

    [Fact]
    public async Task Only_an_admin_reads_or_acknowledges_the_outbox()
    {
        var s = await CaseScenario.CreateAsync(app);
        foreach (var client in new[] { s.Operator, s.Dispatcher, s.LeadStaff })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/outbox")).StatusCode);
            var ack = await client.PostAsJsonAsync("/api/v1/outbox/ack", new { items = new[] { new { id = "x", result = "sent" } } });
            Assert.Equal(HttpStatusCode.Forbidden, ack.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/exports/outbox.xlsx")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/outbox")).StatusCode);
    }

    [Fact]
    public async Task Bad_acknowledgements_and_filters_are_refused_with_400_in_chinese()
    {
        var admin = await app.AdminAsync();
        var tooMany = Enumerable.Range(0, 501).Select(i => new { id = $"m{i}", result = "sent" });
        Assert.Contains("500", await (await admin.PostAsJsonAsync("/api/v1/outbox/ack", new { items = tooMany })).ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Matches(HanRegex(), await (await admin.PostAsJsonAsync("/api/v1/outbox/ack", new { items = Array.Empty<object>() })).ProblemAsync(HttpStatusCode.BadRequest));
        var badResult = await admin.PostAsJsonAsync("/api/v1/outbox/ack", new { items = new[] { new { id = "m1", result = "delivered" } } });
        Assert.Contains("sent", await badResult.ProblemAsync(HttpStatusCode.BadRequest));
        var noResult = await admin.PostAsJsonAsync("/api/v1/outbox/ack", new { items = new[] { new { id = "m1" } } });
        Assert.Matches(HanRegex(), await noResult.ProblemAsync(HttpStatusCode.BadRequest));
        var longError = await admin.PostAsJsonAsync("/api/v1/outbox/ack", new { items = new[] { new { id = "m1", result = "failed", error = new string('错', 201) } } });
        Assert.Matches(HanRegex(), await longError.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Contains("status", await (await admin.GetAsync("/api/v1/outbox?status=pending")).ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Contains("pageSize", await (await admin.GetAsync("/api/v1/outbox?pageSize=0")).ProblemAsync(HttpStatusCode.BadRequest));
    }

    private static async Task<HttpClient> CookieLoginAsync(AppFactory on, string username, string password)
    {
        var client = on.Anonymous();
        var response = await PostFormAsync(client, "/login", "/login", ("Username", username), ("Password", password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

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

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HanRegex();
}
