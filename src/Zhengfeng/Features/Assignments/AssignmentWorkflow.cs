using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Assists;
using Zhengfeng.Features.Audit;
using Zhengfeng.Features.Calendar;
using Zhengfeng.Features.Campaigns;
using Zhengfeng.Features.Notifications;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Assignments;

/// <summary>
/// 交办督办: supervisors and leaders assign work to a lead unit with assist units and a 施工图; the lead and assist units
/// report progress; only the lead unit reports it done; only a supervisor outside the lead unit accepts it.
/// </summary>
public sealed partial class AssignmentWorkflow(
    AppDb db, TimeProvider clock, WorkCalendar calendar, CurrentUser user, UnitTree tree, Notifier notifier, AssistWorkflow assists)
{
    /// <summary>Assist units give their input this many working days before the task is due (or by the due date when less time is left).</summary>
    public const int AssistLeadWorkdays = 5;

    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Roles that read every assignment; unit staff read those of their units (lead or assist).</summary>
    private static readonly string[] Readers = [Roles.Supervisor, Roles.Leader, Roles.Inspector, Roles.Admin];

    public async Task<Assignment> CreateAsync(CreateAssignmentRequest r, CancellationToken ct)
    {
        if (!user.IsIn(Roles.Supervisor, Roles.Leader, Roles.Admin))
        {
            throw new ForbiddenException("只有督查人员和领导可以交办事项");
        }
        var today = Now.CstDate();
        var leadUnitId = r.LeadUnitId.Trim();
        if (!await db.Units.AnyAsync(u => u.Id == leadUnitId && u.IsActive, ct))
        {
            throw Bad("task.unknown_unit", "牵头单位不存在");
        }
        var parts = AssistParts(r);
        var partIds = parts.Select(p => p.UnitId).Distinct().ToList();
        var known = await db.Units.AsNoTracking().Where(u => partIds.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        if (partIds.Except(known).Any())
        {
            throw Bad("task.unknown_assist_unit", "配合单位不存在");
        }
        await user.EnsureInAreaAsync(leadUnitId, "牵头单位", ct);
        foreach (var part in partIds)
        {
            await user.EnsureInAreaAsync(part, "配合单位", ct);
        }
        var due = DueOn(r, today);
        var campaignId = r.CampaignId.TrimToNull();
        var source = r.Source ?? (campaignId is not null ? AssignmentSource.Campaign
            : throw Bad("task.source_required", "请选择交办来源（campaign 专项整治、leader 领导批示、meeting 会议议定、superior 上级交办）"));
        if (source == AssignmentSource.Campaign && campaignId is null)
        {
            throw Bad("task.campaign_required", "来源为专项整治的任务须指定所属专项整治");
        }
        var campaign = campaignId is null ? null : await CampaignAsync(campaignId, ct);
        var cycle = r.ReportCycle ?? campaign?.ReportCycle ?? ReportCycle.None;
        if (campaign is not null)
        {
            CheckAgainstPlan(campaign, leadUnitId, due, r.PhaseSeq, cycle);
        }
        else if (r.PhaseSeq is not null)
        {
            throw Bad("task.phase_without_campaign", "只有专项整治的任务才能指定阶段");
        }
        var milestones = Milestones(r, today);

        var a = new Assignment
        {
            Id = Ids.New(), Year = Now.ToCst().Year, Title = r.Title.Trim(), Content = r.Content.TrimToNull(), Source = source, SourceNote = r.SourceNote.TrimToNull(),
            CampaignId = campaignId, PhaseSeq = r.PhaseSeq, LeadUnitId = leadUnitId, ResponsibleName = r.ResponsibleName.TrimToNull(), DueOn = due,
            ReportCycle = cycle, AssignedBy = user.Id, AssignedByName = user.DisplayName, AssignedAt = Now,
        };
        a.PlanMilestones(milestones);
        IReadOnlyList<AssistDuty> duties = parts.Count == 0 ? [] : assists.AddForAssignment(a, parts, AssistDueAt(due, today));
        db.Add(a);
        db.PendingAction = "task.assign";
        await SaveNumberedAsync(a, ct);

        // The number is known only after the save; the messages go out in a second, audited unit of work.
        notifier.Notify(a.LeadUnitId, "task",
            $"收到交办事项{a.Number}“{Short(a.Title)}”（{Assignment.Label(a.Source)}），完成期限{Day(a.DueOn)}，请按施工图推进并按时报告进展", null);
        foreach (var d in duties)
        {
            notifier.Notify(d.UnitId, "assist", $"收到协办任务：交办事项{a.Number}“{Short(a.Title)}”需你单位配合（{Short(d.Part)}），请于{ChinaTime.Format(d.DueAt)}前提交协办意见", null);
        }
        db.PendingAction = "task.notify";
        await db.SaveChangesAsync(ct);
        return a;
    }

    public async Task<Assignment> LoadAsync(string id, CancellationToken ct)
    {
        var a = await db.Set<Assignment>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("交办事项");
        var visible = await user.VisibleUnitsAsync(ct);
        if (user.IsIn(Readers) && visible is null)
        {
            return a;
        }
        if ((user.IsIn(Readers) || user.IsIn(Roles.Unit)) && visible is not null)
        {
            var assistUnits = await AssistUnitIdsAsync(a.Id, ct);
            if (visible.Contains(a.LeadUnitId) || assistUnits.Any(visible.Contains))
            {
                return a;
            }
        }
        throw new ForbiddenException("无权查看其他单位的交办事项");
    }

    /// <summary>The assignment with everything its page and view show.</summary>
    public async Task<AssignmentRecord> ReadAsync(string id, CancellationToken ct)
    {
        var a = await LoadAsync(id, ct);
        var duties = await db.Set<AssistDuty>().AsNoTracking().Where(d => d.OwnerType == AssistOwner.Assignment && d.OwnerId == id)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.UnitId).ToListAsync(ct);
        var progress = await db.Set<ProgressEntry>().AsNoTracking().Where(e => e.AssignmentId == id).OrderBy(e => e.At).ToListAsync(ct);
        var notices = await db.Set<SupervisionNotice>().AsNoTracking().Where(n => n.AssignmentId == id).OrderBy(n => n.IssuedAt).ThenBy(n => n.Seq).ToListAsync(ct);
        return new AssignmentRecord(a, duties, progress, notices);
    }

    /// <summary>
    /// Numbers the new assignment from the year's highest number and saves. The unique (year, seq) index refuses a number
    /// another assigner took at the same moment; then the number is taken again.
    /// </summary>
    private async Task SaveNumberedAsync(Assignment a, CancellationToken ct, int attempts = 3)
    {
        for (var attempt = 1; ; attempt++)
        {
            var seq = await db.Set<Assignment>().AsNoTracking().Where(x => x.Year == a.Year).MaxAsync(x => (int?)x.Seq, ct) ?? 0;
            a.AssignNumber(seq + 1);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (Exception e) when (attempt < attempts && SaveConflict.Is(e))
            {
                // The failed save left its audit entries tracked; the next save chains fresh ones.
                foreach (var entry in db.ChangeTracker.Entries<AuditEntry>().ToList())
                {
                    entry.State = EntityState.Detached;
                }
            }
        }
    }

    private DateOnly DueOn(CreateAssignmentRequest r, DateOnly today)
    {
        if (r.DueOn is not null && r.DueWorkdays is not null)
        {
            throw Bad("task.due_twice", "完成期限请填写日期（dueOn）或工作日数（dueWorkdays）之一");
        }
        var due = r.DueOn ?? (r.DueWorkdays is { } days ? calendar.AddWorkdays(today, days)
            : throw Bad("task.due_required", "请填写完成期限（dueOn 日期，或 dueWorkdays 自今天起的工作日数）"));
        if (due < today)
        {
            throw Bad("task.due_past", $"完成期限{Day(due)}不能早于今天");
        }
        return due;
    }

    private async Task<Campaign> CampaignAsync(string campaignId, CancellationToken ct)
    {
        var campaign = await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct)
            ?? throw Bad("task.unknown_campaign", "所属专项整治不存在");
        if (campaign.Status == CampaignStatus.Closed)
        {
            throw new RuleException("task.campaign_closed", $"专项整治“{campaign.Name}”已总结结束，不能再交办任务", StatusCodes.Status409Conflict);
        }
        return campaign;
    }

    /// <summary>A campaign's task keeps to its plan: inside its period, to a participating unit, no more reports than the plan asks.</summary>
    private static void CheckAgainstPlan(Campaign c, string leadUnitId, DateOnly due, int? phaseSeq, ReportCycle cycle)
    {
        if (due < c.StartsOn)
        {
            throw Bad("task.before_campaign", $"完成期限{Day(due)}早于专项整治“{c.Name}”的开始日期{Day(c.StartsOn)}");
        }
        if (due > c.EndsOn)
        {
            throw Bad("task.after_campaign", $"完成期限{Day(due)}晚于专项整治“{c.Name}”的结束日期{Day(c.EndsOn)}");
        }
        if (!c.IsParticipant(leadUnitId))
        {
            throw Bad("task.not_participating", $"牵头单位不是专项整治“{c.Name}”的参加单位");
        }
        if (phaseSeq is { } seq && !c.Phases.Any(p => p.Seq == seq))
        {
            throw Bad("task.unknown_phase", $"专项整治“{c.Name}”没有第{seq}阶段");
        }
        if (ReportPeriods.Days(cycle) < ReportPeriods.Days(c.ReportCycle))
        {
            throw Bad("task.cycle_too_frequent", $"汇报周期不能比实施方案规定的更频繁（实施方案：{Campaign.Label(c.ReportCycle)}报送）");
        }
    }

    /// <summary>The 施工图's rows with a title; each needs a date from today on (the aggregate refuses one after the due date).</summary>
    private static List<(string Title, DateOnly DueOn)> Milestones(CreateAssignmentRequest r, DateOnly today)
    {
        var rows = new List<(string Title, DateOnly DueOn)>();
        foreach (var m in (r.Milestones ?? []).Where(m => !string.IsNullOrWhiteSpace(m.Title)))
        {
            var title = m.Title.Trim();
            var on = m.DueOn ?? throw Bad("task.milestone_due_required", $"请填写节点“{title}”的完成时间");
            if (on < today)
            {
                throw Bad("task.milestone_past", $"节点“{title}”的时间{Day(on)}早于今天");
            }
            rows.Add((title, on));
        }
        return rows;
    }

    /// <summary>The assist units of the request: those with a part first, then the bare ids not already listed; blank rows dropped.</summary>
    private static List<(string UnitId, string Part)> AssistParts(CreateAssignmentRequest r)
    {
        List<(string UnitId, string Part)> parts = (r.Assists ?? []).Where(p => !string.IsNullOrWhiteSpace(p.UnitId))
            .Select(p => (p.UnitId.Trim(), p.Part?.Trim() ?? "")).ToList();
        parts.AddRange((r.AssistUnitIds ?? []).Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u.Trim())
            .Where(u => parts.All(p => p.UnitId != u)).Select(u => (u, "")));
        return parts;
    }

    /// <summary>The assist units' deadline: <see cref="AssistLeadWorkdays"/> working days before the task is due, or the due date when less time is left.</summary>
    private DateTimeOffset AssistDueAt(DateOnly due, DateOnly today)
    {
        var day = due;
        for (var counted = 0; counted < AssistLeadWorkdays;)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkday(day))
            {
                counted++;
            }
        }
        return ChinaTime.EndOfDay(day <= today ? due : day);
    }

    private async Task<List<string>> AssistUnitIdsAsync(string assignmentId, CancellationToken ct)
        => await db.Set<AssistDuty>().AsNoTracking().Where(d => d.OwnerType == AssistOwner.Assignment && d.OwnerId == assignmentId)
            .Select(d => d.UnitId).Distinct().ToListAsync(ct);

    private static RuleException Bad(string code, string message) => new(code, message, StatusCodes.Status400BadRequest);


    internal static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    internal static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

/// <summary>An assignment with its assist duties, progress entries and supervision notices, oldest first.</summary>
public sealed record AssignmentRecord(Assignment Assignment, IReadOnlyList<AssistDuty> Duties, IReadOnlyList<ProgressEntry> Progress, IReadOnlyList<SupervisionNotice> Notices);
