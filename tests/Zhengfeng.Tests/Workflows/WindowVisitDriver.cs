using Zhengfeng.Features.Services;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Workflows;

public sealed class WindowVisitDriver : WorkflowDriver<WindowVisit, VisitStatus, VisitAction>
{
    public override StateMachine<VisitStatus, VisitAction> Table => WindowVisit.Table;

    protected override WindowVisit At(VisitStatus status)
    {
        var visit = new WindowVisit
        {
            Id = Guid.NewGuid().ToString("N"), Number = "CK20261102-000001", UnitId = "unit", ServiceItemId = "item", ReceivedAt = Now,
            FirstReceiverId = "staff", FirstReceiverName = "窗口工作人员", DueAt = Now.AddDays(5),
        };
        switch (status)
        {
            case VisitStatus.Told:
                Do(visit, VisitAction.Tell);
                break;
            case VisitStatus.Transferred:
                Do(visit, VisitAction.Transfer);
                break;
            case VisitStatus.Done:
                Do(visit, VisitAction.Complete);
                break;
        }
        return visit;
    }

    protected override void Do(WindowVisit item, VisitAction action)
    {
        switch (action)
        {
            case VisitAction.Tell: item.Tell(Now, ["不动产权证书"]); break;
            case VisitAction.Transfer: item.Transfer(Now, "other-unit", "涉及社保关系"); break;
            default: item.Complete(Now, "staff"); break;
        }
    }

    protected override VisitStatus StatusOf(WindowVisit item) => item.Status;
}
