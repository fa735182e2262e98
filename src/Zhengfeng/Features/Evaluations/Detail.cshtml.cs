using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Evaluations;

/// <summary>One campaign: open, issue ballots (codes shown once, on this response only), close, and the results.</summary>
[Authorize(Policy = Policies.Lead)]
public sealed class DetailModel(EvaluationWorkflow flow, AppDb db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    public EvaluationCampaign Campaign { get; private set; } = null!;
    public List<CampaignGroup> Groups { get; private set; } = [];
    public List<string> UnitNames { get; private set; } = [];
    public List<UnitResultView> Results { get; private set; } = [];
    public Dictionary<string, string> CadreNames { get; private set; } = [];
    public List<string> Codes { get; private set; } = [];
    public string? IssuedGroup { get; private set; }
    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task OnPostOpenAsync(CancellationToken ct) => RunAsync(() => flow.OpenAsync(Id, ct), ct);

    public Task OnPostCloseAsync(CancellationToken ct) => RunAsync(() => flow.CloseAsync(Id, ct), ct);

    public Task OnPostBallotsAsync(string group, int count, CancellationToken ct) => RunAsync(async () =>
    {
        Codes = await flow.IssueBallotsAsync(Id, new IssueBallotsRequest { Group = group, Count = count }, ct);
        IssuedGroup = EvaluationCampaign.Label(EvaluationWorkflow.ParseGroup(group));
    }, ct);

    private async Task RunAsync(Func<Task> action, CancellationToken ct)
    {
        try
        {
            if (!me.IsIn(Roles.Admin))
            {
                throw new RuleException("forbidden", "只有管理员可以管理评议", 403);
            }
            await action();
        }
        catch (RuleException e) when (e is not NotFoundException)
        {
            Error = e.Message;
        }
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Campaign = await flow.LoadAsync(Id, ct);
        Groups = await flow.GroupsAsync(Id, ct);
        var unitIds = (await flow.UnitsAsync(Id, ct)).Select(u => u.UnitId).ToList();
        UnitNames = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => u.Name).ToListAsync(ct);
        if (Campaign.Status == CampaignStatus.Closed)
        {
            Results = await EvaluationsApi.ResultViewsAsync(Id, flow, db, ct);
            var cadreIds = Results.SelectMany(r => r.Consequences).Select(c => c.CadreId).OfType<string>().ToList();
            CadreNames = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        }
    }
}
