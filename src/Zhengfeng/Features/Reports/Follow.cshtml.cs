using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Reports;

/// <summary>举报查询: the holder of the follow-up code reads the state and the answers, and adds material while the report is handled.</summary>
[AllowAnonymous]
[TypedCode("查询码对应的举报不存在，请核对查询码", Status = StatusCodes.Status404NotFound)]
public sealed class FollowModel(ReportWorkflow flow) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    public PublicReportView? View { get; private set; }
    [TempData] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            return Page();
        }
        if (!RouteData.Values.ContainsKey("code"))
        {
            return RedirectToPage("Follow", new { code = Code.Trim().ToUpperInvariant() });
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMaterialAsync(ReportTextRequest material, CancellationToken ct)
    {
        await flow.AddMaterialAsync(Code, material, ct);
        Done = "补充材料已提交";
        return RedirectToPage("Follow", new { code = Code });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Code))
        {
            View = await ReportsApi.PublicViewAsync(flow, Code, ct);
        }
    }
}
