using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Exports;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Reports;

/// <summary>作风举报台账: the discipline office's queue, named reports first; and the form for reports taken by phone, letter or visit.</summary>
[Authorize(Policy = Policies.Reports)]
public sealed class IndexModel(ReportWorkflow flow, DispatchChoices choices, TimeProvider clock) : WorkflowPage
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Named { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<ConductReport> Items { get; private set; } = [];
    public int Total { get; private set; }
    public Dictionary<string, string> UnitNames { get; private set; } = [];
    public Dictionary<string, int> LaterCases { get; private set; } = [];
    public List<DispatchChoices.Choice> Units { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    /// <summary>The code of a report just entered, to give the reporter (shown once).</summary>
    [TempData] public string? EnteredCode { get; set; }
    public EnterReportRequest? Posted => Argument<EnterReportRequest>("enter");

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostEnterAsync(EnterReportRequest enter, CancellationToken ct)
    {
        var (report, code) = await flow.EnterAsync(enter, ct);
        EnteredCode = $"{report.Number}：查询码 {code}";
        return RedirectToPage("Detail", new { id = report.Id });
    }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string PageLink(int page) => Url.Page("Index", new { Status, Named, Overdue, Q, p = page })!;

    public string ExportLink => ExportLinks.Xlsx("/api/v1/exports/reports.xlsx", ("status", Status), ("named", Named), ("overdue", Overdue ? "true" : null), ("q", Q));

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        var named = Named switch { "true" => true, "false" => (bool?)false, _ => null };
        (Items, Total) = await flow.SearchAsync(new ReportFilter(Status, named, Overdue, Q, Math.Max(1, PageNumber), PageSize), ct);
        LaterCases = await flow.LaterCaseCountsAsync(Items, ct);
        Units = await choices.AllAsync(ct);
        UnitNames = Units.ToDictionary(u => u.Id, u => u.Path);
    }
}
