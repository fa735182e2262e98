using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Exports;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Attendance;

/// <summary>查岗记录: the checks at the user's unit (or the county), newest first.</summary>
[Authorize(Policy = Policies.Attendance)]
public sealed class SpotChecksModel(SpotCheckWorkflow flow, AppDb db, DispatchChoices choices, CurrentUser user) : WorkflowPage
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<SpotCheck> Items { get; private set; } = [];
    public int Total { get; private set; }
    public ILookup<string, SpotCheckEntry> Entries { get; private set; } = Array.Empty<SpotCheckEntry>().ToLookup(e => e.SpotCheckId);
    public Dictionary<string, string> CadreNames { get; private set; } = [];
    public List<DispatchChoices.Choice> Units { get; private set; } = [];
    public Dictionary<string, string> UnitNames { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string PageLink(int page) => Url.Page("SpotChecks", new { UnitId, Month, p = page })!;

    public string ExportLink => ExportLinks.Xlsx("/api/v1/attendance/spot-checks.xlsx", ("unitId", UnitId), ("month", Month));

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        var q = await flow.QueryAsync(UnitId, string.IsNullOrWhiteSpace(Month) ? null : Month, ct);
        Total = await q.CountAsync(ct);
        Items = await q.OrderByDescending(s => s.At).Skip((Math.Max(1, PageNumber) - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var ids = Items.Select(s => s.Id).ToList();
        var entries = await db.Set<SpotCheckEntry>().AsNoTracking().Where(e => ids.Contains(e.SpotCheckId)).ToListAsync(ct);
        Entries = entries.ToLookup(e => e.SpotCheckId);
        CadreNames = await AttendanceApi.CadreNamesAsync(db, entries.Select(e => e.CadreId), ct);
        Units = await AttendancePages.UnitChoicesAsync(choices, user, ct);
        UnitNames = Units.ToDictionary(u => u.Id, u => u.Path);
    }
}
