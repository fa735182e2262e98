using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Features.Scores;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Honours;

/// <summary>
/// 表彰激励: the year's nominations with their status; supervisors nominate from the candidates the record suggests and draft
/// the praise bulletin, leaders award or decline.
/// </summary>
[Authorize(Policy = ScorePolicies.Read)]
public sealed class IndexModel(HonourWorkflow flow, Scoring scoring, TimeProvider clock) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "title")] public string? HonourTitle { get; set; }

    public int SelectedYear { get; private set; }
    public int CurrentYear => clock.GetUtcNow().CstDate().Year;
    public string TitleShown => HonourWorkflow.TitleOf(HonourTitle);
    public IReadOnlyList<Honour> Honours { get; private set; } = [];
    public HonourNames Names { get; private set; } = new(new Dictionary<string, string>(), new Dictionary<string, Org.Cadre>());
    public IReadOnlyList<HonourCandidate> Candidates { get; private set; } = [];
    public bool CanNominate => flow.CanNominate;
    public bool CanDecide => flow.CanDecide;

    /// <summary>Awarded honours of the year not yet in a praise bulletin.</summary>
    public Honour? Unannounced => Honours.FirstOrDefault(h => h.Status == HonourStatus.Awarded && h.BulletinId is null);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    [Duty(Policies.Supervise)]
    public async Task<IActionResult> OnPostNominateAsync(NominateHonourRequest nominate, CancellationToken ct)
    {
        var h = await flow.NominateAsync(nominate, ct);
        return Done($"已提名{h.Year}年度“{h.Title}”，待领导审定", h);
    }

    [Duty(Policies.Lead)]
    public async Task<IActionResult> OnPostAwardAsync(string id, DecideHonourRequest decide, CancellationToken ct)
        => Done("已审定表彰", await flow.AwardAsync(id, decide, ct));

    [Duty(Policies.Lead)]
    public async Task<IActionResult> OnPostDeclineAsync(string id, DecideHonourRequest decide, CancellationToken ct)
        => Done("已决定不予表彰", await flow.DeclineAsync(id, decide, ct));

    [Duty(Policies.Supervise)]
    public async Task<IActionResult> OnPostBulletinAsync(string id, CancellationToken ct)
    {
        var (bulletin, honours) = await flow.AnnounceAsync(id, ct);
        return Done($"已起草表扬通报《{bulletin.Title}》（{honours.Count}项表彰），请在通报中审核印发", honours[0]);
    }

    private RedirectToPageResult Done(string notice, Honour h)
    {
        TempData["Notice"] = notice;
        return RedirectToPage("Index", new { year = h.Year, title = HonourTitle });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        SelectedYear = int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && scoring.Covers(y) ? y : CurrentYear;
        Honours = await flow.ListAsync(SelectedYear, null, ct);
        Names = await flow.NamesAsync(Honours, ct);
        if (CanNominate)
        {
            Candidates = await flow.CandidatesAsync(SelectedYear, HonourTitle, 10, ct);
        }
    }
}
