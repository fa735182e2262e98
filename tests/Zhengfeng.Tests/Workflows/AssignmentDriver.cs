using Zhengfeng.Features.Assignments;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Workflows;

public sealed class AssignmentDriver : WorkflowDriver<Assignment, AssignmentStatus, AssignmentAction>
{
    public override StateMachine<AssignmentStatus, AssignmentAction> Table => Assignment.Table;

    protected override Assignment At(AssignmentStatus status)
    {
        var item = new Assignment
        {
            Id = "a1", Year = 2026, Title = "老旧小区改造", LeadUnitId = "u1", DueOn = new DateOnly(2026, 12, 31), AssignedBy = "s1", AssignedByName = "督查员",
        };
        AssignmentAction[] path = status switch
        {
            AssignmentStatus.Assigned => [],
            AssignmentStatus.InProgress => [AssignmentAction.Progress],
            AssignmentStatus.Reported => [AssignmentAction.Complete],
            _ => [AssignmentAction.Complete, AssignmentAction.Accept],
        };
        foreach (var step in path)
        {
            Do(item, step);
        }
        return item;
    }

    protected override void Do(Assignment item, AssignmentAction action)
    {
        _ = action switch
        {
            AssignmentAction.Progress => item.Progress("u1", "k1", "经办人", Now, "已完成摸底", null),
            AssignmentAction.Complete => item.Complete("k1", "经办人", Now, "全部完成"),
            AssignmentAction.Accept => item.Accept("s1", "督查员", Now, "同意"),
            _ => item.Reject("s1", "督查员", Now, "佐证不足"),
        };
    }

    protected override AssignmentStatus StatusOf(Assignment item) => item.Status;
}
