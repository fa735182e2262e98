using Zhengfeng.Features.Calendar;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Workflows;

public sealed class SupervisionNoticeDriver : WorkflowDriver<SupervisionNotice, NoticeStatus, NoticeAction>
{
    private static Deadline Due => new(Now.AddDays(3), "3个工作日");

    public override StateMachine<NoticeStatus, NoticeAction> Table => SupervisionNotice.Table;

    protected override SupervisionNotice At(NoticeStatus status)
    {
        var notice = new SupervisionNotice
        {
            Id = Guid.NewGuid().ToString("N"), Year = 2026, UnitId = "unit", Level = NoticeLevel.Yellow, Reason = "工单超期未办结",
            IssuedBy = "supervisor", IssuedByName = "督查员", IssuedAt = Now, ReplyWorkdays = 3,
        };
        notice.StartReplyClock(Due);
        if (status != NoticeStatus.Issued)
        {
            notice.Reply("staff", Now, "已整改");
        }
        if (status == NoticeStatus.Accepted)
        {
            notice.Accept("supervisor", Now, null);
        }
        return notice;
    }

    protected override void Do(SupervisionNotice item, NoticeAction action)
    {
        switch (action)
        {
            case NoticeAction.Reply:
                item.Reply("staff", Now, "已整改");
                break;
            case NoticeAction.Accept:
                item.Accept("supervisor", Now, "认可");
                break;
            case NoticeAction.Reject:
                item.Reject("supervisor", Now, "回复不具体", Due);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    protected override NoticeStatus StatusOf(SupervisionNotice item) => item.Status;
}
