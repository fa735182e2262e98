using Zhengfeng.Features.Accountability;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Workflows;

public sealed class AccountabilityCaseDriver : WorkflowDriver<AccountabilityCase, AccountabilityStatus, AccountabilityAction>
{
    public override StateMachine<AccountabilityStatus, AccountabilityAction> Table => AccountabilityCase.Workflow;

    protected override AccountabilityCase At(AccountabilityStatus status)
    {
        var item = new AccountabilityCase
        {
            Id = "a1", SubjectType = AccountabilitySubject.Cadre, CadreId = "c1", Facts = "推诿扯皮", OpenedBy = "u1", OpenedAt = Now,
        };
        AccountabilityAction[] path = status switch
        {
            AccountabilityStatus.Opened => [],
            AccountabilityStatus.Investigating => [AccountabilityAction.Investigate],
            AccountabilityStatus.Decided => [AccountabilityAction.Investigate, AccountabilityAction.Decide, AccountabilityAction.Answer],
            _ => [AccountabilityAction.Dismiss],
        };
        foreach (var step in path)
        {
            Do(item, step);
        }
        return item;
    }

    protected override void Do(AccountabilityCase item, AccountabilityAction action)
    {
        switch (action)
        {
            case AccountabilityAction.Investigate:
                item.StartInvestigation();
                break;
            case AccountabilityAction.RecordFindings:
                item.RecordFindings("经调查，推诿扯皮属实", Now);
                break;
            case AccountabilityAction.Decide:
                item.Decide("予以诫勉并函询", [AccountabilityForm.Admonition, AccountabilityForm.Inquiry], [], [], [Sanction.Warning], null, DateOnly.FromDateTime(Now.Date), 1, "u2", Now);
                break;
            case AccountabilityAction.Dismiss:
                item.Dismiss("情节轻微", "u2", Now);
                break;
            case AccountabilityAction.Answer:
                item.RecordAnswer("书面说明", Now);
                break;
            case AccountabilityAction.Assess:
                item.AssessAnswer(AnswerAssessment.Accepted, "说明属实", Now);
                break;
            case AccountabilityAction.Exempt:
                item.Exempt("x1", "符合容错条件", "u2", Now);
                break;
        }
    }

    protected override AccountabilityStatus StatusOf(AccountabilityCase item) => item.Status;
}
