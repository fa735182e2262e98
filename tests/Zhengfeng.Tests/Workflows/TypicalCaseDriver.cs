using Zhengfeng.Features.TypicalCases;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Workflows;

public sealed class TypicalCaseDriver : WorkflowDriver<TypicalCase, TypicalCaseStatus, TypicalCaseAction>
{
    public override StateMachine<TypicalCaseStatus, TypicalCaseAction> Table => TypicalCase.Workflow;

    /// <summary>A fresh draft with its text, as the workflow creates it.</summary>
    public static TypicalCase New()
    {
        var item = new TypicalCase
        {
            Id = "t1", SourceId = "s1", UnitId = "u", DraftedBy = "u1", DraftedByName = "起草人", Kind = TypicalCaseKind.Positive,
        };
        item.Edit("标题标题", "基本案情基本案情基本", "", DateTimeOffset.UnixEpoch);
        return item;
    }

    protected override TypicalCase At(TypicalCaseStatus status)
    {
        var item = New();
        TypicalCaseAction[] path = status switch
        {
            TypicalCaseStatus.Draft => [],
            TypicalCaseStatus.PendingReview => [TypicalCaseAction.Submit],
            TypicalCaseStatus.Published => [TypicalCaseAction.Submit, TypicalCaseAction.Publish],
            _ => [TypicalCaseAction.Submit, TypicalCaseAction.Publish, TypicalCaseAction.Withdraw],
        };
        foreach (var step in path)
        {
            Do(item, step);
        }
        return item;
    }

    protected override void Do(TypicalCase item, TypicalCaseAction action)
    {
        switch (action)
        {
            case TypicalCaseAction.Edit:
                item.Edit("修改后的标题", "修改后的基本案情内容", "启示", Now);
                break;
            case TypicalCaseAction.Submit:
                item.Submit("u1", Now);
                break;
            case TypicalCaseAction.Return:
                item.Return("u2", "审核人", Now, "意见");
                break;
            case TypicalCaseAction.Publish:
                item.Publish("u2", "审核人", Now, "同意", text => text);
                break;
            case TypicalCaseAction.Withdraw:
                item.Withdraw("u2", "审核人", Now, "情况变化");
                break;
        }
    }

    protected override TypicalCaseStatus StatusOf(TypicalCase item) => item.Status;
}
