using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Features.Exports;
using Zhengfeng.Features.Import;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Rankings;

/// <summary>区县填报: supervision uploads the monthly figures of districts not yet on the platform, and withdraws a wrong month.</summary>
[Authorize(Policy = Policies.Supervise)]
public sealed class ReportedModel(ReportedFigures figures) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public Page<ReportedFigureView> Result { get; private set; } = new([], 0, 1, PageSize);
    public IReadOnlyList<RowError> ImportErrors => (Refusal as SheetRejected)?.Errors ?? [];

    private const int PageSize = 50;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            throw new RuleException("ranking.no_file", "请选择要导入的区县填报文件", 400);
        }
        await using var stream = file.OpenReadStream();
        var result = await figures.ImportAsync(stream, file.FileName, ct);
        TempData["Notice"] = $"已导入区县填报数据：新增 {result.Added} 条，更新 {result.Replaced} 条";
        return RedirectToPage("Reported");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken ct)
    {
        await figures.DeleteAsync(id, ct);
        TempData["Notice"] = "已撤回该月填报数据，该区县当月改按平台工单排名";
        return RedirectToPage("Reported", new { period = Period });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
        => Result = await figures.ListAsync(Period, Math.Max(1, PageNumber), PageSize, ct);

    public string PageLink(int n) => $"/rankings/reported?p={n}{(string.IsNullOrWhiteSpace(Period) ? "" : "&period=" + Uri.EscapeDataString(Period))}";

    public string ExportLink => ExportLinks.Xlsx("/api/v1/exports/reported-figures.xlsx", ("period", Period));
}
