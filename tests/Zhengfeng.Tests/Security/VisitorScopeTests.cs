using System.Net;
using Xunit.Abstractions;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Security;

/// <summary>
/// 暗访员 (an outside visitor) may open the landing page, their own account, the refusal page and 暗访 — and in 暗访 only
/// the plans naming them. Every other page and read of the app, walked from its route table, refuses them unless it is
/// public (anonymous callers get it too).
/// </summary>
public sealed class VisitorScopeTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    private static readonly string[] OpenToVisitors = ["/", "/me", "/denied", "/api/v1/auth/"];

    [Fact]
    public async Task A_visitor_named_on_no_plan_opens_nothing_but_their_own_pages_and_an_empty_list_of_plans()
    {
        var s = await AccessScenario.CreateAsync(app);
        var urls = RouteWalk.Urls(app.Services, s.Ids, out _);
        var planTitle = "窗口单位作风暗访";
        var opened = new List<string>();
        var read = 0;
        foreach (var (scope, visitor) in new[] { ("own", s.Caller(Roles.Visitor, Scope.Own)), ("foreign", s.Caller(Roles.Visitor, Scope.Foreign)) })
        {
            foreach (var url in urls)
            {
                using var answer = await visitor.GetAsync(url);
                if (answer.StatusCode != HttpStatusCode.OK)
                {
                    continue;
                }
                read++;
                var body = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
                var own = OpenToVisitors.Any(p => p.EndsWith('/') ? url.StartsWith(p, StringComparison.Ordinal) : url == p);
                var inspections = url.StartsWith("/inspections", StringComparison.Ordinal) || url.StartsWith("/api/v1/inspections", StringComparison.Ordinal);
                if (inspections && body.Contains(planTitle, StringComparison.Ordinal))
                {
                    opened.Add($"{scope} {url}: shows a plan that does not name them");
                }
                else if (!own && !inspections)
                {
                    using var anonymous = await s.Anonymous.GetAsync(url);
                    if (anonymous.StatusCode != HttpStatusCode.OK)
                    {
                        opened.Add($"{scope} {url}: {(int)anonymous.StatusCode} for anonymous callers, 200 for the visitor");
                    }
                }
            }
        }
        output.WriteLine($"visitor walk: {urls.Count} routes × 2 visitors, {read} answered 200 (their own pages, the empty plan list and public pages)");
        Assert.True(read >= 8, $"only {read} routes answered: the walk did not reach the visitor's own pages");
        Assert.True(opened.Count == 0, "a visitor opened:\n" + string.Join('\n', opened));
    }
}
