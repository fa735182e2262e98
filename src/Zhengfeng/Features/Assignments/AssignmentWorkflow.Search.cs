using Microsoft.EntityFrameworkCore;
using Zhengfeng.Features.Assists;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Assignments;

/// <summary>The assignment list: county roles see every assignment, unit staff those their units lead or assist.</summary>
public sealed partial class AssignmentWorkflow
{
    public async Task<Page<Assignment>> SearchAsync(AssignmentFilter filter, int page, int pageSize, CancellationToken ct)
    {
        (page, pageSize) = Paging.Check(page, pageSize);
        var q = await QueryAsync(filter, ct);
        var total = await q.CountAsync(ct);
        var items = await q.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<Assignment>(items, total, page, pageSize);
    }

    /// <summary>The assignments the user may see under the filter: open ones first, soonest due first.</summary>
    public async Task<IQueryable<Assignment>> QueryAsync(AssignmentFilter f, CancellationToken ct)
    {
        var q = db.Set<Assignment>().AsNoTracking();
        var onAssignments = db.Set<AssistDuty>().Where(d => d.OwnerType == AssistOwner.Assignment);
        if (!user.IsIn(Readers) && !user.IsIn(Roles.Unit))
        {
            throw new ForbiddenException("无权查看交办事项");
        }
        if (await user.VisibleUnitsAsync(ct) is { } visible) // unit staff their own; supervision below the top its area
        {
            var ids = visible.ToList();
            var assisted = onAssignments.Where(d => ids.Contains(d.UnitId)).Select(d => d.OwnerId);
            q = q.Where(a => ids.Contains(a.LeadUnitId) || assisted.Contains(a.Id));
        }
        if (f.Status is { } s)
        {
            q = q.Where(a => a.Status == s);
        }
        if (!string.IsNullOrWhiteSpace(f.UnitId))
        {
            var unitId = f.UnitId.Trim();
            var assisted = onAssignments.Where(d => d.UnitId == unitId).Select(d => d.OwnerId);
            q = q.Where(a => a.LeadUnitId == unitId || assisted.Contains(a.Id));
        }
        if (!string.IsNullOrWhiteSpace(f.CampaignId))
        {
            q = q.Where(a => a.CampaignId == f.CampaignId);
        }
        if (f.Source is { } source)
        {
            q = q.Where(a => a.Source == source);
        }
        if (f.Overdue)
        {
            var today = Now.CstDate();
            q = q.Where(a => (a.Status == AssignmentStatus.Assigned || a.Status == AssignmentStatus.InProgress) && a.DueOn < today);
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim();
            q = q.Where(a => a.Title.Contains(text) || a.Number.Contains(text));
        }
        return q.OrderBy(a => a.Status == AssignmentStatus.Done).ThenBy(a => a.DueOn).ThenByDescending(a => a.Seq);
    }
}
