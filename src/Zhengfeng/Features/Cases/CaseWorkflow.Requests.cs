using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>Return requests (退单) and extensions (延期).</summary>
public sealed partial class CaseWorkflow
{
    public async Task<ReturnRequest> RequestReturnAsync(string id, string reason, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        await EnsureLeadUnitAsync(c, ct);
        if (c.ReturnCount >= Rules.MaxReturns)
        {
            throw new RuleException("case.return_limit",
                $"此工单已退单{c.ReturnCount}次，派单员的决定为最终决定，本单位须办理", 409);
        }
        if (c.DispatchedAt is { } dispatched)
        {
            var window = calendar.WorkdayDeadline(dispatched, Rules.ReturnWindowWorkdays);
            if (Now > window.DueAt)
            {
                throw new RuleException("case.return_window",
                    $"退单须在派单后{Rules.ReturnWindowWorkdays}个工作日内提出（截至{ChinaTime.Format(window.DueAt)}），已超过时限", 409);
            }
        }
        c.Apply(CaseAction.RequestReturn, Me, Now, reason.Trim());
        var request = new ReturnRequest
        {
            Id = Ids.New(), CaseId = c.Id, UnitId = c.LeadUnitId!, Reason = reason.Trim(), RequestedBy = user.Id, RequestedAt = Now,
        };
        db.Add(request);
        db.PendingAction = "case.return-request";
        await db.SaveChangesAsync(ct);
        return request;
    }

    /// <summary>The dispatcher rules: approve (改派 to a new unit, or back to the pool) or reject (the unit must handle it).</summary>
    public async Task<Case> DecideReturnAsync(string id, string requestId, ReturnDecisionRequest r, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        var request = await db.Set<ReturnRequest>().FirstOrDefaultAsync(x => x.Id == requestId && x.CaseId == id, ct)
            ?? throw new NotFoundException("退单申请");
        if (request.Decision != RequestDecision.Pending)
        {
            throw new RuleException("case.already_decided", "该退单申请已裁定", 409);
        }
        request.Decision = r.Approve ? RequestDecision.Approved : RequestDecision.Rejected;
        request.DecidedBy = user.Id;
        request.DecidedAt = Now;
        request.DecisionNote = r.Note?.Trim();
        c.CountReturn();
        if (r.Approve)
        {
            if (string.IsNullOrWhiteSpace(r.NewLeadUnitId))
            {
                throw new RuleException("case.new_unit_required", "同意退单时须指定改派的主办单位", 400);
            }
            if (r.NewLeadUnitId == c.LeadUnitId)
            {
                throw new RuleException("case.same_unit", "改派单位不能是原主办单位", 400);
            }
            var lead = await UnitAsync(r.NewLeadUnitId, "改派单位", ct);
            var category = await CategoryAsync(c.CategoryCode, ct);
            request.NewLeadUnitId = lead.Id;
            c.Apply(CaseAction.ApproveReturn, Me, Now, $"同意退单，改派至{lead.Name}{NoteSuffix(r.Note)}");
            var (response, contact, handle) = Deadlines(c, category, Now);
            c.AssignTo(lead.Id, c.AssistUnits, Now, response, contact, handle);
            notifier.Notify(lead.Id, "dispatch", $"改派工单：{c.Title}（{c.TrackingCode}），请于{ChinaTime.Format(response.DueAt)}前签收", c.Id);
        }
        else
        {
            c.Apply(CaseAction.RejectReturn, Me, Now, $"驳回退单{NoteSuffix(r.Note)}");
            c.MarkSigned(Now);
        }
        notifier.Notify(request.UnitId, "return", $"退单申请已{(r.Approve ? "同意" : "驳回")}：{c.Title}（{c.TrackingCode}）{NoteSuffix(r.Note)}", c.Id);
        db.PendingAction = r.Approve ? "case.return-approve" : "case.return-reject";
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<ExtensionRequest> RequestExtensionAsync(string id, ExtensionRequestInput r, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        await EnsureLeadUnitAsync(c, ct);
        if (c.Status is not (CaseStatus.Handling or CaseStatus.Reopened))
        {
            throw new RuleException("case.not_handling", "签收后、答复前才能申请延期", 409);
        }
        if (r.Workdays > Rules.MaxExtensionWorkdays)
        {
            throw new RuleException("case.extension_too_long", $"延期不能超过{Rules.MaxExtensionWorkdays}个工作日", 422);
        }
        if (c.ExtensionCount >= Rules.MaxExtensions)
        {
            throw new RuleException("case.extension_limit", $"每件工单最多延期{Rules.MaxExtensions}次", 409);
        }
        if (await db.Set<ExtensionRequest>().AnyAsync(x => x.CaseId == id && x.Decision == RequestDecision.Pending, ct))
        {
            throw new RuleException("case.extension_pending", "已有延期申请待审批", 409);
        }
        var request = new ExtensionRequest
        {
            Id = Ids.New(), CaseId = id, UnitId = c.LeadUnitId!, Workdays = r.Workdays, Reason = r.Reason.Trim(), RequestedBy = user.Id, RequestedAt = Now,
        };
        db.Add(request);
        c.Record("extension-request", Me, Now, $"申请延期{r.Workdays}个工作日：{r.Reason.Trim()}");
        db.PendingAction = "case.extension-request";
        await db.SaveChangesAsync(ct);
        return request;
    }

    public async Task<Case> DecideExtensionAsync(string id, string requestId, DecisionRequest r, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        var request = await db.Set<ExtensionRequest>().FirstOrDefaultAsync(x => x.Id == requestId && x.CaseId == id, ct)
            ?? throw new NotFoundException("延期申请");
        if (request.Decision != RequestDecision.Pending)
        {
            throw new RuleException("case.already_decided", "该延期申请已审批", 409);
        }
        if (!c.IsOpen || c.Status == CaseStatus.ReturnRequested)
        {
            throw new RuleException("case.not_handling", "工单已不在办理中，无需延期", 409);
        }
        request.Decision = r.Approve ? RequestDecision.Approved : RequestDecision.Rejected;
        request.DecidedBy = user.Id;
        request.DecidedAt = Now;
        request.DecisionNote = r.Note?.Trim();
        if (r.Approve)
        {
            var from = c.HandleDueAt ?? Now;
            var due = calendar.WorkdayDeadline(from, request.Workdays);
            c.Extend(due with { Explanation = $"原期限{ChinaTime.Format(from)}延期{request.Workdays}个工作日：{due.Explanation}" });
            c.Record("extension-approve", Me, Now, $"同意延期{request.Workdays}个工作日，办理期限改为{ChinaTime.Format(due.DueAt)}{NoteSuffix(r.Note)}");
        }
        else
        {
            c.Record("extension-reject", Me, Now, $"不同意延期{NoteSuffix(r.Note)}");
        }
        notifier.Notify(request.UnitId, "extension", $"延期申请已{(r.Approve ? "批准" : "驳回")}：{c.Title}（{c.TrackingCode}）", c.Id);
        db.PendingAction = r.Approve ? "case.extension-approve" : "case.extension-reject";
        await db.SaveChangesAsync(ct);
        return c;
    }

    private static string NoteSuffix(string? note) => string.IsNullOrWhiteSpace(note) ? "" : "：" + note.Trim();
}
