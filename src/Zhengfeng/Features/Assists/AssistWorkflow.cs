using Zhengfeng.Data;
using Zhengfeng.Features.Assignments;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Assists;

/// <summary>Assigning, answering and reading 协办 duties.</summary>
public sealed class AssistWorkflow(AppDb db, TimeProvider clock)
{
    /// <summary>
    /// The assist units' duties of a new assignment, added to the caller's unit of work (saved and audited with the
    /// assignment itself). An assist unit that is also the lead unit is refused.
    /// </summary>
    public IReadOnlyList<AssistDuty> AddForAssignment(Assignment a, IReadOnlyList<(string UnitId, string Part)> parts, DateTimeOffset dueAt)
    {
        if (parts.Any(p => p.UnitId == a.LeadUnitId))
        {
            throw new RuleException("assist.lead_unit", "配合单位不能同时是牵头单位", StatusCodes.Status400BadRequest);
        }
        if (parts.Select(p => p.UnitId).Distinct().Count() != parts.Count)
        {
            throw new RuleException("assist.duplicate_unit", "同一配合单位不能重复列出", StatusCodes.Status400BadRequest);
        }
        var now = clock.GetUtcNow();
        var duties = parts.Select(p => new AssistDuty
        {
            Id = Ids.New(), OwnerType = AssistOwner.Assignment, OwnerId = a.Id, Round = 1, LeadUnitId = a.LeadUnitId, UnitId = p.UnitId,
            Part = string.IsNullOrWhiteSpace(p.Part) ? "配合牵头单位完成交办事项" : p.Part.Trim(), DueAt = dueAt, CreatedAt = now,
        }).ToList();
        db.AddRange(duties);
        return duties;
    }
}
