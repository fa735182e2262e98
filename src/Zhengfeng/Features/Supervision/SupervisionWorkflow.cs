using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhengfeng.Data;
using Zhengfeng.Features.Assignments;
using Zhengfeng.Features.Assists;
using Zhengfeng.Features.Audit;
using Zhengfeng.Features.Calendar;
using Zhengfeng.Features.Campaigns;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Notifications;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Rectification;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Supervision;

public sealed record IssueNoticeRequest
{
    [Required(ErrorMessage = "请选择督办对象单位")]
    public required string UnitId { get; init; }

    public string? CaseId { get; init; }
    public string? RectificationId { get; init; }
    public string? ClueId { get; init; }

    /// <summary>The assignment (交办事项) the notice drives; the notice goes to its lead unit or one of its assist units.</summary>
    public string? AssignmentId { get; init; }

    /// <summary>The 专项整治 the notice belongs to; a notice on a campaign's assignment joins that campaign.</summary>
    public string? CampaignId { get; init; }

    [Required(ErrorMessage = "请选择督办级别（reminder 提醒、yellow 黄牌、red 红牌、interview 约谈建议）")]
    public required NoticeLevel? Level { get; init; }

    [Required(ErrorMessage = "请填写督办事由")]
    [StringLength(2000, MinimumLength = 2, ErrorMessage = "督办事由应为2至2000字")]
    public required string Reason { get; init; }

    [Range(1, 30, ErrorMessage = "回复时限应为1至30个工作日")]
    public int? ReplyWorkdays { get; init; }
}

public sealed record NoticeReplyRequest
{
    [Required(ErrorMessage = "请填写回复内容")]
    [StringLength(5000, MinimumLength = 2, ErrorMessage = "回复内容应为2至5000字")]
    public required string Content { get; init; }
}

public sealed record NoticeJudgementRequest
{
    public bool Accept { get; init; }

    [StringLength(2000, ErrorMessage = "审核意见不能超过2000字")]
    public string? Note { get; init; }
}

/// <summary>
/// Issuing, replying to and judging supervision notices. Supervisors issue and judge; only staff of the target unit
/// reply; a supervisor inside the target unit cannot judge its own unit's reply.
/// </summary>
public sealed class SupervisionWorkflow(
    AppDb db, TimeProvider clock, WorkCalendar calendar, CurrentUser user, UnitTree tree, Notifier notifier, IOptions<SupervisionRules> options)
{
    private DateTimeOffset Now => clock.GetUtcNow();

    public async Task<SupervisionNotice> IssueAsync(IssueNoticeRequest r, CancellationToken ct)
    {
        var level = r.Level!.Value;
        if (!await db.Units.AnyAsync(u => u.Id == r.UnitId && u.IsActive, ct))
        {
            throw new RuleException("supervision.unknown_unit", "督办对象单位不存在", 400);
        }
        await user.EnsureInAreaAsync(r.UnitId, "督办对象单位", ct);
        var caseId = r.CaseId.TrimToNull();
        var rectificationId = r.RectificationId.TrimToNull();
        var clueId = r.ClueId.TrimToNull();
        if (caseId is not null && !await db.Set<Case>().AnyAsync(c => c.Id == caseId, ct))
        {
            throw new RuleException("supervision.unknown_case", "督办的工单不存在", 400);
        }
        if (rectificationId is not null && !await db.Set<RectificationItem>().AnyAsync(i => i.Id == rectificationId, ct))
        {
            throw new RuleException("supervision.unknown_rectification", "督办的整改任务不存在", 400);
        }
        if (clueId is not null && !await db.Set<Clue>().AnyAsync(c => c.Id == clueId, ct))
        {
            throw new RuleException("supervision.unknown_clue", "督办的问题线索不存在", 400);
        }
        var (assignmentId, campaignId) = await AssignmentAndCampaignAsync(r, ct);
        var workdays = r.ReplyWorkdays ?? options.Value.ReplyWorkdays;
        var notice = new SupervisionNotice
        {
            Id = Ids.New(), Year = Now.ToCst().Year, UnitId = r.UnitId, CaseId = caseId, RectificationId = rectificationId, ClueId = clueId,
            AssignmentId = assignmentId, Level = level, Reason = r.Reason.Trim(), IssuedBy = user.Id, IssuedByName = user.DisplayName, IssuedAt = Now,
            ReplyWorkdays = workdays,
        };
        notice.JoinCampaign(campaignId);
        notice.StartReplyClock(calendar.WorkdayDeadline(Now, workdays));
        db.Add(notice);
        db.PendingAction = "supervision.issue";
        await SaveNumberedAsync(db, [notice], ct);
        // The number is known only after the save; the message goes out in a second, audited unit of work.
        notifier.Notify(notice.UnitId, "supervision", $"收到{SupervisionNotice.Label(level)}督办单{notice.Number}：{Short(notice.Reason)}，请于{ChinaTime.Format(notice.ReplyDueAt)}前回复", caseId);
        db.PendingAction = "supervision.notify";
        await db.SaveChangesAsync(ct);
        return notice;
    }

    public async Task<SupervisionNotice> ReplyAsync(string id, NoticeReplyRequest r, CancellationToken ct)
    {
        var notice = await LoadAsync(id, ct);
        if (!await MayReplyAsync(notice, ct))
        {
            throw new ForbiddenException("只有被督办单位的人员可以回复督办单");
        }
        notice.Reply(user.Id, Now, r.Content);
        db.PendingAction = "supervision.reply";
        await db.SaveChangesAsync(ct);
        return notice;
    }

    public async Task<SupervisionNotice> JudgeAsync(string id, NoticeJudgementRequest r, CancellationToken ct)
    {
        var notice = await LoadAsync(id, ct);
        if (!user.IsIn(Roles.Supervisor, Roles.Admin))
        {
            throw new ForbiddenException("只有督查人员可以审核督办单回复");
        }
        if (!await MayJudgeAsync(notice, ct))
        {
            throw new ForbiddenException("被督办单位的人员不能审核本单位的回复");
        }
        string text;
        if (r.Accept)
        {
            notice.Accept(user.Id, Now, r.Note);
            text = $"督办单{notice.Number}的回复已认可，督办办结";
        }
        else
        {
            notice.Reject(user.Id, Now, r.Note ?? "", calendar.WorkdayDeadline(Now, notice.ReplyWorkdays));
            text = $"督办单{notice.Number}的回复未通过审核：{Short(notice.JudgementNote!)}，请于{ChinaTime.Format(notice.ReplyDueAt)}前重新回复";
        }
        notifier.Notify(notice.UnitId, "supervision", text, notice.CaseId);
        db.PendingAction = r.Accept ? "supervision.accept" : "supervision.reject";
        await db.SaveChangesAsync(ct);
        return notice;
    }

    public async Task<SupervisionNotice> LoadAsync(string id, CancellationToken ct)
    {
        var notice = await db.Set<SupervisionNotice>().FirstOrDefaultAsync(n => n.Id == id, ct) ?? throw new NotFoundException("督办单");
        if (!await user.CanSeeUnitAsync(notice.UnitId, ct))
        {
            throw new ForbiddenException("无权查看其他单位的督办单");
        }
        return notice;
    }

    public async Task<Page<SupervisionNotice>> SearchAsync(NoticeStatus? status, NoticeLevel? level, string? unitId, string? caseId, int page, int pageSize, CancellationToken ct)
    {
        (page, pageSize) = Paging.Check(page, pageSize);
        var q = await QueryAsync(status, level, unitId, caseId, ct);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(n => n.IssuedAt).ThenByDescending(n => n.Seq).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<SupervisionNotice>(items, total, page, pageSize);
    }

    /// <summary>The notices in the user's scope (a unit sees its own and its sub-units'), filtered, unordered.</summary>
    public async Task<IQueryable<SupervisionNotice>> QueryAsync(NoticeStatus? status, NoticeLevel? level, string? unitId, string? caseId, CancellationToken ct)
    {
        var q = db.Set<SupervisionNotice>().AsNoTracking();
        var visible = await user.VisibleUnitsAsync(ct);
        if (visible is not null)
        {
            var ids = visible.ToList();
            q = q.Where(n => ids.Contains(n.UnitId));
        }
        if (status is { } s)
        {
            q = q.Where(n => n.Status == s);
        }
        if (level is { } l)
        {
            q = q.Where(n => n.Level == l);
        }
        if (!string.IsNullOrWhiteSpace(unitId))
        {
            q = q.Where(n => n.UnitId == unitId);
        }
        if (!string.IsNullOrWhiteSpace(caseId))
        {
            q = q.Where(n => n.CaseId == caseId);
        }
        return q;
    }

    /// <summary>
    /// Numbers the added notices from the year's highest number and saves. The unique (year, seq) index refuses a
    /// number another issuer took at the same moment; then the numbers are taken again.
    /// </summary>
    public static async Task SaveNumberedAsync(AppDb db, IReadOnlyList<SupervisionNotice> notices, CancellationToken ct, int attempts = 3)
    {
        for (var attempt = 1; ; attempt++)
        {
            await NumberAsync(db, notices, ct);
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

    public static async Task NumberAsync(AppDb db, IReadOnlyList<SupervisionNotice> notices, CancellationToken ct)
    {
        foreach (var year in notices.Select(n => n.Year).Distinct())
        {
            var seq = await db.Set<SupervisionNotice>().AsNoTracking().Where(n => n.Year == year).MaxAsync(n => (int?)n.Seq, ct) ?? 0;
            foreach (var n in notices.Where(n => n.Year == year))
            {
                n.AssignNumber(++seq);
            }
        }
    }

    /// <summary>
    /// A notice on an assignment goes to its lead unit or an assist unit and joins the assignment's campaign (closed or not);
    /// a campaign named besides must be that one. Any other campaign must still be running.
    /// </summary>
    private async Task<(string? AssignmentId, string? CampaignId)> AssignmentAndCampaignAsync(IssueNoticeRequest r, CancellationToken ct)
    {
        var assignmentId = r.AssignmentId.TrimToNull();
        var campaignId = r.CampaignId.TrimToNull();
        if (assignmentId is not null)
        {
            var task = await db.Set<Assignment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == assignmentId, ct)
                ?? throw new RuleException("supervision.unknown_assignment", "督办的交办事项不存在", 400);
            if (task.LeadUnitId != r.UnitId
                && !await db.Set<AssistDuty>().AnyAsync(d => d.OwnerType == AssistOwner.Assignment && d.OwnerId == task.Id && d.UnitId == r.UnitId, ct))
            {
                throw new RuleException("supervision.assignment_unit", "督办对象应为该交办事项的牵头单位或配合单位", 400);
            }
            if (campaignId is not null && task.CampaignId is not null && campaignId != task.CampaignId)
            {
                throw new RuleException("supervision.assignment_campaign", "该交办事项不属于所选的专项整治", 400);
            }
            if (task.CampaignId is not null)
            {
                return (assignmentId, task.CampaignId); // the task's own campaign, even once it has closed: the task still belongs to it
            }
        }
        return (assignmentId, await CampaignWorkflow.JoinableAsync(db, campaignId, ct));
    }

    /// <summary>
    /// Who answers a notice: the target unit's staff; a notice to a district (县（区）) from above is answered by the district's
    /// own supervision or leaders, not by the staff of a bureau in it.
    /// </summary>
    public async Task<bool> MayReplyAsync(SupervisionNotice notice, CancellationToken ct)
    {
        if (!await InTargetAsync(notice, ct))
        {
            return false;
        }
        return (await tree.GetAsync(db, ct)).TryGetValue(notice.UnitId, out var target) && Unit.IsArea(target.Kind)
            ? user.IsIn(Roles.Supervisor, Roles.Leader)
            : user.IsIn(Roles.Unit);
    }

    /// <summary>A supervisor outside the target unit judges the reply: nobody judges their own unit's (or district's) answer.</summary>
    public async Task<bool> MayJudgeAsync(SupervisionNotice notice, CancellationToken ct)
        => user.IsIn(Roles.Supervisor, Roles.Admin) && !await InTargetAsync(notice, ct);

    /// <summary>Whether the user works in the notice's target unit or district (or a unit below it).</summary>
    private async Task<bool> InTargetAsync(SupervisionNotice notice, CancellationToken ct)
        => UnitTree.Subtree(await tree.GetAsync(db, ct), notice.UnitId).Contains(user.UnitId);

    /// <summary>
    /// The districts the user may send a notice to as a whole: those below their area (a district's own supervision does not
    /// send notices to its own district). The units themselves come from <see cref="DispatchChoices"/>.
    /// </summary>
    public async Task<List<Unit>> DistrictTargetsAsync(CancellationToken ct)
    {
        var scope = await user.AreaScopeAsync(ct);
        var own = await user.AreaIdAsync(ct);
        var areas = await db.Units.AsNoTracking().Where(u => u.IsActive && u.ParentId != null && u.Id != own)
            .Where(Unit.AreaUnit)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Code).ToListAsync(ct);
        return areas.Where(u => scope is null || scope.Contains(u.Id)).ToList();
    }

    internal static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
