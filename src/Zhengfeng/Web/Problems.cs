using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Zhengfeng.Web;

/// <summary>A business rule refused the request; <paramref name="Status"/> is 409 or 422 unless stated.</summary>
public class RuleException(string code, string message, int status = StatusCodes.Status422UnprocessableEntity) : Exception(message)
{
    public string Code { get; } = code;
    public int Status { get; } = status;
}

public sealed class NotFoundException(string what) : RuleException("not_found", $"{what}不存在", StatusCodes.Status404NotFound);

public sealed class ForbiddenException(string message) : RuleException("forbidden", message, StatusCodes.Status403Forbidden);

/// <summary>Turns exceptions into RFC 9457 problem details with a Chinese detail, a code and the trace id.</summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail) = Classify(exception);
        if (status >= 500)
        {
            log.LogError(exception, "Unhandled exception");
        }
        else if (code is "out_of_range" or "too_long")
        {
            log.LogWarning(exception, "Input out of range on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        if (StatusPages.WantsPage(httpContext.Request))
        {
            return false; // a browser on a page gets the HTML error page (StatusPages.UseErrorPages) with the same status and message
        }
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = Problem(status, code, detail, httpContext),
        });
    }

    /// <summary>The status, code and Chinese message an exception answers with.</summary>
    public static (int Status, string Code, string Detail) Classify(Exception exception)
        => exception switch
        {
            RuleException r => (r.Status, r.Code, r.Message),
            DbUpdateConcurrencyException => (409, "concurrency", "数据已被他人修改，请刷新后重试"),
            BadHttpRequestException { InnerException: JsonException j } => (400, "bad_value", Describe(j)),
            BadHttpRequestException b => (b.StatusCode, "bad_request", "请求格式不正确：" + b.Message),
            JsonException j => (400, "bad_value", Describe(j)),
            DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: "22001" } } => (400, "too_long", "输入的内容过长，请删减后重试"),
            // A safety net: a value that binding accepted but date or number arithmetic cannot hold is bad input, not a server fault.
            ArgumentOutOfRangeException or OverflowException or FormatException => (400, "out_of_range", "输入的日期或数值超出允许范围，请检查后重试"),
            _ => (500, "server_error", "服务器内部错误"),
        };

    /// <summary>A body that could not be read, told by the field it failed on (the enum converter's message lists the allowed values).</summary>
    public static string Describe(JsonException e)
    {
        var field = e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
        var missing = MissingMembers().Match(e.Message);
        if (missing.Success)
        {
            return "缺少必填字段：" + missing.Groups[1].Value.Replace("'", "").Replace(", ", "、");
        }
        if (field is null)
        {
            return "请求内容不是有效的 JSON";
        }
        if (e.Message.Any(c => c > 0x2E80))
        {
            return $"字段“{field}”：{e.Message}";
        }
        return e.Message.Contains("System.DateOnly")
            ? $"字段“{field}”应为日期，格式为 yyyy-MM-dd"
            : e.Message.Contains("System.DateTimeOffset") ? $"字段“{field}”应为带时区的时间，如 2026-11-02T09:00:00+08:00"
            : $"字段“{field}”的值格式不正确";
    }

    [GeneratedRegex("missing required properties including: (.+?)\\.?$")]
    private static partial Regex MissingMembers();

    public static Microsoft.AspNetCore.Mvc.ProblemDetails Problem(int status, string code, string detail, HttpContext http)
    {
        var p = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = TitleFor(status), Detail = detail };
        p.Extensions["code"] = code;
        p.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
        return p;
    }

    /// <summary>Framework-made problems (validation, binding, 404) get a Chinese title and a detail naming the first error.</summary>
    public static void Localize(ProblemDetailsContext ctx)
    {
        var p = ctx.ProblemDetails;
        var status = p.Status ?? ctx.HttpContext.Response.StatusCode;
        if (p.Title is null || p.Title.Any(c => c < 128 && char.IsLetter(c)))
        {
            p.Title = TitleFor(status);
        }
        if (p is Microsoft.AspNetCore.Http.HttpValidationProblemDetails v && v.Errors.Count > 0)
        {
            p.Detail ??= string.Join("；", v.Errors.SelectMany(e => e.Value));
            p.Extensions.TryAdd("code", "validation");
        }
        p.Detail ??= TitleFor(status);
        p.Extensions.TryAdd("traceId", Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier);
    }

    private static string TitleFor(int status) => status switch
    {
        400 => "请求无效",
        401 => "未登录或登录已过期",
        403 => "无权操作",
        404 => "未找到",
        409 => "状态冲突",
        422 => "不符合业务规则",
        429 => "请求过于频繁",
        _ => "服务器错误",
    };
}

public static class Problems
{
    public static ProblemHttpResult Of(HttpContext http, int status, string code, string detail)
        => TypedResults.Problem(ProblemExceptionHandler.Problem(status, code, detail, http));
}
