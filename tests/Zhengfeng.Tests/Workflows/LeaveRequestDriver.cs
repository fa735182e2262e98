using Zhengfeng.Features.Attendance;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Workflows;

public sealed class LeaveRequestDriver : WorkflowDriver<LeaveRequest, LeaveStatus, LeaveAction>
{
    public override StateMachine<LeaveStatus, LeaveAction> Table => LeaveRequest.Table;

    protected override LeaveRequest At(LeaveStatus status)
    {
        var leave = new LeaveRequest
        {
            Id = Guid.NewGuid().ToString("N"), UnitId = "u1", CadreId = "c1", Kind = LeaveKind.Sick, From = new DateOnly(2026, 11, 3), To = new DateOnly(2026, 11, 5),
            Reason = "感冒发烧", FiledBy = "clerk", FiledAt = Now,
        };
        switch (status)
        {
            case LeaveStatus.Approved:
                Do(leave, LeaveAction.Approve);
                break;
            case LeaveStatus.Rejected:
                Do(leave, LeaveAction.Reject);
                break;
            case LeaveStatus.Withdrawn:
                Do(leave, LeaveAction.Withdraw);
                break;
            case LeaveStatus.Returned:
                Do(leave, LeaveAction.Approve);
                Do(leave, LeaveAction.Return);
                break;
        }
        return leave;
    }

    protected override void Do(LeaveRequest item, LeaveAction action)
    {
        switch (action)
        {
            case LeaveAction.Approve: item.Approve("head", Now, "同意"); break;
            case LeaveAction.Reject: item.Reject("head", Now, "工作繁忙"); break;
            case LeaveAction.Withdraw: item.Withdraw("clerk", Now); break;
            default: item.Return("clerk", new DateOnly(2026, 11, 4)); break;
        }
    }

    protected override LeaveStatus StatusOf(LeaveRequest item) => item.Status;
}
