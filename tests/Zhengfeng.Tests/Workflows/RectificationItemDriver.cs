using Zhengfeng.Features.Rectification;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Workflows;

public sealed class RectificationItemDriver : WorkflowDriver<RectificationItem, RectificationStatus, RectificationAction>
{
    public override StateMachine<RectificationStatus, RectificationAction> Table => RectificationItem.Table;

    protected override RectificationItem At(RectificationStatus status)
    {
        var item = new RectificationItem
        {
            Id = Guid.NewGuid().ToString("N"), ClueId = "clue", UnitId = "unit", Measures = "建立台账，逐项整改", Type = RectificationType.Deadline,
            DueDate = DateOnly.FromDateTime(Now.Date).AddDays(30), CreatedAt = Now,
        };
        if (status >= RectificationStatus.Reported)
        {
            item.Report(Now, "制度执行不严");
        }
        if (status >= RectificationStatus.Verified)
        {
            item.Verify(true, "checker", null, Now);
        }
        if (status >= RectificationStatus.Closed)
        {
            item.Close("checker", Now, DateOnly.FromDateTime(Now.Date).AddDays(90), null);
        }
        return item;
    }

    protected override void Do(RectificationItem item, RectificationAction action)
    {
        switch (action)
        {
            case RectificationAction.Report:
                item.Report(Now, null);
                break;
            case RectificationAction.VerifyPass:
                item.Verify(true, "checker", "整改到位", Now);
                break;
            case RectificationAction.VerifyFail:
                item.Verify(false, "checker", "整改不到位", Now);
                break;
            case RectificationAction.Close:
                item.Close("checker", Now, DateOnly.FromDateTime(Now.Date).AddDays(90), null);
                break;
            case RectificationAction.Reopen:
                item.Relapse("问题反弹");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    protected override RectificationStatus StatusOf(RectificationItem item) => item.Status;
}
