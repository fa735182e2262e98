using Zhengfeng.Features.Honours;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Workflows;

public sealed class HonourDriver : WorkflowDriver<Honour, HonourStatus, HonourAction>
{
    public override StateMachine<HonourStatus, HonourAction> Table => Honour.Table;

    protected override Honour At(HonourStatus status)
    {
        var honour = new Honour
        {
            Id = "h1", Year = 2026, Title = "效能示范岗", UnitId = "u1", Reason = "综合考核第一", NominatedBy = "s1", NominatedByName = "督查员",
        };
        if (status != HonourStatus.Nominated)
        {
            Do(honour, status == HonourStatus.Awarded ? HonourAction.Award : HonourAction.Decline);
        }
        return honour;
    }

    protected override void Do(Honour item, HonourAction action)
    {
        if (action == HonourAction.Award)
        {
            item.Award("l1", "领导", Now, null);
        }
        else
        {
            item.Decline("l1", "领导", Now, "名额已满");
        }
    }

    protected override HonourStatus StatusOf(Honour item) => item.Status;
}
