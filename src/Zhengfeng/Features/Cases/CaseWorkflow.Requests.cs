using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>Return requests (退单) and extensions (延期).</summary>
public sealed partial class CaseWorkflow
{
    public async Task<ReturnRequest> RequestReturnAsync(string id, string reason, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        await EnsureLeadUnitAsync(c, ct);
        var window = c.DispatchedAt is { } dispatched ? calendar.For(c.AreaId).WorkdayDeadline(dispatched, Rules.ReturnWindowWorkdays).DueAt : (DateTimeOffset?)null;
        c.RequestReturn(Me, Now, reason, Rules, window);
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
        if (r.Approve)
        {
            if (string.IsNullOrWhiteSpace(r.NewLeadUnitId))
            {
                throw new RuleException("case.new_unit_required", "同意退单时须指定改派的主办单位", 400);
            }
            var lead = await UnitAsync(r.NewLeadUnitId, "改派单位", ct);
            var category = await CategoryAsync(c.CategoryCode, ct);
            request.NewLeadUnitId = lead.Id;
            c.PlaceIn(UnitTree.AreaOf(await tree.GetAsync(db, ct), lead.Id));
            var deadlines = Deadlines(c, category, Now);
            c.ApproveReturn(Me, Now, lead.Id, lead.Name, deadlines, r.Note);
            notifier.Notify(lead.Id, "dispatch", $"改派工单：{c.Title}（{c.Number}），请于{ChinaTime.Format(deadlines.Response.DueAt)}前签收", c.Id);
            await assistDuties.AddForCaseAsync(c, null, ct);
        }
        else
        {
            c.RejectReturn(Me, Now, r.Note);
        }
        notifier.Notify(request.UnitId, "return", $"退单申请已{(r.Approve ? "同意" : "驳回")}：{c.Title}（{c.Number}）{NoteSuffix(r.Note)}", c.Id);
        db.PendingAction = r.Approve ? "case.return-approve" : "case.return-reject";
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<ExtensionRequest> RequestExtensionAsync(string id, ExtensionRequestInput r, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        await EnsureLeadUnitAsync(c, ct);
        c.RequestExtension(Me, Now, r.Workdays, r.Reason, Rules);
        if (await db.Set<ExtensionRequest>().AnyAsync(x => x.CaseId == id && x.Decision == RequestDecision.Pending, ct))
        {
            throw new RuleException("case.extension_pending", "已有延期申请待审批", 409);
        }
        var request = new ExtensionRequest
        {
            Id = Ids.New(), CaseId = id, UnitId = c.LeadUnitId!, Workdays = r.Workdays, Reason = r.Reason.Trim(), RequestedBy = user.Id, RequestedAt = Now,
        };
        db.Add(request);
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
        request.Decision = r.Approve ? RequestDecision.Approved : RequestDecision.Rejected;
        request.DecidedBy = user.Id;
        request.DecidedAt = Now;
        request.DecisionNote = r.Note?.Trim();
        if (r.Approve)
        {
            var from = c.HandleDueAt ?? Now;
            var due = calendar.For(c.AreaId).WorkdayDeadline(from, request.Workdays);
            c.ApproveExtension(Me, Now, request.Workdays, due with { Explanation = $"原期限{ChinaTime.Format(from)}延期{request.Workdays}个工作日：{due.Explanation}" }, r.Note);
        }
        else
        {
            c.RejectExtension(Me, Now, r.Note);
        }
        notifier.Notify(request.UnitId, "extension", $"延期申请已{(r.Approve ? "批准" : "驳回")}：{c.Title}（{c.Number}）", c.Id);
        db.PendingAction = r.Approve ? "case.extension-approve" : "case.extension-reject";
        await db.SaveChangesAsync(ct);
        return c;
    }

    private static string NoteSuffix(string? note) => string.IsNullOrWhiteSpace(note) ? "" : "：" + note.Trim();
}
