using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Tokens;
using Zhengfeng.Data;
using Zhengfeng.Features.Accounts;
using Zhengfeng.Features.Audit;

namespace Zhengfeng.Web;

/// <summary>
/// Cookie for pages, bearer JWT for the API; one policy scheme picks by the Authorization header. Both carry the id of a
/// server-side session (<see cref="SessionService"/>), checked on every request: an ended session stops working at once.
/// </summary>
public static class Authentication
{
    private const string Smart = "smart";

    public static void AddZhengfengAuth(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<TokenKeys>();
        services.AddSingleton<VerifiedTokens>();
        services.AddZhengfengKeyRing(config);
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
                    if (!await IsSessionOpenAsync(ctx.HttpContext, ctx.Principal))
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
                    OnMessageReceived = async ctx =>
                    {
                        var token = BearerToken(ctx.Request);
                        var known = ctx.HttpContext.RequestServices.GetRequiredService<VerifiedTokens>().Find(token, ctx.Options.TimeProvider!.GetUtcNow());
                        if (known is null)
                        {
                            return; // verified in full below
                        }
                        if (await IsSessionOpenAsync(ctx.HttpContext, known))
                        {
                            ctx.Principal = known;
                            ctx.Success();
                        }
                        else
                        {
                            ctx.Fail("登录已失效");
                        }
                    },
                    OnTokenValidated = async ctx =>
                    {
                        if (!await IsSessionOpenAsync(ctx.HttpContext, ctx.Principal))
                        {
                            ctx.Fail("登录已失效");
                            return;
                        }
                        ctx.HttpContext.RequestServices.GetRequiredService<VerifiedTokens>().Keep(BearerToken(ctx.Request)!, ctx.Principal!,
                            new DateTimeOffset(DateTime.SpecifyKind(ctx.SecurityToken.ValidTo, DateTimeKind.Utc)), ctx.Options.TimeProvider!.GetUtcNow());
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

    private static string? BearerToken(HttpRequest request)
        => IsBearer(request) ? request.Headers.Authorization.ToString()["Bearer ".Length..].Trim() : null;

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

    private static Task<bool> IsSessionOpenAsync(HttpContext http, ClaimsPrincipal? principal)
        => http.RequestServices.GetRequiredService<SessionService>().IsOpenAsync(
            principal?.FindFirstValue(SessionService.SessionClaim), principal?.FindFirstValue(ClaimTypes.NameIdentifier), http.RequestAborted);

    /// <summary>
    /// A user whose role requires TOTP and who has none is signed in only to enrol: every page but 我的账号 and logout
    /// sends them there, and the API refuses them.
    /// </summary>
    public static IApplicationBuilder UseTotpEnrolment(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var path = http.Request.Path;
        if (http.User.HasClaim(c => c.Type == LoginModel.EnrolClaim)
            && !path.StartsWithSegments("/me") && !path.StartsWithSegments("/logout") && !Path.HasExtension(path.Value))
        {
            if (path.StartsWithSegments("/api"))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            http.Response.Redirect("/me");
            return;
        }
        await next(http);
    });

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
