using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Campaigns;

/// <summary>
/// 专项整治详情: the plan, leading group and phases (the current one marked); for those who oversee it, completion by unit and by
/// phase, zero-report and flagged units, the linked records, the tasks and reports, the exports; for a participating unit, its own
/// row, tasks and reports and the way to report. Supervisors revise, close, reopen and put records under the campaign.
/// </summary>
public sealed class DetailModel(CampaignWorkflow flow, CampaignLedger ledger, AppDb db) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    public Campaign Campaign { get; private set; } = null!;
    public CampaignView View { get; private set; } = null!;
    public CampaignLedgerView Ledger { get; private set; } = null!;
    public bool MayPlan => flow.MayPlan;
    public bool MayOversee => flow.MayOversee;
    public bool MayReport { get; private set; }
    public bool MayAssign { get; private set; }
    public string UnitId => flow.UnitId;

    /// <summary>The units, tasks and reports this user is shown: all of them to those who oversee, the unit's own to its staff.</summary>
    public IReadOnlyList<UnitCompletion> Units => MayOversee ? [.. Ledger.Units] : [.. Ledger.Units.Where(u => u.UnitId == UnitId)];
    public IReadOnlyList<TaskRow> Tasks => MayOversee ? [.. Ledger.Tasks] : [.. Ledger.Tasks.Where(t => t.LeadUnitId == UnitId)];
    /// <summary>How many reports the page shows, newest first; the ledger export has them all.</summary>
    public const int ReportsShown = 30;

    public IReadOnlyList<ReportRow> AllReports => MayOversee ? [.. Ledger.Reports] : [.. Ledger.Reports.Where(r => r.UnitId == UnitId)];

    public IReadOnlyList<ReportRow> Reports => [.. AllReports.OrderByDescending(r => r.Period, StringComparer.Ordinal).ThenByDescending(r => r.ReportedAt).Take(ReportsShown)];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    [Duty(Policies.Supervise)]
    public async Task<IActionResult> OnPostCloseAsync(CloseCampaignRequest close, CancellationToken ct)
    {
        await flow.CloseAsync(Id, close, ct);
        TempData["Notice"] = "专项整治已总结结束，可下载工作总结";
        return RedirectToPage("Detail", new { Id });
    }

    [Duty(Policies.Supervise)]
    public async Task<IActionResult> OnPostReopenAsync(CancellationToken ct)
    {
        await flow.ReopenAsync(Id, ct);
        TempData["Notice"] = "专项整治已重新启动";
        return RedirectToPage("Detail", new { Id });
    }

    [Duty(Policies.Supervise)]
    public async Task<IActionResult> OnPostLinkAsync(LinkRecordRequest link, CancellationToken ct)
    {
        await flow.LinkAsync(Id, link, ct);
        TempData["Notice"] = $"已将{CampaignWorkflow.Label(link.Type!.Value)}纳入本专项整治";
        return RedirectToPage("Detail", new { Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Campaign = await flow.LoadAsync(Id, ct);
        View = CampaignView.From(Campaign, await CampaignsApi.UnitNamesAsync(db, Campaign.UnitIds, ct), flow.Today);
        Ledger = await ledger.ForAsync(Campaign, ct);
        MayReport = flow.MayReport(Campaign) && Campaign.Status == CampaignStatus.Running;
        MayAssign = User.IsInRole(Roles.Supervisor) || User.IsInRole(Roles.Leader) || User.IsInRole(Roles.Admin);
    }
}
