using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>进度查询: the reporter follows a case by its tracking code and rates the reply. Nothing here names a person.</summary>
[AllowAnonymous]
[TypedCode("查询码对应的诉求不存在，请核对查询码", Status = StatusCodes.Status404NotFound)]
public sealed class TrackModel(PublicApi.PublicCases cases, CaseWorkflow flow) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    public PublicCaseView? View { get; private set; }
    [TempData] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            return Page();
        }
        if (!RouteData.Values.ContainsKey("code"))
        {
            return RedirectToPage("Track", new { code = Code.Trim().ToUpperInvariant() });
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRateAsync(RatingRequest rating, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            return RedirectToPage("Track");
        }
        var c = await flow.RateAsync(Code, rating, ct);
        Done = $"感谢您的评价：{Case.RatingLabel(rating.Level)}。" + (c.Status == CaseStatus.Reopened ? "承办单位将重新办理并回访您。" : "");
        return RedirectToPage("Track", new { code = c.TrackingCode });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Code))
        {
            View = await cases.ViewAsync(Code, ct);
        }
    }
}
