using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Zhengfeng.Tests.Web;

namespace Zhengfeng.Tests.Security;

/// <summary>
/// Every GET route and page of the app, read from its own route table (so a new page is walked without anyone listing it),
/// with path parameters filled from a scenario's records. Public routes and signing out are left out.
/// </summary>
public static class RouteWalk
{
    /// <summary>Pages named otherwise than their API collection.</summary>
    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["assignments"] = "tasks", ["notices"] = "supervision-notices", ["track"] = "trackingCode", ["status"] = "trackingCode", ["follow"] = "followUpCode",
    };

    /// <summary>The URLs, and the templates no record could fill (<paramref name="skipped"/>).</summary>
    public static List<string> Urls(IServiceProvider services, IReadOnlyDictionary<string, string> ids, out List<string> skipped)
    {
        var urls = new SortedSet<string>(StringComparer.Ordinal);
        skipped = [];
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            var path = EndpointAccessMap.Normalize(endpoint.RoutePattern.RawText ?? "");
            if ((methods is not null && !methods.Contains("GET")) || path.StartsWith("/public/", StringComparison.Ordinal) || path.Contains("logout", StringComparison.Ordinal))
            {
                continue;
            }
            var missing = false;
            var url = ApiOperations.Fill(path, (name, before) =>
            {
                if (ids.TryGetValue(name, out var value) || ids.TryGetValue(before, out value) || ids.TryGetValue(Aliases.GetValueOrDefault(before, ""), out value))
                {
                    return value;
                }
                if (name == "year")
                {
                    return "2026";
                }
                missing = true;
                return "";
            });
            if (missing)
            {
                skipped.Add(path);
                continue;
            }
            urls.Add(url);
        }
        return [.. urls];
    }
}
