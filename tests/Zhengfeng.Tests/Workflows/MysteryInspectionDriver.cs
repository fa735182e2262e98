using Zhengfeng.Features.Inspections;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Workflows;

public sealed class MysteryInspectionDriver : WorkflowDriver<MysteryInspection, InspectionStatus, InspectionAction>
{
    public override StateMachine<InspectionStatus, InspectionAction> Table => MysteryInspection.Table;

    protected override MysteryInspection At(InspectionStatus status)
    {
        var plan = new MysteryInspection { Id = Guid.NewGuid().ToString("N"), Number = "AF20261102-000001", CreatedBy = "supervisor", CreatedAt = Now };
        plan.Revise("窗口作风暗访", "检查窗口服务", Now.CstDate(), Now.CstDate().AddDays(7), "在岗在位\n服务态度", Now);
        if (status != InspectionStatus.Draft)
        {
            Do(plan, InspectionAction.Issue);
        }
        if (status == InspectionStatus.Closed)
        {
            Do(plan, InspectionAction.Close);
        }
        return plan;
    }

    protected override void Do(MysteryInspection item, InspectionAction action)
    {
        if (action == InspectionAction.Issue)
        {
            item.Issue(Now);
        }
        else
        {
            item.Close(Now);
        }
    }

    protected override InspectionStatus StatusOf(MysteryInspection item) => item.Status;
}

public sealed class InspectionSheetDriver : WorkflowDriver<InspectionSheet, SheetStatus, SheetAction>
{
    public override StateMachine<SheetStatus, SheetAction> Table => InspectionSheet.Table;

    protected override InspectionSheet At(SheetStatus status)
    {
        var sheet = new InspectionSheet { Id = Guid.NewGuid().ToString("N"), PlanId = "plan", UnitId = "unit", CreatedBy = "visitor", CreatedAt = Now };
        if (status == SheetStatus.Submitted)
        {
            Do(sheet, SheetAction.Submit);
        }
        return sheet;
    }

    protected override void Do(InspectionSheet item, SheetAction action)
    {
        if (action == SheetAction.Save)
        {
            item.Fill(Now, "政务服务中心", null, Now);
        }
        else
        {
            item.Submit("visitor", Now);
        }
    }

    protected override SheetStatus StatusOf(InspectionSheet item) => item.Status;
}
