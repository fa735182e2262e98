using Zhengfeng.Features.Campaigns;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Workflows;

public sealed class CampaignDriver : WorkflowDriver<Campaign, CampaignStatus, CampaignAction>
{
    public override StateMachine<CampaignStatus, CampaignAction> Table => Campaign.Table;

    public static CampaignPlan Plan(params string[] units) => new("作风建设专项整治", "县作发〔2026〕3号", null,
        new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31), ReportCycle.Monthly, [], [new LeaderPlan("张三", "县委副书记", "组长")], units);

    protected override Campaign At(CampaignStatus status)
    {
        var c = Campaign.Plan("c1", Plan("u1", "u2"), "s1", "督查员", Now);
        if (status == CampaignStatus.Closed)
        {
            Do(c, CampaignAction.Close);
        }
        return c;
    }

    protected override void Do(Campaign item, CampaignAction action)
    {
        switch (action)
        {
            case CampaignAction.Revise:
                item.Revise(Plan("u1", "u3"));
                break;
            case CampaignAction.Report:
                item.AcceptReportFrom("u1");
                break;
            case CampaignAction.Close:
                item.Close("s1", Now, "总结");
                break;
            case CampaignAction.Reopen:
                item.Reopen();
                break;
        }
    }

    protected override CampaignStatus StatusOf(Campaign item) => item.Status;
}
