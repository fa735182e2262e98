using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Exports;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Supervision;

/// <summary>督办单 list: units see theirs, supervisors see all (scoped by the workflow).</summary>
public sealed class NoticesModel(SupervisionWorkflow notices, AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public Page<SupervisionNotice> Result { get; private set; } = new([], 0, 1, 50);
    public Dictionary<string, string> UnitNames { get; private set; } = [];

    public string ExportLink => ExportLinks.Xlsx("/api/v1/exports/notices.xlsx", ("status", WireEnum.TryParse<NoticeStatus>(Status, out var s) ? WireEnum.Name(s) : null));

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        Result = await notices.SearchAsync(WireEnum.TryParse<NoticeStatus>(Status, out var s) ? s : null, null, null, null, PageNumber, 50, ct);
        UnitNames = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }
}
