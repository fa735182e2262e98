using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Zhengfeng.Web;

/// <summary>
/// Headers every response carries: a Content-Security-Policy that allows only this site's own scripts, styles and frames
/// (no inline script; ECharts is served from wwwroot), no MIME sniffing, no referrer leaving the site, no framing, and HSTS
/// when <c>Security:Hsts</c> is on. Behind a reverse proxy, <c>ForwardedHeaders:KnownProxies</c> / <c>KnownNetworks</c>
/// name the proxies whose X-Forwarded-For/-Proto are believed, so Secure cookies and per-address limits see the client.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
        + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void AddSecurityHeaders(this IServiceCollection services, IConfiguration config)
    {
        var proxies = Values(config.GetSection("ForwardedHeaders:KnownProxies")).Select(IPAddress.Parse).ToList();
        var networks = Values(config.GetSection("ForwardedHeaders:KnownNetworks")).Select(System.Net.IPNetwork.Parse).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
    }

    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        var forwarded = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        if (forwarded.KnownProxies.Count > 0 || forwarded.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        if (app.Configuration.GetValue<bool>("Security:Hsts"))
        {
            app.UseHsts();
        }
        return app.Use((http, next) =>
        {
            // Set as the response starts: the exception handler clears the headers of a failed response before writing its own.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(http);
        });
    }

    /// <summary>A list in configuration: an array section, or one value separated by commas (handy in an environment variable).</summary>
    private static IEnumerable<string> Values(IConfigurationSection section)
        => (section.Value is { } one ? one.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries) : section.GetChildren().Select(c => c.Value ?? ""))
            .Select(v => v.Trim()).Where(v => v.Length > 0);
}
