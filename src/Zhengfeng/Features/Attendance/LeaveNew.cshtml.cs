using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Attendance;

/// <summary>登记请假: a unit clerk files leave for a cadre of the unit.</summary>
[Authorize(Policy = Policies.UnitWork)]
public sealed class LeaveNewModel(LeaveWorkflow flow, AppDb db, CurrentUser user) : WorkflowPage
{
    public List<Cadre> Cadres { get; private set; } = [];

    public FileLeaveRequest? Posted => Argument<FileLeaveRequest>("leave");

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(FileLeaveRequest leave, CancellationToken ct)
    {
        var filed = await flow.FileAsync(leave, ct);
        TempData["Notice"] = "已登记请假，待本单位其他负责人或督查人员审批";
        return RedirectToPage("Leave", new { id = filed.Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        var visible = await user.VisibleUnitsAsync(ct);
        Cadres = (await db.Cadres.AsNoTracking().Where(c => c.IsActive && (visible == null || visible.Contains(c.UnitId))).ToListAsync(ct))
            .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }
}
