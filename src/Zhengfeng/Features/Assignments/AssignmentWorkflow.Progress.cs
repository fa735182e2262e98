using Microsoft.EntityFrameworkCore;
using Zhengfeng.Features.Campaigns;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Assignments;

/// <summary>Reports on an assignment: progress by the lead or an assist unit, milestones and completion by the lead unit, acceptance from outside it.</summary>
public sealed partial class AssignmentWorkflow
{
    /// <summary>A progress report; with a period, one report per unit and period of the task's cycle.</summary>
    public async Task<ProgressEntry> ReportProgressAsync(string id, AssignmentProgressRequest r, CancellationToken ct)
    {
        var a = await LoadAsync(id, ct);
        var unitId = await ActingUnitAsync(a, ct) ?? throw new ForbiddenException("只有牵头单位和配合单位的人员可以报告进展");
        var period = string.IsNullOrWhiteSpace(r.Period) ? null : PeriodOf(a, r.Period, Now.CstDate());
        if (period is not null && await db.Set<ProgressEntry>().AnyAsync(e => e.AssignmentId == id && e.UnitId == unitId && e.Period == period, ct))
        {
            throw new RuleException("task.period_reported", $"本单位已报送过{ReportPeriods.Label(period)}的汇报", StatusCodes.Status409Conflict);
        }
        var entry = a.Progress(unitId, user.Id, user.DisplayName, Now, r.Content, period);
        db.Add(entry);
        db.PendingAction = "task.progress";
        await db.SaveChangesAsync(ct);
        return entry;
    }

    public async Task<Assignment> CompleteMilestoneAsync(string id, int seq, MilestoneDoneRequest r, CancellationToken ct)
    {
        var a = await LoadAsync(id, ct);
        await EnsureLeadStaffAsync(a, "只有牵头单位的人员可以报告节点完成", ct);
        db.Add(a.CompleteMilestone(seq, user.Id, user.DisplayName, Now, r.Content));
        db.PendingAction = "task.milestone";
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>完成报告: only the lead unit reports the work done; it then waits for acceptance.</summary>
    public async Task<Assignment> CompleteAsync(string id, AssignmentCompletionRequest r, CancellationToken ct)
    {
        var a = await LoadAsync(id, ct);
        await EnsureLeadStaffAsync(a, "只有牵头单位的人员可以报告交办事项完成", ct);
        db.Add(a.Complete(user.Id, user.DisplayName, Now, r.Content));
        db.PendingAction = "task.complete";
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>验收: a supervisor outside the lead unit accepts the work or sends it back with the reason.</summary>
    public async Task<Assignment> AcceptAsync(string id, AssignmentAcceptanceRequest r, CancellationToken ct)
    {
        var a = await LoadAsync(id, ct);
        if (await InLeadUnitAsync(a, ct))
        {
            throw new ForbiddenException("牵头单位的人员不能验收本单位的工作");
        }
        if (!user.IsIn(Roles.Supervisor, Roles.Admin) || user.IsIn(Roles.Unit))
        {
            throw new ForbiddenException("只有牵头单位以外的督查人员可以验收交办事项");
        }
        var accepted = r.Accepted!.Value;
        db.Add(accepted ? a.Accept(user.Id, user.DisplayName, Now, r.Note) : a.Reject(user.Id, user.DisplayName, Now, r.Note));
        if (accepted)
        {
            foreach (var unitId in (await AssistUnitIdsAsync(a.Id, ct)).Prepend(a.LeadUnitId))
            {
                notifier.Notify(unitId, "task", $"交办事项{a.Number}“{Short(a.Title)}”已验收通过，办结", null);
            }
        }
        else
        {
            notifier.Notify(a.LeadUnitId, "task", $"交办事项{a.Number}“{Short(a.Title)}”验收退回：{Short(r.Note!.Trim())}，请继续推进后重新报告完成", null);
        }
        db.PendingAction = accepted ? "task.accept" : "task.reject";
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>Whether the user may report progress, and for which unit: the lead unit before an assist unit.</summary>
    public async Task<string?> ActingUnitAsync(Assignment a, CancellationToken ct)
    {
        if (!user.IsIn(Roles.Unit))
        {
            return null;
        }
        var nodes = await tree.GetAsync(db, ct);
        if (UnitTree.Subtree(nodes, a.LeadUnitId).Contains(user.UnitId))
        {
            return a.LeadUnitId;
        }
        return (await AssistUnitIdsAsync(a.Id, ct)).FirstOrDefault(u => UnitTree.Subtree(nodes, u).Contains(user.UnitId));
    }

    public async Task<bool> IsLeadStaffAsync(Assignment a, CancellationToken ct) => user.IsIn(Roles.Unit) && await InLeadUnitAsync(a, ct);

    /// <summary>Acceptance is for supervisors outside the lead unit, whatever roles an insider holds.</summary>
    public async Task<bool> MayAcceptAsync(Assignment a, CancellationToken ct)
        => user.IsIn(Roles.Supervisor, Roles.Admin) && !user.IsIn(Roles.Unit) && !await InLeadUnitAsync(a, ct);

    /// <summary>The canonical text of a period the task's cycle asks for, overlapping [assigned, due] and already begun; otherwise a 400.</summary>
    public static string PeriodOf(Assignment a, string text, DateOnly today)
    {
        if (a.ReportCycle == ReportCycle.None)
        {
            throw Bad("task.no_cycle", "该交办事项未规定汇报周期，报告进展时不必填写汇报期次");
        }
        var range = ReportPeriods.Range(a.ReportCycle, text)
            ?? throw Bad("task.bad_period", $"“{text.Trim()}”不是{Campaign.Label(a.ReportCycle)}汇报的期次（例如{ReportPeriods.Of(a.ReportCycle, today)}）");
        var assigned = a.AssignedAt.CstDate();
        var period = ReportPeriods.Of(a.ReportCycle, range.Start);
        if (range.End < assigned || range.Start > a.DueOn || range.Start > today)
        {
            throw Bad("task.outside_cycle",
                $"{ReportPeriods.Label(period)}不在该交办事项的汇报周期内：只能报告{Day(assigned)}至{Day(a.DueOn)}之间已经开始的{Campaign.Label(a.ReportCycle)}期次");
        }
        return period;
    }

    /// <summary>The periods of the task's cycle a report may answer today, newest first.</summary>
    public static IReadOnlyList<string> OpenPeriods(Assignment a, DateOnly today)
    {
        var to = a.DueOn < today ? a.DueOn : today;
        var from = a.AssignedAt.CstDate();
        return from > to ? [] : ReportPeriods.Between(a.ReportCycle, from, to).Reverse().ToList();
    }

    private async Task EnsureLeadStaffAsync(Assignment a, string refusal, CancellationToken ct)
    {
        if (!await IsLeadStaffAsync(a, ct))
        {
            throw new ForbiddenException(refusal);
        }
    }

    private async Task<bool> InLeadUnitAsync(Assignment a, CancellationToken ct)
        => !string.IsNullOrEmpty(user.UnitId) && UnitTree.Subtree(await tree.GetAsync(db, ct), a.LeadUnitId).Contains(user.UnitId);
}
