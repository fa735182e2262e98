using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Features.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Reports;

/// <summary>作风举报 on the web: anyone may report a cadre's or a unit's misconduct to the discipline office, named or anonymous.</summary>
[AllowAnonymous]
public sealed class SubmitModel(ReportWorkflow flow, DispatchChoices choices) : WorkflowPage
{
    public List<DispatchChoices.Choice> Units { get; private set; } = [];
    public string? Code { get; private set; }
    public bool Named { get; private set; }
    /// <summary>What was posted, shown again when the report is refused.</summary>
    public SubmitReportRequest? Posted => Argument<SubmitReportRequest>("report");

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(SubmitReportRequest report, CancellationToken ct)
    {
        var (saved, code) = await flow.SubmitAsync(report, ct);
        (Code, Named) = (code, saved.Named);
        ModelState.Clear();
        return await ShowAgainAsync(ct);
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
        => Units = await choices.AllAsync(ct);
}
