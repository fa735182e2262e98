using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Accountability;
using Zhengfeng.Features.Bulletins;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Rectification;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Campaigns;

public sealed record CampaignChoice(string Id, string Name);

/// <summary>
/// 专项整治: planning and revising (supervisors), the units' periodic reports (staff of a participating unit, once per period of
/// the plan's cycle), putting existing records under a campaign, closing and reopening. Unit staff see only the campaigns their
/// unit takes part in.
/// </summary>
public sealed class CampaignWorkflow(AppDb db, TimeProvider clock, CurrentUser user)
{
    private DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => Now.CstDate();

    /// <summary>督查 plans, revises, closes and links.</summary>
    public bool MayPlan => user.IsIn(Roles.Supervisor, Roles.Admin);

    /// <summary>Those who read a campaign's whole record: completion of every unit, zero reports, flags, linked records, exports.</summary>
    public bool MayOversee => user.IsIn(Roles.Supervisor, Roles.Leader, Roles.Inspector, Roles.Admin);

    /// <summary>The contract's progress call: supervisors and leaders.</summary>
    public bool MayReadProgress => user.IsIn(Roles.Supervisor, Roles.Leader, Roles.Admin);

    /// <summary>Staff of a participating unit report for it.</summary>
    public bool MayReport(Campaign c) => user.IsIn(Roles.Unit) && c.IsParticipant(user.UnitId);

    public string UnitId => user.UnitId;

    public async Task<Campaign> CreateAsync(CampaignPlanRequest r, CancellationToken ct)
    {
        EnsurePlanner("制定专项整治方案");
        var plan = await CheckedPlanAsync(r, ct);
        var c = Campaign.Plan(Ids.New(), plan, user.Id, user.DisplayName, Now);
        db.Add(c);
        db.PendingAction = "campaign.create";
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>修订实施方案: the whole plan again; units left out leave the campaign, their records stay.</summary>
    public async Task<Campaign> ReviseAsync(string id, CampaignPlanRequest r, CancellationToken ct)
    {
        EnsurePlanner("修订专项整治方案");
        var c = await LoadAsync(id, ct);
        var plan = await CheckedPlanAsync(r, ct);
        c.Revise(plan);
        db.PendingAction = "campaign.revise";
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<Campaign> CloseAsync(string id, CloseCampaignRequest r, CancellationToken ct)
    {
        EnsurePlanner("总结结束专项整治");
        var c = await LoadAsync(id, ct);
        c.Close(user.Id, Now, r.Summary);
        db.PendingAction = "campaign.close";
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<Campaign> ReopenAsync(string id, CancellationToken ct)
    {
        EnsurePlanner("重新启动专项整治");
        var c = await LoadAsync(id, ct);
        c.Reopen();
        db.PendingAction = "campaign.reopen";
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>The campaign, if the user may see it: county-wide roles see every campaign, unit staff those their unit takes part in.</summary>
    public async Task<Campaign> LoadAsync(string id, CancellationToken ct)
    {
        var c = await db.Set<Campaign>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("专项整治");
        var visible = await user.VisibleUnitsAsync(ct);
        if (visible is not null && !c.UnitIds.Any(visible.Contains))
        {
            throw new ForbiddenException("本单位未参加该专项整治，无权查看");
        }
        return c;
    }

    public async Task<Page<Campaign>> SearchAsync(CampaignStatus? status, string? q, int page, int pageSize, CancellationToken ct)
    {
        (page, pageSize) = Paging.Check(page, pageSize);
        var query = await QueryAsync(status, q, ct);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(c => c.StartsOn).ThenBy(c => c.Name).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<Campaign>(items, total, page, pageSize);
    }

    /// <summary>The campaigns the filter selects within what the user may see, unordered.</summary>
    public async Task<IQueryable<Campaign>> QueryAsync(CampaignStatus? status, string? q, CancellationToken ct)
    {
        var query = db.Set<Campaign>().AsNoTracking();
        var visible = await user.VisibleUnitsAsync(ct);
        if (visible is not null)
        {
            var ids = visible.ToList();
            query = query.Where(c => c.Units.Any(u => ids.Contains(u.UnitId)));
        }
        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(c => c.Name.Contains(text) || (c.DocumentNumber != null && c.DocumentNumber.Contains(text)) || (c.Goal != null && c.Goal.Contains(text)));
        }
        return query;
    }

    /// <summary>Running campaigns, for the picker on the create forms of clues, notices, bulletins and accountability cases.</summary>
    public Task<List<Campaign>> RunningAsync(CancellationToken ct) => Running(db).ToListAsync(ct);

    /// <summary>The running campaigns this user may put a new record under (unit staff: those their unit takes part in).</summary>
    public async Task<List<CampaignChoice>> PickerAsync(CancellationToken ct)
        => await (await QueryAsync(CampaignStatus.Running, null, ct)).OrderByDescending(c => c.StartsOn).ThenBy(c => c.Name)
            .Select(c => new CampaignChoice(c.Id, c.Name)).ToListAsync(ct);

    public static IQueryable<Campaign> Running(AppDb db)
        => db.Set<Campaign>().AsNoTracking().Where(c => c.Status == CampaignStatus.Running).OrderByDescending(c => c.StartsOn).ThenBy(c => c.Name);

    /// <summary>
    /// 报送: staff of a participating unit report for their unit, once per period of the plan's cycle that overlaps the campaign
    /// and has begun. A closed campaign takes no reports (409); a second report for the period is a 409.
    /// </summary>
    public async Task<CampaignReport> ReportAsync(string id, CampaignReportRequest r, CancellationToken ct)
    {
        if (!user.IsIn(Roles.Unit))
        {
            throw new ForbiddenException("只有参加单位的工作人员可以报送专项整治情况");
        }
        var c = await LoadAsync(id, ct);
        if (!c.IsParticipant(user.UnitId))
        {
            throw new ForbiddenException("本单位不是该专项整治的参加单位，不能报送");
        }
        c.AcceptReportFrom(user.UnitId);
        var (period, phase) = CampaignPeriods.Resolve(c, r.Period, Today);
        if (await db.Set<CampaignReport>().AnyAsync(x => x.CampaignId == id && x.UnitId == user.UnitId && x.Period == period, ct))
        {
            throw Duplicate(c, period);
        }
        var report = new CampaignReport
        {
            Id = Ids.New(), CampaignId = id, UnitId = user.UnitId, Period = period, PhaseSeq = phase, NoProblem = r.NoProblem, Content = r.Content.Trim(),
            ReportedBy = user.Id, ReportedByName = user.DisplayName, ReportedAt = Now,
        };
        db.Add(report);
        db.PendingAction = "campaign.report";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (SaveConflict.Is(e))
        {
            // The unique (campaign, unit, period) index refused a report saved at the same moment.
            throw Duplicate(c, period);
        }
        return report;
    }

    /// <summary>Reports filed for the campaign: every unit's for those who oversee it, the unit's own for its staff.</summary>
    public async Task<List<CampaignReport>> ReportsAsync(Campaign c, CancellationToken ct)
    {
        var q = db.Set<CampaignReport>().AsNoTracking().Where(r => r.CampaignId == c.Id);
        if (!MayOversee)
        {
            var visible = await user.VisibleUnitsAsync(ct);
            if (visible is not null)
            {
                var ids = visible.ToList();
                q = q.Where(r => ids.Contains(r.UnitId));
            }
        }
        return await q.OrderByDescending(r => r.ReportedAt).ToListAsync(ct);
    }

    /// <summary>纳入专项整治: a supervisor puts an existing record under a running campaign; a clue takes its rectification items along.</summary>
    public async Task<Campaign> LinkAsync(string id, LinkRecordRequest r, CancellationToken ct)
    {
        EnsurePlanner("将记录纳入专项整治");
        var c = await LoadAsync(id, ct);
        if (c.Status != CampaignStatus.Running)
        {
            throw new RuleException("campaign.closed", $"专项整治“{c.Name}”已总结结束，不能再纳入记录", StatusCodes.Status409Conflict);
        }
        var rid = r.Id.Trim();
        var type = r.Type!.Value;
        var label = Label(type);
        var (current, join) = await FindLinkableAsync(type, rid, ct) ?? throw new NotFoundException(label);
        if (current == c.Id)
        {
            return c;
        }
        if (current is not null)
        {
            var other = await db.Set<Campaign>().AsNoTracking().Where(x => x.Id == current).Select(x => x.Name).FirstOrDefaultAsync(ct);
            throw new RuleException("campaign.linked_elsewhere", $"该{label}已属于专项整治“{other}”，不能再纳入其他专项整治", StatusCodes.Status409Conflict);
        }
        join(c.Id);
        if (r.Type == LinkType.Clue)
        {
            foreach (var item in await db.Set<RectificationItem>().Where(i => i.ClueId == rid && i.CampaignId == null).ToListAsync(ct))
            {
                item.JoinCampaign(c.Id);
            }
        }
        db.PendingAction = "campaign.link";
        await db.SaveChangesAsync(ct);
        return c;
    }

    private sealed record Linkable(string? Current, Action<string?> Join);

    private async Task<Linkable?> FindLinkableAsync(LinkType type, string id, CancellationToken ct)
    {
        switch (type)
        {
            case LinkType.Clue:
                var clue = await db.Set<Clue>().FirstOrDefaultAsync(x => x.Id == id, ct);
                return clue is null ? null : new(clue.CampaignId, clue.JoinCampaign);
            case LinkType.Rectification:
                var item = await db.Set<RectificationItem>().FirstOrDefaultAsync(x => x.Id == id, ct);
                return item is null ? null : new(item.CampaignId, item.JoinCampaign);
            case LinkType.Notice:
                var notice = await db.Set<SupervisionNotice>().FirstOrDefaultAsync(x => x.Id == id, ct);
                return notice is null ? null : new(notice.CampaignId, notice.JoinCampaign);
            case LinkType.Bulletin:
                var bulletin = await db.Set<Bulletin>().FirstOrDefaultAsync(x => x.Id == id, ct);
                return bulletin is null ? null : new(bulletin.CampaignId, bulletin.JoinCampaign);
            default:
                var accountability = await db.Set<AccountabilityCase>().FirstOrDefaultAsync(x => x.Id == id, ct);
                return accountability is null ? null : new(accountability.CampaignId, accountability.JoinCampaign);
        }
    }

    /// <summary>
    /// The campaign a new record joins (its create request's <c>campaignId</c>): none when blank; an unknown or closed campaign
    /// is a 400 and nothing is created.
    /// </summary>
    public static async Task<string?> JoinableAsync(AppDb db, string? campaignId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(campaignId))
        {
            return null;
        }
        var id = campaignId.Trim();
        var c = await db.Set<Campaign>().AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Name, x.Status }).FirstOrDefaultAsync(ct)
            ?? throw new RuleException("campaign.unknown", "所选专项整治不存在", StatusCodes.Status400BadRequest);
        if (c.Status != CampaignStatus.Running)
        {
            throw new RuleException("campaign.not_running", $"专项整治“{c.Name}”已总结结束，不能再纳入记录", StatusCodes.Status400BadRequest);
        }
        return id;
    }

    public static string Label(LinkType t) => t switch
    {
        LinkType.Clue => "问题线索",
        LinkType.Rectification => "整改任务",
        LinkType.Notice => "督办单",
        LinkType.Bulletin => "通报",
        _ => "问责案件",
    };

    /// <summary>The plan with its units checked: every unit must exist and be active.</summary>
    private async Task<CampaignPlan> CheckedPlanAsync(CampaignPlanRequest r, CancellationToken ct)
    {
        var plan = r.ToPlan();
        var ids = plan.UnitIds.Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u.Trim()).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name, u.IsActive }).ToListAsync(ct);
        var unknown = ids.Where(i => !units.Any(u => u.Id == i)).ToList();
        if (unknown.Count > 0)
        {
            throw new RuleException("campaign.unknown_unit", $"参加单位不存在：{string.Join("、", unknown)}", StatusCodes.Status400BadRequest);
        }
        var inactive = units.Where(u => !u.IsActive).Select(u => u.Name).ToList();
        if (inactive.Count > 0)
        {
            throw new RuleException("campaign.inactive_unit", $"参加单位已停用：{string.Join("、", inactive)}", StatusCodes.Status400BadRequest);
        }
        foreach (var id in ids)
        {
            await user.EnsureInAreaAsync(id, "参加单位", ct); // a district's campaign takes in the district's units
        }
        return plan with { UnitIds = ids };
    }

    private void EnsurePlanner(string what)
    {
        if (!MayPlan)
        {
            throw new ForbiddenException($"只有督查人员可以{what}");
        }
    }

    private static RuleException Duplicate(Campaign c, string period)
        => new("campaign.report_duplicate", $"本单位已报送{CampaignPeriods.Label(c, period)}的情况，同一周期不能重复报送", StatusCodes.Status409Conflict);
}
