using Zhengfeng.Features.Clues;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Workflows;

public sealed class ClueDriver : WorkflowDriver<Clue, ClueStatus, ClueAction>
{
    public override StateMachine<ClueStatus, ClueAction> Table => Clue.Table;

    protected override Clue At(ClueStatus status)
    {
        var clue = new Clue
        {
            Id = Guid.NewGuid().ToString("N"), Source = ClueSource.Mystery, UnitId = "unit", ProblemType = "laxity", Content = "窗口无人",
            RegisteredBy = "supervisor", RegisteredAt = Now,
        };
        if (status == ClueStatus.Verified)
        {
            clue.Verify(VerificationResult.True, null, "supervisor", Now);
        }
        else if (status == ClueStatus.Dismissed)
        {
            clue.Verify(VerificationResult.False, null, "supervisor", Now);
        }
        return clue;
    }

    protected override void Do(Clue item, ClueAction action)
        => item.Verify(action == ClueAction.Confirm ? VerificationResult.Partial : VerificationResult.False, "核查说明", "supervisor", Now);

    protected override ClueStatus StatusOf(Clue item) => item.Status;
}
