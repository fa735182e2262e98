using Zhengfeng.Features.Evaluations;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Workflows;

public sealed class EvaluationCampaignDriver : WorkflowDriver<EvaluationCampaign, CampaignStatus, CampaignAction>
{
    public override StateMachine<CampaignStatus, CampaignAction> Table => EvaluationCampaign.Workflow;

    protected override EvaluationCampaign At(CampaignStatus status)
    {
        var campaign = new EvaluationCampaign { Id = "e1", Name = "2026年度政风行风评议", Year = 2026, CreatedAt = Now };
        if (status != CampaignStatus.Draft)
        {
            campaign.Open(Now);
        }
        if (status == CampaignStatus.Closed)
        {
            campaign.Close(Now);
        }
        return campaign;
    }

    protected override void Do(EvaluationCampaign item, CampaignAction action)
    {
        if (action == CampaignAction.Open)
        {
            item.Open(Now);
        }
        else
        {
            item.Close(Now);
        }
    }

    protected override CampaignStatus StatusOf(EvaluationCampaign item) => item.Status;
}
