using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Clues;

/// <summary>零报告: departments and townships that reported no problem of their own in a month, quarter or year.</summary>
[Authorize(Policy = Policies.Inspect)]
public sealed class ZeroReportModel(ClueWorkflow flow) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public List<ZeroReportRow> Rows { get; private set; } = [];
    public string Label { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Period = string.IsNullOrWhiteSpace(Period) ? flow.DefaultPeriod : Period.Trim();
        Label = CluesApi.Period(Period).Label;
        Rows = await flow.ZeroReportAsync(Period, ct);
    }
}
