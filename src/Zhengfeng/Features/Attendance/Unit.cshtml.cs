using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Exports;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Attendance;

/// <summary>One unit's month by cadre, and one cadre's days when chosen.</summary>
[Authorize(Policy = Policies.Attendance)]
public sealed class UnitModel(AttendanceFigures figures, CurrentUser user, AppDb db) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public string? CadreId { get; set; }

    public string Period { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public List<CadreMonth> Cadres { get; private set; } = [];
    public List<CadreDay> Days { get; private set; } = [];
    public string? CadreName { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public string ExportLink => ExportLinks.Xlsx($"/api/v1/attendance/months/{Period}/cadres.xlsx", ("unitId", Id));

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Period = figures.Month(Month);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == Id, ct) ?? throw new NotFoundException("单位");
        await user.EnsureCanSeeUnitAsync(unit.Id, ct);
        UnitName = unit.Name;
        Cadres = await figures.CadresAsync([unit.Id], Period, ct);
        if (!string.IsNullOrEmpty(CadreId) && Cadres.FirstOrDefault(c => c.CadreId == CadreId) is { } cadre)
        {
            CadreName = cadre.Name;
            var (first, last) = AttendanceFigures.Span(Period);
            Days = (await figures.DaysAsync([unit.Id], first, last, ct)).Where(d => d.CadreId == CadreId).ToList();
        }
    }
}
