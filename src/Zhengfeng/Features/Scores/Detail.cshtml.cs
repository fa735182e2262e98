using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Scores;

/// <summary>One unit's year: the base score, every deduction and addition with its reason and the link to its record, and the result.</summary>
[Authorize(Policy = ScorePolicies.Read)]
public sealed class DetailModel(Scoring scoring) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string UnitId { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int Year { get; set; }

    public ScoreBoard Board { get; private set; } = null!;
    public UnitScore Score { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        if (!scoring.Covers(Year))
        {
            throw new NotFoundException("该年度的考核结果");
        }
        Board = await scoring.YearAsync(Year, ct);
        Score = Board.For(UnitId) ?? throw new NotFoundException("参加考核的单位");
    }

    /// <summary>The items of each rule, in the order of the rule table, with their total.</summary>
    public IEnumerable<(string Rule, decimal Total, int Count)> ByRule
        => Score.Items.GroupBy(i => (i.Kind, i.RuleName)).OrderBy(g => g.Key.Kind).Select(g => (g.Key.RuleName, g.Sum(i => i.Points), g.Count()));
}
