using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Home;

/// <summary>The HTML page for a bare error status (unknown address, record not found); re-executed for any method.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    /// <summary>The refusal's own words when a page threw it (a broken rule says what to do; a server fault says nothing more).</summary>
    public string? Message { get; private set; }

    private void Show(int code)
    {
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error)
        {
            var (status, _, detail) = ProblemExceptionHandler.Classify(error);
            (code, Message) = (status, status < 500 ? detail : null);
        }
        Code = code is >= 400 and < 600 ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
    }

    public string Title => Code switch
    {
        404 => "页面不存在",
        403 => "无权访问",
        400 => "请求无效",
        409 or 422 => "无法完成操作",
        405 => "不支持的操作",
        429 => "请求过于频繁",
        _ when Code >= 500 => "服务器错误",
        _ => "无法完成请求",
    };

    public string Explanation => Message ?? Code switch
    {
        404 => "您要找的页面或记录不存在，可能已被删除，或链接有误。",
        403 => "您的角色或所在单位无权查看此页面。如需权限，请联系系统管理员。",
        429 => "同一网络地址短时间内的请求过多，请稍候一分钟再试。",
        _ when Code >= 500 => "服务器暂时无法处理，请稍后重试。如问题持续，请联系系统管理员。",
        _ => "请求未能完成，请返回后重试。",
    };
}
