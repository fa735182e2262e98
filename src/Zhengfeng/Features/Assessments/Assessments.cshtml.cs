using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Features.Exports;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Assessments;

/// <summary>年度考核: the units of one year with how far their batch has got; search by name, paged.</summary>
[Authorize(Policy = Policies.Lead)]
public sealed class AssessmentsModel(AssessmentWorkflow flow, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public int SelectedYear { get; private set; }
    public int CurrentYear { get; private set; }
    public List<AssessmentWorkflow.UnitRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        CurrentYear = clock.GetUtcNow().CstDate().Year;
        SelectedYear = Year is >= 2000 and <= 2100 ? Year.Value : CurrentYear;
        var query = await flow.LedgerUnitsAsync(Q, ct);
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var units = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Rows = await flow.LedgerRowsAsync(units, SelectedYear, ct);
    }

    public string ExportLink => ExportLinks.Xlsx("/api/v1/exports/assessments.xlsx", ("year", SelectedYear.ToString(CultureInfo.InvariantCulture)), ("q", Q));

    public object PageRoute(int page) => new { q = Q, year = SelectedYear, p = page };
}
