using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Data;
using Zhengfeng.Features.Exports;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Attendance;

/// <summary>考勤月报: each unit's late, early, absent and leave figures for a month; units see their own.</summary>
[Authorize(Policy = Policies.Attendance)]
public sealed class IndexModel(AttendanceFigures figures, CurrentUser user, AppDb db) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public string Period { get; private set; } = "";
    public List<UnitMonth> Units { get; private set; } = [];
    public AttendanceRules Rules => figures.Rules;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public string ExportLink => ExportLinks.Xlsx($"/api/v1/attendance/months/{Period}/units.xlsx");

    public string CadreExportLink => ExportLinks.Xlsx($"/api/v1/attendance/months/{Period}/cadres.xlsx");

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Period = figures.Month(Month);
        Units = await figures.UnitsAsync(await AttendanceApi.ScopeAsync(user, db, ct), Period, ct);
    }
}
