using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Exports;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Attendance;

/// <summary>请销假台账: leave of the user's unit (or the county), newest first.</summary>
[Authorize(Policy = Policies.Attendance)]
public sealed class LeavesModel(LeaveWorkflow flow, AppDb db, DispatchChoices choices, CurrentUser user) : WorkflowPage
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<LeaveRequest> Items { get; private set; } = [];
    public int Total { get; private set; }
    public Dictionary<string, string> CadreNames { get; private set; } = [];
    public List<DispatchChoices.Choice> Units { get; private set; } = [];
    public Dictionary<string, string> UnitNames { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string PageLink(int page) => Url.Page("Leaves", new { Status, UnitId, Month, p = page })!;

    public string ExportLink => ExportLinks.Xlsx("/api/v1/attendance/leaves.xlsx", ("status", Status), ("unitId", UnitId), ("month", Month));

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        var status = WireEnum.ParseOptional<LeaveStatus>(Status, "status");
        var month = string.IsNullOrWhiteSpace(Month) ? null : Month;
        (Items, Total) = await flow.SearchAsync(new LeaveFilter(UnitId, status, month, Math.Max(1, PageNumber), PageSize), ct);
        CadreNames = await AttendanceApi.CadreNamesAsync(db, Items.Select(l => l.CadreId), ct);
        Units = await AttendancePages.UnitChoicesAsync(choices, user, ct);
        UnitNames = Units.ToDictionary(u => u.Id, u => u.Path);
    }
}
