using Zhengfeng.Features.Reports;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Workflows;

public sealed class ConductReportDriver : WorkflowDriver<ConductReport, ReportStatus, ReportAction>
{
    public override StateMachine<ReportStatus, ReportAction> Table => ConductReport.Table;

    protected override ConductReport At(ReportStatus status)
    {
        var report = new ConductReport
        {
            Id = Guid.NewGuid().ToString("N"), Number = "JB20261102-000001", FollowUpHash = "hash", Content = "窗口工作人员上班时间玩手机", ReceivedAt = Now,
        };
        switch (status)
        {
            case ReportStatus.Accepted:
                Do(report, ReportAction.Accept);
                break;
            case ReportStatus.Checking:
                Do(report, ReportAction.Accept);
                Do(report, ReportAction.StartCheck);
                break;
            case ReportStatus.Concluded:
                Do(report, ReportAction.Accept);
                Do(report, ReportAction.Conclude);
                break;
            case ReportStatus.NotAccepted:
                Do(report, ReportAction.Reject);
                break;
            case ReportStatus.Forwarded:
                Do(report, ReportAction.Forward);
                break;
        }
        return report;
    }

    protected override void Do(ConductReport item, ReportAction action)
    {
        switch (action)
        {
            case ReportAction.Accept: item.Accept(Now, Now.AddMonths(3)); break;
            case ReportAction.Reject: item.Reject(Now); break;
            case ReportAction.Forward: item.Forward(Now, "市纪委监委"); break;
            case ReportAction.StartCheck: item.StartCheck(Now); break;
            default: item.Conclude(Now, ReportFinding.Partial, "部分属实，已责令整改", Now.AddDays(21)); break;
        }
    }

    protected override ReportStatus StatusOf(ConductReport item) => item.Status;
}
