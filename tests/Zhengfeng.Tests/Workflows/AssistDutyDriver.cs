using Zhengfeng.Features.Assists;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Workflows;

public sealed class AssistDutyDriver : WorkflowDriver<AssistDuty, AssistStatus, AssistAction>
{
    public override StateMachine<AssistStatus, AssistAction> Table => AssistDuty.Table;

    protected override AssistDuty At(AssistStatus status)
    {
        var duty = new AssistDuty { Id = "d1", OwnerId = "a1", LeadUnitId = "u1", UnitId = "u2", Part = "提供规划许可资料", DueAt = Now.AddDays(3) };
        if (status != AssistStatus.Pending)
        {
            Do(duty, status == AssistStatus.Given ? AssistAction.Give : AssistAction.Refuse);
        }
        return duty;
    }

    protected override void Do(AssistDuty item, AssistAction action)
    {
        if (action == AssistAction.Give)
        {
            item.Give("k2", "协办人", Now, "资料已提供");
        }
        else
        {
            item.Refuse("k2", "协办人", Now, "不属本单位职责");
        }
    }

    protected override AssistStatus StatusOf(AssistDuty item) => item.Status;
}
