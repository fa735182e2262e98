using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Zhengfeng.Tests.Security;

/// <summary>Who an endpoint's authorization metadata lets in: anyone, or signed-in users holding one of <see cref="Roles"/> (null: any role).</summary>
public sealed record EndpointAccess(bool Anonymous, IReadOnlySet<string>? Roles)
{
    public bool Admits(string? role) => Anonymous || (role is not null && (Roles is null || Roles.Contains(role)));

    public override string ToString() => Anonymous ? "anonymous" : Roles is null ? "signed-in" : string.Join('|', Roles.Order());
}

/// <summary>
/// Reads the app's own endpoint metadata (<see cref="IAuthorizeData"/>, <see cref="IAllowAnonymous"/>) and combines the named
/// policies through the app's policy provider, as the authorization middleware does, so expectations follow
/// <c>Web/Policies.cs</c> and not the responses.
/// </summary>
public static partial class EndpointAccessMap
{
    public static async Task<IReadOnlyDictionary<(string Method, string Path), EndpointAccess>> ReadAsync(IServiceProvider services)
    {
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var map = new Dictionary<(string, string), EndpointAccess>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            var path = Normalize(endpoint.RoutePattern.RawText ?? "");
            var access = await AccessAsync(endpoint, policies);
            foreach (var method in methods)
            {
                map[(method, path)] = access;
            }
        }
        return map;
    }

    /// <summary>A route template as the OpenAPI document writes it: no constraints, no trailing slash, leading slash.</summary>
    public static string Normalize(string template)
    {
        var path = Constraint().Replace(template, "}").TrimEnd('/');
        return path.StartsWith('/') ? path : "/" + path;
    }

    private static async Task<EndpointAccess> AccessAsync(Endpoint endpoint, IAuthorizationPolicyProvider policies)
    {
        var authorizeData = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        var policy = await AuthorizationPolicy.CombineAsync(policies, authorizeData, endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        if (policy is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return new EndpointAccess(true, null);
        }
        HashSet<string>? roles = null;
        foreach (var requirement in policy.Requirements)
        {
            switch (requirement)
            {
                case RolesAuthorizationRequirement r:
                    roles = roles is null ? [.. r.AllowedRoles] : [.. roles.Intersect(r.AllowedRoles)];
                    break;
                case DenyAnonymousAuthorizationRequirement:
                    break;
                default:
                    throw new InvalidOperationException($"{endpoint.DisplayName}: the matrix cannot read requirement {requirement.GetType().Name}");
            }
        }
        return new EndpointAccess(false, roles);
    }

    [GeneratedRegex(@":[^}]*\}")]
    private static partial Regex Constraint();
}
