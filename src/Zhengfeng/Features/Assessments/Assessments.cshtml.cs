using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Assessments;

/// <summary>年度考核: the units of one year with how far their batch has got; search by name, paged.</summary>
[Authorize(Policy = Policies.Lead)]
public sealed class AssessmentsModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    public sealed record UnitRow(Unit Unit, int Cadres, int Assessed, int Excellent);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public int SelectedYear { get; private set; }
    public int CurrentYear { get; private set; }
    public List<UnitRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        CurrentYear = clock.GetUtcNow().CstDate().Year;
        SelectedYear = Year is >= 2000 and <= 2100 ? Year.Value : CurrentYear;
        var visible = await me.VisibleUnitsAsync(ct);
        var query = db.Units.AsNoTracking().Where(u => u.IsActive && u.Kind != UnitKind.County);
        if (visible is not null)
        {
            query = query.Where(u => visible.Contains(u.Id));
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(u => u.Name.Contains(q) || u.Code.Contains(q));
        }
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var units = await query.OrderBy(u => u.SortOrder).ThenBy(u => u.Code).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(c => ids.Contains(c.UnitId) && c.IsActive)
            .GroupBy(c => c.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var year = SelectedYear;
        var graded = await db.Set<AnnualAssessment>().AsNoTracking().Where(a => ids.Contains(a.UnitId) && a.Year == year)
            .GroupBy(a => a.UnitId).Select(g => new { g.Key, Count = g.Count(), Excellent = g.Count(a => a.Grade == AssessmentGrade.Excellent) })
            .ToDictionaryAsync(x => x.Key, ct);
        Rows = units.Select(u => new UnitRow(u, cadres.GetValueOrDefault(u.Id), graded.GetValueOrDefault(u.Id)?.Count ?? 0, graded.GetValueOrDefault(u.Id)?.Excellent ?? 0)).ToList();
    }

    public object PageRoute(int page) => new { q = Q, year = SelectedYear, p = page };
}
