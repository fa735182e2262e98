using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Campaigns;

/// <summary>
/// 报送情况: a participating unit's report for one period of the plan's cycle, pre-filled from what the platform already knows
/// (its tasks, self-inspection findings, rectification items and open notices); only periods the plan allows are offered.
/// </summary>
public sealed class ReportModel(CampaignWorkflow flow, CampaignDrafts drafts) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public Campaign Campaign { get; private set; } = null!;
    public CampaignReportDraft? Draft { get; private set; }
    public IReadOnlyList<ReportPeriod> Allowed { get; private set; } = [];
    public string Text { get; private set; } = "";
    public bool NoProblem { get; private set; }
    public string Asked { get; private set; } = "";

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CampaignReportRequest report, CancellationToken ct)
    {
        var filed = await flow.ReportAsync(Id, report, ct);
        TempData["Notice"] = $"已报送{CampaignPeriods.Label(await flow.LoadAsync(Id, ct), filed.Period)}的情况";
        return RedirectToPage("Detail", new { Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Campaign = await flow.LoadAsync(Id, ct);
        if (!flow.MayReport(Campaign))
        {
            throw new ForbiddenException("只有参加单位的工作人员可以报送专项整治情况");
        }
        Allowed = CampaignPeriods.Allowed(Campaign, flow.Today);
        Asked = CampaignPeriods.Asked(Campaign, flow.Today);
        var posted = Argument<CampaignReportRequest>("report");
        var period = posted?.Period ?? Period;
        if (Campaign.Status != CampaignStatus.Running || Allowed.Count == 0)
        {
            return;
        }
        if (!string.IsNullOrWhiteSpace(period) && !Allowed.Any(p => string.Equals(p.Period, period.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError(nameof(Period), $"报送周期应为实施方案规定的{Asked}，请从列表中选择");
            period = null;
        }
        Draft = await drafts.DraftAsync(Id, period, ct);
        Period = Draft.Period;
        Text = posted?.Content ?? Draft.Content;
        NoProblem = posted?.NoProblem ?? false;
    }
}
