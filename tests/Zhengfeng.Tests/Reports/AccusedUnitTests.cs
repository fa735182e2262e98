using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using Zhengfeng.Tests.Security;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Reports;

/// <summary>
/// 作风举报 as the accused unit sees it: not at all. Every page and every read of the app (walked from its own route
/// table, so a new page is covered without anyone listing it) is opened by the accused department's clerk, its unit head
/// and the clerk of a section below it, before the report, after it is received, accepted, checked and concluded, and
/// after it became a clue and an accountability case. Until the transfer every answer is the same as before; after it,
/// no answer carries the reporter's words, the report's number or its follow-up code.
/// </summary>
public sealed partial class AccusedUnitTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    private const string Words = "科长在窗口当面索要烟酒";

    private sealed record Seen(string Url, int Status, string Body);

    [Fact]
    public async Task The_accused_unit_cannot_learn_from_any_page_read_count_or_export_that_a_report_exists()
    {
        var s = await AccessScenario.CreateAsync(app);
        var head = app.Unique("head");
        await s.Cases.Admin.PostOkAsync("/api/v1/users", new
        {
            username = head, password = AppFactory.Password, displayName = "城管局负责人", unitId = s.Unit, roles = new[] { Roles.Unit }, isUnitHead = true,
        }, HttpStatusCode.Created);
        var accused = new Dictionary<string, HttpClient>
        {
            ["clerk"] = s.Caller(Roles.Unit, Scope.Own),
            ["head"] = await app.LoginAsync(head, AppFactory.Password),
            ["section"] = s.Caller(Roles.Unit, Scope.Parent),
        };
        var urls = RouteWalk.Urls(app.Services, s.Ids, out var skipped);
        var before = await WalkAsync(accused, urls, s.Unit);
        Assert.True(before.Values.Count(v => v.Status == 200) > 100, $"only {before.Values.Count(v => v.Status == 200)} answers read: the walk went nowhere");

        var inspector = s.Caller(Roles.Inspector, Scope.Foreign);
        var sent = await app.Anonymous().PostOkAsync("/public/v1/reports",
            new { content = "城管局审批科" + Words + "，不给就拖着不办。", accusedUnitId = s.Unit, accusedName = "审批科科长", anonymous = true }, HttpStatusCode.Created);
        var code = sent.GetProperty("followUpCode").GetString()!;
        var id = (await inspector.GetOkAsync("/api/v1/reports?q=" + Uri.EscapeDataString(Words))).GetProperty("items")[0].Id();
        var number = (await inspector.GetOkAsync($"/api/v1/reports/{id}")).GetProperty("report").GetProperty("number").GetString()!;
        await inspector.PostOkAsync($"/api/v1/reports/{id}/accept", new { });
        await inspector.PostOkAsync($"/api/v1/reports/{id}/check", new { });
        await inspector.PostOkAsync($"/api/v1/reports/{id}/conclusion", new { finding = "true", conclusion = "经初核，索要烟酒问题属实" });

        var during = await WalkAsync(accused, urls, s.Unit);
        var changed = before.Keys.Where(k => !before[k].Equals(during[k])).Select(k => $"{k}: {before[k].Status} → {during[k].Status}, {Difference(before[k].Body, during[k].Body)}").ToList();
        output.WriteLine($"accused unit: {urls.Count} routes × {accused.Count} accounts, {before.Values.Count(v => v.Status == 200)} answers read, "
            + $"{skipped.Count} routes without a record to name: {string.Join(", ", skipped)}");
        Assert.True(changed.Count == 0, "the accused unit's view changed while the report was handled:\n" + string.Join('\n', changed));

        var clue = (await inspector.PostOkAsync($"/api/v1/reports/{id}/transfer", new { unitId = s.Unit, problemType = "abuse", summary = "审批环节吃拿卡要" }))
            .GetProperty("clueId").GetString()!;
        await inspector.PostOkAsync("/api/v1/accountability", new { unitId = s.Unit, clueId = clue, facts = "审批环节吃拿卡要，经初核属实" }, HttpStatusCode.Created);
        var after = await WalkAsync(accused, urls, s.Unit);
        var traces = after.Where(p => Leaks(p.Value.Body, Words, number, code)).Select(p => p.Key).ToList();
        Assert.True(traces.Count == 0, "the accused unit reads the report on:\n" + string.Join('\n', traces));
    }

    /// <summary>Where two answers part, with a little of each.</summary>
    private static string Difference(string a, string b)
    {
        var i = 0;
        while (i < Math.Min(a.Length, b.Length) && a[i] == b[i])
        {
            i++;
        }
        var from = Math.Max(0, i - 40);
        return $"«{a[from..Math.Min(a.Length, i + 80)]}» became «{b[from..Math.Min(b.Length, i + 80)]}»";
    }

    private static bool Leaks(string body, params string[] secrets)
        => secrets.Any(secret => body.Contains(secret, StringComparison.OrdinalIgnoreCase)
            || body.Contains(secret.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));

    private static async Task<Dictionary<string, Seen>> WalkAsync(Dictionary<string, HttpClient> callers, List<string> urls, string unit)
    {
        var seen = new Dictionary<string, Seen>();
        var query = "?unitId=" + unit + "&year=2026&period=2026-11&month=2026-11&from=2026-11-01&to=2026-11-30";
        foreach (var (who, client) in callers)
        {
            foreach (var url in urls)
            {
                var answer = await ReadAsync(client, url);
                if (answer.Status == 400)
                {
                    answer = await ReadAsync(client, url + query);
                }
                seen[$"{who} {url}"] = answer;
            }
        }
        return seen;
    }

    private static async Task<Seen> ReadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new Seen(url, (int)response.StatusCode, Text(bytes));
    }

    /// <summary>The answer as text a reader could see: HTML decoded, per-request tokens, nonces, trace ids and the random part ids of office files out.</summary>
    private static string Text(byte[] bytes)
    {
        if (bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K')
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            var parts = new StringBuilder();
            var content = zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) || e.FullName.StartsWith("word/", StringComparison.Ordinal));
            foreach (var entry in content.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                using var reader = new StreamReader(entry.Open());
                parts.Append(entry.FullName).Append('\n').Append(reader.ReadToEnd());
            }
            return Volatile().Replace(parts.ToString(), "");
        }
        var text = WebUtility.HtmlDecode(Encoding.UTF8.GetString(bytes));
        return Volatile().Replace(text, "");
    }

    [GeneratedRegex("CfDJ8[A-Za-z0-9_-]+|nonce=\"[^\"]*\"|\"traceId\":\"[^\"]*\"|\"R[0-9a-f]{16}\"")]
    private static partial Regex Volatile();
}
