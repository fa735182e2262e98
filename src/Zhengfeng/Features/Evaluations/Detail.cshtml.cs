using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Evaluations;

/// <summary>
/// One campaign: open, issue ballots (codes shown once, on this response only, or downloaded once as .xlsx), watch the
/// turnout, close, and the results with their consequences, which can be acted on here.
/// </summary>
[Authorize(Policy = Policies.ReadEvaluations)]
public sealed class DetailModel(EvaluationWorkflow flow, EvaluationFollowUp followUp, AppDb db, CurrentUser me) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    public EvaluationCampaign Campaign { get; private set; } = null!;
    public List<CampaignGroup> Groups { get; private set; } = [];
    public List<GroupTurnout> Turnout { get; private set; } = [];
    public List<string> UnitNames { get; private set; } = [];
    public List<UnitResultView> Results { get; private set; } = [];
    public Dictionary<string, string> CadreNames { get; private set; } = [];
    public Dictionary<(string UnitId, RaterGroup Group), double> GroupMeans { get; private set; } = [];
    public List<string> Codes { get; private set; } = [];
    public string? IssuedGroup { get; private set; }
    [TempData] public string? Notice { get; set; }

    public bool CanManage => me.IsIn(Roles.Admin);
    public bool CanRefer => followUp.CanRefer;
    public bool CanPraise => followUp.CanPraise;
    public string BaseUrl => BallotSheet.BaseUrl(Request);
    public bool PraisePending => Results.SelectMany(r => r.Consequences).Any(c => c.Kind == EvaluationConsequence.Praise && c.BulletinId is null);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        EnsureManager();
        await flow.OpenAsync(Id, ct);
        return Done("评议已开始，可以发放评议码");
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        EnsureManager();
        await flow.CloseAsync(Id, ct);
        return Done("评议已结束，结果已计算");
    }

    /// <summary>The codes exist only in this response: the page renders them instead of redirecting.</summary>
    public async Task OnPostBallotsAsync(string group, int count, CancellationToken ct)
    {
        EnsureManager();
        var rater = WireEnum.Parse<RaterGroup>(group, "group");
        Codes = await flow.IssueBallotsAsync(Id, new IssueBallotsRequest { Group = rater, Count = count }, ct);
        IssuedGroup = EvaluationCampaign.Label(rater);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostBallotsXlsxAsync(string group, int count, CancellationToken ct)
    {
        EnsureManager();
        var rater = WireEnum.Parse<RaterGroup>(group, "group");
        var campaign = await flow.LoadAsync(Id, ct);
        var codes = await flow.IssueBallotsAsync(Id, new IssueBallotsRequest { Group = rater, Count = count }, ct);
        var file = BallotSheet.File(campaign, rater, codes, BaseUrl);
        return File(file.FileContents.ToArray(), file.ContentType, file.FileDownloadName);
    }

    public async Task<IActionResult> OnPostReferAsync(string consequenceId, CancellationToken ct)
    {
        var opened = await followUp.ReferAsync(Id, consequenceId, ct);
        var cadre = opened.CadreId is null ? "" : await db.Cadres.AsNoTracking().Where(c => c.Id == opened.CadreId).Select(c => c.Name).FirstAsync(ct);
        return Done($"已移送问责：对{cadre}的问责案件已立项");
    }

    public async Task<IActionResult> OnPostPraiseAsync(CancellationToken ct)
    {
        var bulletin = await followUp.PraiseAsync(Id, ct);
        return Done($"已拟制表扬通报《{bulletin.Title}》，请到通报中核稿印发");
    }

    private void EnsureManager()
    {
        if (!CanManage)
        {
            throw new ForbiddenException("只有管理员可以管理评议");
        }
    }

    private RedirectToPageResult Done(string notice)
    {
        Notice = notice;
        return RedirectToPage("Detail", new { Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Campaign = await flow.LoadAsync(Id, ct);
        Groups = await flow.GroupsAsync(Id, ct);
        Turnout = await flow.TurnoutAsync(Id, ct);
        var unitIds = (await flow.UnitsAsync(Id, ct)).Select(u => u.UnitId).ToList();
        UnitNames = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).OrderBy(u => u.SortOrder).ThenBy(u => u.Code).Select(u => u.Name).ToListAsync(ct);
        if (Campaign.Status == CampaignStatus.Closed)
        {
            Results = await EvaluationsApi.ResultViewsAsync(Id, flow, db, ct);
            GroupMeans = await flow.GroupMeansAsync(Id, ct);
            var cadreIds = Results.SelectMany(r => r.Consequences).Select(c => c.CadreId).OfType<string>().ToList();
            CadreNames = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        }
    }
}
