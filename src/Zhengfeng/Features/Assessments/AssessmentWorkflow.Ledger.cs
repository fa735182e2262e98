using Microsoft.EntityFrameworkCore;
using Zhengfeng.Features.Org;

namespace Zhengfeng.Features.Assessments;

/// <summary>The 年度考核 ledger: the units of one year in the user's scope with how far their batch has got.</summary>
public sealed partial class AssessmentWorkflow
{
    public sealed record UnitRow(Unit Unit, int Cadres, int Assessed, int Excellent);

    /// <summary>The active units below the county in the user's scope whose name or code contains the words, in the tree's order.</summary>
    public async Task<IQueryable<Unit>> LedgerUnitsAsync(string? words, CancellationToken ct)
    {
        var visible = await user.VisibleUnitsAsync(ct);
        var query = db.Units.AsNoTracking().Where(u => u.IsActive).Where(Unit.TakesWork);
        if (visible is not null)
        {
            query = query.Where(u => visible.Contains(u.Id));
        }
        if (!string.IsNullOrWhiteSpace(words))
        {
            var q = words.Trim();
            query = query.Where(u => u.Name.Contains(q) || u.Code.Contains(q));
        }
        return query.OrderBy(u => u.SortOrder).ThenBy(u => u.Code);
    }

    /// <summary>Each unit with its active cadres and the grades recorded for the year.</summary>
    public async Task<List<UnitRow>> LedgerRowsAsync(IReadOnlyList<Unit> units, int year, CancellationToken ct)
    {
        var ids = units.Select(u => u.Id).ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(c => ids.Contains(c.UnitId) && c.IsActive)
            .GroupBy(c => c.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var graded = await db.Set<AnnualAssessment>().AsNoTracking().Where(a => ids.Contains(a.UnitId) && a.Year == year)
            .GroupBy(a => a.UnitId).Select(g => new { g.Key, Count = g.Count(), Excellent = g.Count(a => a.Grade == AssessmentGrade.Excellent) })
            .ToDictionaryAsync(x => x.Key, ct);
        return units.Select(u => new UnitRow(u, cadres.GetValueOrDefault(u.Id), graded.GetValueOrDefault(u.Id)?.Count ?? 0, graded.GetValueOrDefault(u.Id)?.Excellent ?? 0)).ToList();
    }
}
