using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Attachments;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Attendance;

/// <summary>One spot check: who was at their post, who was away and why, whether the absence was on approved leave, the photos.</summary>
[Authorize(Policy = Policies.Attendance)]
public sealed class SpotCheckModel(SpotCheckWorkflow flow, AttachmentStore store, AppDb db) : WorkflowPage
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    public SpotCheckView View { get; private set; } = null!;
    public string UnitName { get; private set; } = "";
    public string CheckedBy { get; private set; } = "";

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        var check = await flow.LoadAsync(Id, ct);
        View = await AttendanceApi.SpotCheckViewAsync(check, flow, store, db, ct);
        UnitName = await db.Units.AsNoTracking().Where(u => u.Id == check.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        CheckedBy = await db.Users.AsNoTracking().Where(u => u.Id == check.CheckedBy).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
    }
}
