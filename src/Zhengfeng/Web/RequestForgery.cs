using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace Zhengfeng.Web;

/// <summary>
/// A browser sends the sign-in cookie with any request, whichever site made it, so every state change made with the cookie
/// must carry the antiforgery token: pages post it as the form field, scripts send it in the <c>X-CSRF-TOKEN</c> header
/// (the layout puts it in <c>&lt;meta name="csrf-token"&gt;</c>). Razor Pages check their own forms; this covers the
/// minimal APIs, which check only form posts. A bearer token is no ambient credential, so bearer calls need no token.
/// </summary>
public static class RequestForgery
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public static IApplicationBuilder UseCookieForgeryCheck(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (NeedsToken(http) && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await Problems.Of(http, StatusCodes.Status400BadRequest, "antiforgery",
                "缺少或无效的防伪令牌：已登录的网页请求须带上页面给出的令牌（X-CSRF-TOKEN），接口调用请使用 Bearer 令牌").ExecuteAsync(http);
            return;
        }
        await next(http);
    });

    private static bool NeedsToken(HttpContext http)
        => !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
             || HttpMethods.IsOptions(http.Request.Method) || HttpMethods.IsTrace(http.Request.Method))
           && http.User.Identity?.IsAuthenticated == true
           && !Authentication.IsBearer(http.Request)
           && http.GetEndpoint() is { } endpoint
           && endpoint.Metadata.GetMetadata<ActionDescriptor>() is null; // a Razor Page validates its own form
}
