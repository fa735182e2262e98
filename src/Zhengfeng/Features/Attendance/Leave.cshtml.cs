using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Attendance;

/// <summary>One leave request: approve or refuse (not by its filer), withdraw (by its filer), 销假.</summary>
[Authorize(Policy = Policies.Attendance)]
public sealed class LeaveModel(LeaveWorkflow flow, AppDb db, CurrentUser user) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    public LeaveRequest L { get; private set; } = null!;
    public string CadreName { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public Dictionary<string, string> UserNames { get; private set; } = [];
    public bool MayDecide => L.Status == LeaveStatus.Pending && L.FiledBy != user.Id && user.IsIn(Roles.Unit, Roles.Supervisor, Roles.Admin);
    public bool MayWithdraw => L.Status == LeaveStatus.Pending && L.FiledBy == user.Id;
    public bool MayReturn => L.Status == LeaveStatus.Approved && user.IsIn(Roles.Unit, Roles.Supervisor, Roles.Admin);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostApproveAsync(LeaveDecisionRequest decision, CancellationToken ct) => Done(flow.ApproveAsync(Id, decision, ct), "已批准");

    public Task<IActionResult> OnPostRejectAsync(LeaveDecisionRequest decision, CancellationToken ct) => Done(flow.RejectAsync(Id, decision, ct), "已决定不批准");

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) => Done(flow.WithdrawAsync(Id, ct), "已撤回");

    public Task<IActionResult> OnPostReturnAsync(ReturnLeaveRequest back, CancellationToken ct) => Done(flow.ReturnAsync(Id, back, ct), "已销假");

    private async Task<IActionResult> Done(Task<LeaveRequest> step, string notice)
    {
        await step;
        TempData["Notice"] = notice;
        return RedirectToPage("Leave", new { id = Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        L = await flow.LoadAsync(Id, ct);
        CadreName = (await AttendanceApi.CadreNamesAsync(db, [L.CadreId], ct)).GetValueOrDefault(L.CadreId, "");
        UnitName = await db.Units.AsNoTracking().Where(u => u.Id == L.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        var ids = new[] { L.FiledBy, L.DecidedBy, L.ReturnedBy }.OfType<string>().ToList();
        UserNames = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
