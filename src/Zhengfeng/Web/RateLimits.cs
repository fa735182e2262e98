using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Zhengfeng.Web;

/// <summary>One fixed window per client address for a kind of public request (<c>RateLimits:&lt;Kind&gt;:PermitLimit</c>, <c>:WindowSeconds</c>).</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>The limits of the public doors; the defaults let a busy office behind one address work and stop a script.</summary>
public sealed class RateLimitRules
{
    public RateLimit Login { get; set; } = new() { PermitLimit = 60 };

    public RateLimit Tracking { get; set; } = new() { PermitLimit = 120 };

    public RateLimit Ballot { get; set; } = new() { PermitLimit = 120 };

    public RateLimit Submit { get; set; } = new() { PermitLimit = 20 };

    public RateLimit Open311 { get; set; } = new() { PermitLimit = 300 };
}

/// <summary>
/// Rate limits on what anyone can reach without an account: sign-in (page and token), tracking lookups and ratings, ballots,
/// the public submit form and Open311. A refused request gets 429 with Retry-After: the API a Chinese problem, a page the
/// Chinese status page.
/// </summary>
public static class RateLimits
{
    public const string Login = "login";
    public const string Tracking = "tracking";
    public const string Ballot = "ballot";
    public const string Submit = "submit";
    public const string Open311 = "open311";

    public static void AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitRules>().BindConfiguration("RateLimits").ValidateOnStart()
            .Validate(r => new[] { r.Login, r.Tracking, r.Ballot, r.Submit, r.Open311 }.All(l => l.PermitLimit > 0 && l.WindowSeconds is > 0 and <= 86_400),
                "RateLimits：PermitLimit 应为正整数，WindowSeconds 应在 1 到 86400 之间");
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            o.AddPolicy(Login, http => HttpMethods.IsPost(http.Request.Method) ? PerAddress(http, r => r.Login) : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(Tracking, http => PerAddress(http, r => r.Tracking));
            o.AddPolicy(Ballot, http => PerAddress(http, r => r.Ballot));
            o.AddPolicy(Submit, http => HttpMethods.IsPost(http.Request.Method) ? PerAddress(http, r => r.Submit) : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(Open311, http => PerAddress(http, r => r.Open311));
        });
    }

    /// <summary>The public pages' limits (the API groups name theirs in their route tables).</summary>
    public static void LimitPublicPages(this PageConventionCollection pages)
    {
        Limit(pages, "/Accounts/Login", Login);
        Limit(pages, "/Cases/Track", Tracking);
        Limit(pages, "/Evaluations/Ballot", Ballot);
        Limit(pages, "/Cases/Submit", Submit);
        Limit(pages, "/Reports/Submit", Submit);
        Limit(pages, "/Reports/Follow", Tracking);
        Limit(pages, "/Services/Guide", Tracking);
        Limit(pages, "/Services/GuideUnit", Tracking);
    }

    private static void Limit(PageConventionCollection pages, string page, string policy)
        => pages.AddPageApplicationModelConvention(page, m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(policy)));

    private static RateLimitPartition<string> PerAddress(HttpContext http, Func<RateLimitRules, RateLimit> pick)
    {
        var limit = pick(http.RequestServices.GetRequiredService<IOptions<RateLimitRules>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = TimeSpan.FromSeconds(limit.WindowSeconds),
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = $"请求过于频繁，请在 {seconds} 秒后重试";
        if (http.Request.Path.StartsWithSegments("/open311"))
        {
            await Features.Open311.Open311Xml.Error(http.Request.Path.Value!.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? "xml" : "json",
                StatusCodes.Status429TooManyRequests, message).ExecuteAsync(http);
        }
        else if (StatusPages.IsApi(http.Request.Path))
        {
            await Problems.Of(http, StatusCodes.Status429TooManyRequests, "rate_limited", message).ExecuteAsync(http);
        }
        // A page keeps an empty body: the status pages show the Chinese 429 page.
    }
}
