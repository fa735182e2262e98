using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Scores;

/// <summary>综合考核排名: every unit's score for a year, best first, with its deductions and additions; a class of unit can be picked.</summary>
[Authorize(Policy = ScorePolicies.Read)]
public sealed class IndexModel(Scoring scoring, TimeProvider clock, UnitTree tree, Data.AppDb db) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    /// <summary>One district's units only (the drill-down from the districts' table).</summary>
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }

    public IReadOnlyList<DistrictScore> Districts { get; private set; } = [];
    public DistrictScore? ShownDistrict { get; private set; }

    public ScoreBoard Board { get; private set; } = null!;
    public IReadOnlyList<UnitScore> Rows { get; private set; } = [];
    public int CurrentYear => clock.GetUtcNow().CstDate().Year;

    /// <summary>The classes of unit on the board, for the filter.</summary>
    public IReadOnlyList<UnitKind> Kinds => Board.Units.Select(u => u.UnitKind).Distinct().Order().ToList();

    public async Task OnGetAsync(CancellationToken ct) => await ShowAsync(scoring.Year(Year), ct);

    /// <summary>A year that is refused shows this year's board under the message.</summary>
    protected internal override Task LoadAsync(CancellationToken ct) => ShowAsync(CurrentYear, ct);

    private async Task ShowAsync(int year, CancellationToken ct)
    {
        Board = await scoring.YearAsync(year, ct);
        Districts = await scoring.DistrictsAsync(year, ct);
        ShownDistrict = Districts.FirstOrDefault(d => d.AreaId == Area);
        if (ShownDistrict is not null)
        {
            Board = Board.Within(UnitTree.Subtree(await tree.GetAsync(db, ct), ShownDistrict.AreaId));
        }
        var kind = WireEnum.TryParse<UnitKind>(Kind, out var k) ? k : (UnitKind?)null;
        Rows = Board.Units.Where(u => kind is null || u.UnitKind == kind).ToList();
    }
}
