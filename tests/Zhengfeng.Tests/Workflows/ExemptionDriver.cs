using Zhengfeng.Features.Accountability;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Workflows;

public sealed class ExemptionDriver : WorkflowDriver<Exemption, ExemptionStatus, ExemptionAction>
{
    public override StateMachine<ExemptionStatus, ExemptionAction> Table => Exemption.Workflow;

    protected override Exemption At(ExemptionStatus status)
    {
        var item = new Exemption
        {
            Id = "x1", CadreId = "c1", Facts = "先行先试造成损失", AppliedBy = "u1", AppliedAt = Now,
            PublicPurpose = true, NoPersonalGain = true, NoBreachOfLaw = true, NoMajorLoss = true, TimelyRemedy = true, ProcedureFollowed = true,
        };
        if (status != ExemptionStatus.Applied)
        {
            Do(item, status == ExemptionStatus.Approved ? ExemptionAction.Approve : ExemptionAction.Refuse);
        }
        return item;
    }

    protected override void Do(Exemption item, ExemptionAction action)
    {
        if (action == ExemptionAction.Approve)
        {
            item.Approve("符合容错条件", [], "u2", Now);
        }
        else
        {
            item.Refuse("谋取了私利", ["noPersonalGain"], "u2", Now);
        }
    }

    protected override ExemptionStatus StatusOf(Exemption item) => item.Status;
}
