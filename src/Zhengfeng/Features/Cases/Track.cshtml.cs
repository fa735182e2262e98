using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>进度查询: the reporter follows a case by its tracking code and rates the reply. Nothing here names a person.</summary>
[AllowAnonymous]
public sealed class TrackModel(PublicApi.PublicCases cases, CaseWorkflow flow) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    public PublicCaseView? View { get; private set; }
    public string? Error { get; private set; }
    [TempData] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            return Page();
        }
        if (!RouteData.Values.ContainsKey("code"))
        {
            return Redirect($"/track/{Uri.EscapeDataString(Code.Trim().ToUpperInvariant())}");
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRateAsync(RatingRequest rating, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            return Redirect("/track");
        }
        if (!ModelState.IsValid)
        {
            Error = CasePages.Errors(ModelState);
        }
        else
        {
            try
            {
                var c = await flow.RateAsync(Code, rating, ct);
                Done = $"感谢您的评价：{Case.RatingLabel(rating.Level)}。" + (c.Status == CaseStatus.Reopened ? "承办单位将重新办理并回访您。" : "");
                return Redirect($"/track/{Uri.EscapeDataString(c.TrackingCode)}");
            }
            catch (RuleException e)
            {
                Error = e.Message;
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        try
        {
            View = await cases.ViewAsync(Code!, ct);
        }
        catch (NotFoundException e)
        {
            Error = e.Message + "，请核对查询码";
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
