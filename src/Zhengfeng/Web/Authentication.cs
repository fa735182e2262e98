using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.Tokens;
using Zhengfeng.Data;
using Zhengfeng.Features.Accounts;
using Zhengfeng.Features.Audit;

namespace Zhengfeng.Web;

/// <summary>
/// Cookie for pages, bearer JWT for the API; one policy scheme picks by the Authorization header. A disabled
/// account stops working at its next request (checked through a 30-second cache).
/// </summary>
public static class Authentication
{
    private const string Smart = "smart";

    public static void AddZhengfengAuth(this IServiceCollection services)
    {
        services.AddSingleton<TokenKeys>();
        services.AddDataProtection().SetApplicationName("zhengfeng").PersistKeysToDbContext<AppDb>();
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, "cookie or bearer", o => o.ForwardDefaultSelector = http =>
                IsBearer(http.Request) ? JwtBearerDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/denied";
                o.Cookie.Name = "zf.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = async ctx =>
                {
                    if (!await IsActiveAsync(ctx.HttpContext, ctx.Principal))
                    {
                        ctx.RejectPrincipal();
                        await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
            })
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = async ctx =>
                    {
                        if (!await IsActiveAsync(ctx.HttpContext, ctx.Principal))
                        {
                            ctx.Fail("账号已停用");
                        }
                    },
                };
            });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TokenKeys, TimeProvider>((o, keys, clock) =>
        {
            o.TimeProvider = clock;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = TokenKeys.Issuer,
                ValidAudience = TokenKeys.Issuer,
                IssuerSigningKeyResolver = (_, _, _, _) => [keys.Key],
                NameClaimType = ClaimTypes.Name,
                RoleClaimType = ClaimTypes.Role,
                ClockSkew = TimeSpan.FromMinutes(1),
                LifetimeValidator = (notBefore, expires, _, _) =>
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    return (notBefore is null || notBefore <= now.AddMinutes(1)) && expires > now;
                },
            };
        });
        services.AddAuthorization(Policies.Add);
    }

    /// <summary>The request authenticates with a bearer token, not the cookie (so it needs no antiforgery token).</summary>
    public static bool IsBearer(HttpRequest request)
        => request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/open311"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static async Task<bool> IsActiveAsync(HttpContext http, ClaimsPrincipal? principal)
    {
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return false;
        }
        var cache = http.RequestServices.GetRequiredService<IMemoryCache>();
        return await cache.GetOrCreateAsync("active:" + id, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30);
            var db = http.RequestServices.GetRequiredService<AppDb>();
            return await db.Users.AsNoTracking().AnyAsync(u => u.Id == id && u.IsActive);
        });
    }

    /// <summary>Puts the signed-in user on the audit actor of this request's scope.</summary>
    public static IApplicationBuilder UseAuditActor(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var actor = http.RequestServices.GetRequiredService<AuditActor>();
            actor.Id = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
            actor.Name = http.User.FindFirstValue(ClaimTypes.GivenName) ?? http.User.Identity.Name ?? "";
        }
        else
        {
            var actor = http.RequestServices.GetRequiredService<AuditActor>();
            actor.Id = "anonymous:" + AccountsApi.ClientAddress(http);
            actor.Name = "匿名访问者";
        }
        await next(http);
    });
}
