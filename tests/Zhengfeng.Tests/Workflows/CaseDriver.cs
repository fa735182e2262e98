using Zhengfeng.Features.Calendar;
using Zhengfeng.Features.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Workflows;

public sealed class CaseDriver : WorkflowDriver<Case, CaseStatus, CaseAction>
{
    private static readonly Actor Staff = new("u1", "承办人", "lead");

    private static CaseDeadlines Deadlines => new(new Deadline(Now.AddDays(1), "1个工作日"), Now.AddDays(1), new Deadline(Now.AddDays(10), "10个工作日"));

    public override StateMachine<CaseStatus, CaseAction> Table => CaseTransitions.Table;

    protected override Case At(CaseStatus status)
    {
        var c = New();
        switch (status)
        {
            case CaseStatus.Registered:
                break;
            case CaseStatus.Merged:
                c.MergeInto(New(), Staff, Now);
                break;
            default:
                c.Dispatch(Staff, Now, "lead", "主办单位", [], Deadlines, null);
                if (status == CaseStatus.Dispatched)
                {
                    break;
                }
                c.Sign(Staff, Now);
                if (status == CaseStatus.ReturnRequested)
                {
                    c.RequestReturn(Staff, Now, "不属于本单位职责", new CaseRules(), null);
                }
                else if (status != CaseStatus.Handling)
                {
                    c.Reply(Staff, Now, "已处理完毕", ReplyOutcome.Resolved, Now.AddDays(7));
                    if (status == CaseStatus.Reopened)
                    {
                        c.Rate(Now, 1, false, null, new Deadline(Now.AddDays(5), "5个工作日"));
                    }
                    else if (status == CaseStatus.Closed)
                    {
                        c.Rate(Now, 5, true, null, new Deadline(Now.AddDays(5), "5个工作日"));
                    }
                }
                break;
        }
        return c;
    }

    protected override void Do(Case item, CaseAction action)
    {
        switch (action)
        {
            case CaseAction.Dispatch:
                item.Dispatch(Staff, Now, "lead", "主办单位", ["assist"], Deadlines, "请尽快办理");
                break;
            case CaseAction.DirectAnswer:
                item.DirectAnswer(Staff, Now, "政策规定如下", Now.AddDays(7));
                break;
            case CaseAction.Merge:
                item.MergeInto(New(), Staff, Now);
                break;
            case CaseAction.Sign:
                item.Sign(Staff, Now);
                break;
            case CaseAction.RequestReturn:
                item.RequestReturn(Staff, Now, "不属于本单位职责", new CaseRules(), null);
                break;
            case CaseAction.ApproveReturn:
                item.ApproveReturn(Staff, Now, "other", "另一单位", Deadlines, null);
                break;
            case CaseAction.RejectReturn:
                item.RejectReturn(Staff, Now, "属于本单位职责");
                break;
            case CaseAction.Reply:
                item.Reply(Staff, Now, "已处理完毕", ReplyOutcome.Resolved, Now.AddDays(7));
                break;
            case CaseAction.RateGood:
                item.Rate(Now, 5, true, "很好", new Deadline(Now.AddDays(5), "5个工作日"));
                break;
            case CaseAction.RateBad:
                item.Rate(Now, 1, false, "没解决", new Deadline(Now.AddDays(5), "5个工作日"));
                break;
            case CaseAction.Close:
                item.Close(Staff, Now.AddDays(30), null, 7);
                break;
            case CaseAction.Requeue:
                item.Requeue(Actor.System, Now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    protected override CaseStatus StatusOf(Case item) => item.Status;

    // Consultations, so a direct answer is refused only by the table.
    private static Case New()
    {
        var c = new Case
        {
            Id = Guid.NewGuid().ToString("N"), TrackingCode = CaseWorkflow.NewTrackingCode(), Kind = CaseKind.Consultation,
            CategoryCode = "roads", Content = "路灯不亮", RegisteredAt = Now,
        };
        c.Register(Staff, Now, "热线受理");
        return c;
    }
}
