using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Zhengfeng.Features.Demo;
using Zhengfeng.Tests;

namespace Zhengfeng.BrowserTests;

/// <summary>The demo county (a year of cases, clues, ledgers) behind a real browser, loaded once for the crawl.</summary>
public sealed class CrawlCounty : IAsyncLifetime
{
    public BrowserApp App { get; } = new();

    /// <summary>What users typed that may be Latin letters on a page: usernames, unit and category codes.</summary>
    public HashSet<string> TypedCodes { get; } = new(StringComparer.OrdinalIgnoreCase);

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoCounty>().LoadAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<DemoWork>().LoadAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<DemoHistory>().LoadAsync(CancellationToken.None);
        await App.WithDbAsync(async db =>
        {
            TypedCodes.UnionWith(await db.Users.Select(u => u.Username).ToListAsync());
            TypedCodes.UnionWith(await db.Units.Select(u => u.Code).ToListAsync());
            TypedCodes.UnionWith(await db.Set<Zhengfeng.Features.Cases.Category>().Select(c => c.Code).ToListAsync());
        });
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Every role signs in to the demo county and follows every link of the pages it reaches (GET only, a few pages per kind
/// of address): no page fails, no link leads to an error page, and no text a user reads is English or a raw code.
/// Text marked translate="no" (keys and hashes a user copies, not reads) is left out.
/// </summary>
public sealed partial class CrawlJourney(CrawlCounty county, ITestOutputHelper output) : IClassFixture<CrawlCounty>
{
    private const int MaxPages = 110;
    private const int PagesPerKind = 2;

    /// <summary>Latin words a Chinese user reads as such: file formats, standards, protocol names.</summary>
    private static readonly HashSet<string> AllowedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Excel", "xlsx", "csv", "PDF", "Word", "docx", "API", "Open311", "GeoReport", "TOTP", "JSON", "XML", "SMS", "ID", "URL",
        "SQLite", "PostgreSQL", "Ed25519", "SM2", "SM3", "GB/T", "RFC", "C2SP", "Merkle", "ECharts", "Chromium", "OK", "Authenticator", "GET", "POST",
        "Windows", "Linux", "macOS", "iOS", "iPadOS", "Edge", "Safari",
    };

    [Theory]
    [InlineData("admin")]
    [InlineData("operator")]
    [InlineData("dispatcher")]
    [InlineData("supervisor")]
    [InlineData("inspector")]
    [InlineData("leader")]
    [InlineData("d-urban")]
    [InlineData("t-01-s2")]
    public async Task Every_page_a_role_reaches_is_in_Chinese_and_none_fails(string username)
    {
        var page = await county.App.NewPageAsync();
        await BrowserApp.LoginAsync(page, username, username == "admin" ? AppFactory.AdminPassword : DemoCounty.Password);

        var findings = new List<string>();
        var queue = new Queue<(string Url, string From)>([("/", "登录")]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPages)
        {
            var (url, from) = queue.Dequeue();
            var kind = KindOf(url);
            if (kinds.GetValueOrDefault(kind) >= PagesPerKind)
            {
                continue;
            }
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            visited++;
            var response = await page.GotoAsync(url);
            var status = response?.Status ?? 0;
            if (status >= 400)
            {
                findings.Add($"{url} (linked from {from}): HTTP {status}");
                continue;
            }
            if (!page.Url.StartsWith(county.App.BaseUrl, StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var text in await page.EvaluateAsync<string[]>(ReadableTexts))
            {
                if (IsEnglish(text))
                {
                    findings.Add($"{url}: “{text}”");
                }
            }
            foreach (var href in await page.EvaluateAsync<string[]>(Links))
            {
                if (Followable(href) is { } next && seen.Add(next))
                {
                    queue.Enqueue((next, url));
                }
            }
        }
        output.WriteLine($"{username}: {visited} pages, {kinds.Count} kinds of address, {queue.Count} links left");
        findings = findings.Distinct().ToList();
        Assert.True(findings.Count == 0, $"{username}: {findings.Count} findings\n" + string.Join("\n", findings));
    }

    [Fact]
    public async Task Public_pages_have_tap_targets_of_at_least_44_pixels_on_a_phone()
    {
        string? code = null;
        await county.App.WithDbAsync(async db => code = await db.Set<Zhengfeng.Features.Cases.Case>()
            .Where(c => c.Status == Zhengfeng.Features.Cases.CaseStatus.Replied).Select(c => c.TrackingCode).FirstAsync());
        var page = await county.App.NewPageAsync(phone: true);
        var small = new List<string>();
        foreach (var url in new[] { "/submit", "/track", $"/track/{code}", "/ballot", "/public/typical-cases", "/login" })
        {
            Assert.Equal(200, (await page.GotoAsync(url))!.Status);
            small.AddRange((await page.EvaluateAsync<string[]>(SmallTargets)).Select(t => $"{url}: {t}"));
        }
        Assert.True(small.Count == 0, "tap targets under 44 px:\n" + string.Join("\n", small));
    }

    [Theory]
    [InlineData("operator", "/cases/new", "受理")]
    [InlineData("inspector", "/clues", "登记线索")]
    [InlineData(null, "/submit", "提交诉求")]
    public async Task A_form_posted_with_its_required_fields_empty_says_so_in_Chinese(string? username, string url, string button)
    {
        var page = await county.App.NewPageAsync();
        if (username is not null)
        {
            await BrowserApp.LoginAsync(page, username, DemoCounty.Password);
        }
        await page.GotoAsync(url);
        var form = page.Locator("form[method=post]").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = button }) }).First;
        await form.EvaluateAsync("""
            f => {
              f.noValidate = true;
              for (const el of f.querySelectorAll('input:not([type=hidden]):not([type=radio]):not([type=checkbox]), textarea')) el.value = '';
              for (const el of f.querySelectorAll('select')) { const empty = [...el.options].find(o => o.value === ''); if (empty) el.value = ''; }
            }
            """);
        await form.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToBeVisibleAsync();
        var english = (await page.EvaluateAsync<string[]>(ReadableTexts)).Where(IsEnglish).ToList();
        Assert.True(english.Count == 0, $"{url}: " + string.Join(" | ", english));
    }

    /// <summary>
    /// A text with a Latin word that is not a name or code a user typed, part of a number or code (a digit in it), an e-mail
    /// address, a web address or the name of a format or standard.
    /// </summary>
    private bool IsEnglish(string text)
    {
        var t = Addresses().Replace(text.Trim(), " ");
        if (county.TypedCodes.Contains(t))
        {
            return false;
        }
        return LatinWord().Matches(t).Select(m => m.Value.TrimEnd('.', '/', '-'))
            .Any(w => w.Length >= 2 && w.Any(char.IsAsciiLetter) && !w.Any(char.IsDigit) && !TrackingCode().IsMatch(w)
                && !AllowedWords.Contains(w) && !county.TypedCodes.Contains(w));
    }

    /// <summary>The same-origin page a link leads to, or null for downloads, the API, sign-out and other sites.</summary>
    private string? Followable(string href)
    {
        if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || !href.StartsWith(county.App.BaseUrl, StringComparison.Ordinal))
        {
            return null;
        }
        var path = uri.AbsolutePath;
        string[] skipped = ["/api/", "/public/v1", "/open311", "/openapi", "/logout", "/healthz", "/lib/", "/css/", "/js/"];
        if (skipped.Any(s => path.StartsWith(s, StringComparison.OrdinalIgnoreCase))
            || DownloadExtension().IsMatch(path))
        {
            return null;
        }
        return uri.PathAndQuery;
    }

    /// <summary>The address with record ids and query values dropped: "/cases/{id}", "/cases?status&amp;p".</summary>
    private static string KindOf(string url)
    {
        var parts = url.Split('?', 2);
        var path = IdSegment().Replace(parts[0], "/{id}");
        if (parts.Length == 1)
        {
            return path;
        }
        var keys = parts[1].Split('&').Select(p => p.Split('=')[0]).Where(k => k.Length > 0).Order(StringComparer.Ordinal);
        return new StringBuilder(path).Append('?').AppendJoin('&', keys).ToString();
    }

    /// <summary>Visible text nodes, the document title, and the words of labels, buttons, placeholders, titles and options.</summary>
    private const string ReadableTexts = """
        () => {
          const out = [document.title];
          const visible = el => el && el.checkVisibility && el.checkVisibility();
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement;
            if (!el || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA'].includes(el.tagName)) continue;
            if (el.closest('[translate=no]')) continue;
            if (el.tagName !== 'OPTION' && !visible(el)) continue;
            const t = n.textContent.trim();
            if (t) out.push(t);
          }
          for (const el of document.querySelectorAll('[placeholder],[title],[aria-label],[alt],input[type=submit],input[type=button]')) {
            if (el.closest('[translate=no]')) continue;
            for (const a of ['placeholder', 'title', 'aria-label', 'alt']) { const v = el.getAttribute(a); if (v) out.push(v); }
            if (el.tagName === 'INPUT' && (el.type === 'submit' || el.type === 'button') && el.value) out.push(el.value);
          }
          return out;
        }
        """;

    /// <summary>Visible links, buttons and fields (a radio or check box by its label) smaller than 44 × 44 px.</summary>
    private const string SmallTargets = """
        () => [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')]
          .filter(el => el.checkVisibility())
          .map(el => ['radio', 'checkbox'].includes(el.type) && el.closest('label') ? el.closest('label') : el)
          .map(el => ({ el, r: el.getBoundingClientRect() }))
          .filter(x => x.r.width < 44 || x.r.height < 44)
          .map(x => `${x.el.tagName.toLowerCase()} “${(x.el.innerText || x.el.value || x.el.name || '').trim().slice(0, 20)}” ${Math.round(x.r.width)}×${Math.round(x.r.height)}`)
        """;

    private const string Links = "() => [...document.querySelectorAll('a[href]:not([download])')].map(a => a.href)";

    [GeneratedRegex("[A-Za-z0-9][A-Za-z0-9._/+-]*")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"\S+@\S+|https?://\S+|(?<![A-Za-z])/[A-Za-z0-9/{}._?=&-]+")]
    private static partial Regex Addresses();

    /// <summary>A 查询码 (capital letters) as the office sees it on a case.</summary>
    [GeneratedRegex("^[A-Z]{8,}$")]
    private static partial Regex TrackingCode();

    [GeneratedRegex(@"/(?:[0-9a-f]{32}|[0-9]+|[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?)(?=/|$)")]
    private static partial Regex IdSegment();

    [GeneratedRegex(@"\.(?:xlsx|docx|csv|pdf|txt|json|zip)$", RegexOptions.IgnoreCase)]
    private static partial Regex DownloadExtension();
}
