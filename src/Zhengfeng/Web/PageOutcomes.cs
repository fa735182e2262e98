using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;

namespace Zhengfeng.Web;

/// <summary>
/// A page whose handlers call a workflow. Its handlers catch nothing: <see cref="PageOutcomes"/> turns what the workflow
/// throws into the 404 page, the 403 page, or the message on this page, which it shows again through <see cref="LoadAsync"/>.
/// </summary>
public abstract class WorkflowPage : PageModel
{
    /// <summary>The running handler's bound arguments; set before the handler runs, so a refused post can fill its form again.</summary>
    internal IDictionary<string, object?> Arguments { get; set; } = new Dictionary<string, object?>();

    /// <summary>The broken rule this page is showing, for refusals that carry more than their message (rows of a file).</summary>
    public RuleException? Refusal { get; internal set; }

    /// <summary>What the user posted in a handler's parameter, for the forms a tag helper cannot bind.</summary>
    protected T? Argument<T>(string parameter) where T : class => Arguments.TryGetValue(parameter, out var value) ? value as T : null;

    /// <summary>Loads what the page shows besides the posted form; called again when a handler is refused.</summary>
    protected internal virtual Task LoadAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>The page again, loaded as for a GET; for a post the page itself refuses (its messages are in ModelState).</summary>
    protected async Task<PageResult> ShowAgainAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }
}

/// <summary>The policy one page handler needs beyond the page's own; Razor Pages ignore [Authorize] on handlers.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DutyAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}

/// <summary>
/// On a page where the user types a record's code, a missing record is a typo: <see cref="PageOutcomes"/> shows this message
/// on the page, with <see cref="Status"/>, instead of the 404 page.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TypedCodeAttribute(string message) : Attribute
{
    public string Message { get; } = message;

    public int Status { get; init; } = StatusCodes.Status200OK;
}

/// <summary>
/// The one mapping of workflow outcomes for every page: not found → the 404 page, forbidden → the 403 page, a broken rule,
/// a concurrent edit or invalid input on a post → the messages on the same page with the input kept.
/// </summary>
public sealed class PageOutcomes(IAuthorizationService auth) : IAsyncPageFilter
{
    public const string Concurrency = "数据已被他人修改，请刷新后重试";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (context.HandlerMethod?.MethodInfo.GetCustomAttribute<DutyAttribute>() is { } duty
            && !(await auth.AuthorizeAsync(http.User, duty.Policy)).Succeeded)
        {
            context.Result = new ForbidResult();
            return;
        }
        var page = context.HandlerInstance as WorkflowPage;
        if (page is not null)
        {
            page.Arguments = context.HandlerArguments;
        }
        var posted = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method);
        if (page is not null && posted && context.HandlerMethod is not null && !context.ModelState.IsValid)
        {
            context.Result = await ShowAgainAsync(page, http);
            return;
        }

        var executed = await next();
        if (executed.Exception is not { } exception || executed.ExceptionHandled)
        {
            return;
        }
        IActionResult? result = exception switch
        {
            NotFoundException when page?.GetType().GetCustomAttribute<TypedCodeAttribute>() is { } typed => Typo(page, typed),
            NotFoundException => new NotFoundResult(),
            ForbiddenException => new ForbidResult(),
            RuleException or DbUpdateConcurrencyException when page is not null => await RefuseAsync(page, http, exception),
            _ => null,
        };
        if (result is not null)
        {
            executed.Result = result;
            executed.ExceptionHandled = true;
        }
    }

    private static PageResult Typo(WorkflowPage page, TypedCodeAttribute typed)
    {
        page.ModelState.AddModelError("", typed.Message);
        var shown = page.Page();
        shown.StatusCode = typed.Status;
        return shown;
    }

    private static async Task<IActionResult> RefuseAsync(WorkflowPage page, HttpContext http, Exception exception)
    {
        page.Refusal = exception as RuleException;
        page.ModelState.AddModelError("", exception is RuleException r ? r.Message : Concurrency);
        var shown = await ShowAgainAsync(page, http);
        // A refused sign-in keeps its 429 so clients back off.
        if (shown is PageResult p && exception is RuleException { Status: StatusCodes.Status429TooManyRequests })
        {
            p.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        return shown;
    }

    /// <summary>The same page again: what the refused handler tracked is dropped and the page's own data loaded afresh.</summary>
    private static async Task<IActionResult> ShowAgainAsync(WorkflowPage page, HttpContext http)
    {
        http.RequestServices.GetRequiredService<AppDb>().ChangeTracker.Clear();
        try
        {
            await page.LoadAsync(http.RequestAborted);
        }
        catch (NotFoundException)
        {
            return new NotFoundResult();
        }
        catch (ForbiddenException)
        {
            return new ForbidResult();
        }
        return page.Page();
    }
}

public static class StatusPages
{
    /// <summary>
    /// The API keeps its problem documents; every other address gets a Chinese HTML page for a bare error status. The inner
    /// API handler writes its body first, so the outer re-execute leaves API responses alone.
    /// </summary>
    public static IApplicationBuilder UseStatusPages(this IApplicationBuilder app)
    {
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseWhen(http => IsApi(http.Request.Path), api => api.UseStatusCodePages());
        return app;
    }

    /// <summary>
    /// An exception on a page becomes the HTML status page with the status and the Chinese message of
    /// <see cref="ProblemExceptionHandler.Classify"/>; the API (and any client that does not ask for HTML) keeps its problem document.
    /// </summary>
    public static IApplicationBuilder UseErrorPages(this IApplicationBuilder app)
        => app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/status/500",
            StatusCodeSelector = e => ProblemExceptionHandler.Classify(e).Status,
        });

    /// <summary>A browser asking for a page, not the API.</summary>
    public static bool WantsPage(HttpRequest request)
        => !IsApi(request.Path) && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    public static bool IsApi(PathString path)
        => path.StartsWithSegments("/api") || path.StartsWithSegments("/public/v1") || path.StartsWithSegments("/open311")
           || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/healthz");
}
