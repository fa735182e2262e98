using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Campaigns;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Rectification;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Clues;

public sealed record CreateClueRequest
{
    [Required(ErrorMessage = "请选择线索来源")]
    public required ClueSource? Source { get; init; }

    [Required(ErrorMessage = "请选择涉及单位")]
    public required string UnitId { get; init; }

    public string? PersonId { get; init; }

    [Required(ErrorMessage = "请选择问题类型")]
    [StringLength(50, ErrorMessage = "问题类型不能超过50字")]
    public required string ProblemType { get; init; }

    [Required(ErrorMessage = "请填写问题内容")]
    [StringLength(5000, MinimumLength = 2, ErrorMessage = "问题内容应为2至5000字")]
    public required string Content { get; init; }

    [StringLength(300, ErrorMessage = "地点不能超过300字")]
    public string? Place { get; init; }

    public string? CaseId { get; init; }

    /// <summary>The running 专项整治 the clue belongs to, if any.</summary>
    public string? CampaignId { get; init; }
}

public sealed record ZeroReportRow(string UnitId, string Name, string Kind, string Reason);

/// <summary>One row of a batch: the request and, when the source knows it, the day the problem was found.</summary>
public sealed record BatchClue(CreateClueRequest Request, DateTimeOffset? RegisteredAt);

public sealed record VerifyClueRequest
{
    [Required(ErrorMessage = "请选择核查结论（true 属实、partial 部分属实、false 不属实）")]
    public required VerificationResult? Result { get; init; }

    [StringLength(2000, ErrorMessage = "核查说明不能超过2000字")]
    public string? Note { get; init; }
}

/// <summary>Registering and verifying clues. Units may register only their own self-inspection findings.</summary>
public sealed class ClueWorkflow(AppDb db, TimeProvider clock, CurrentUser user, UnitTree tree, RelapseWatch relapses)
{
    public async Task<Clue> CreateAsync(CreateClueRequest r, CancellationToken ct, string? batchId = null)
    {
        var clue = await NewClueAsync(r, batchId, null, ct);
        db.Add(clue);
        db.PendingAction = "clue.register";
        await db.SaveChangesAsync(ct);
        return clue;
    }

    /// <summary>
    /// Registers a whole batch (an inspection tour's feedback) under one batch id in one save, so either every
    /// clue is registered or none is. Only supervisors and inspectors register batches.
    /// </summary>
    public async Task<(string BatchId, IReadOnlyList<Clue> Clues)> CreateBatchAsync(IReadOnlyList<BatchClue> rows, CancellationToken ct)
    {
        if (!user.IsIn(Roles.Supervisor, Roles.Inspector, Roles.Admin))
        {
            throw new ForbiddenException("只有督查人员和纪检人员可以批量登记线索");
        }
        if (rows.Count == 0)
        {
            throw new RuleException("clue.empty_batch", "没有可登记的线索", 400);
        }
        var batchId = Ids.New();
        var clues = new List<Clue>(rows.Count);
        foreach (var row in rows)
        {
            clues.Add(await NewClueAsync(row.Request, batchId, row.RegisteredAt, ct));
        }
        db.AddRange(clues);
        db.PendingAction = "clue.register-batch";
        await db.SaveChangesAsync(ct);
        return (batchId, clues);
    }

    private async Task<Clue> NewClueAsync(CreateClueRequest r, string? batchId, DateTimeOffset? registeredAt, CancellationToken ct)
    {
        var source = r.Source!.Value;
        if (source is ClueSource.Task or ClueSource.Attendance)
        {
            throw new RuleException("clue.system_source", $"“{Clue.Label(source)}”线索由系统自动生成，不能手工登记", 400);
        }
        var supervising = user.IsIn(Roles.Supervisor, Roles.Inspector, Roles.Admin);
        if (!supervising)
        {
            if (!user.IsIn(Roles.Unit) || source != ClueSource.Self)
            {
                throw new ForbiddenException("承办单位只能登记本单位的自查自纠问题");
            }
            if (!UnitTree.Subtree(await tree.GetAsync(db, ct), user.UnitId).Contains(r.UnitId))
            {
                throw new ForbiddenException("只能登记本单位的自查自纠问题");
            }
        }
        if (!await db.Units.AnyAsync(u => u.Id == r.UnitId, ct))
        {
            throw new RuleException("clue.unknown_unit", "涉及单位不存在", 400);
        }
        await user.EnsureInAreaAsync(r.UnitId, "涉及单位", ct);
        if (!string.IsNullOrEmpty(r.PersonId) && !await db.Cadres.AnyAsync(c => c.Id == r.PersonId, ct))
        {
            throw new RuleException("clue.unknown_person", "涉及干部不存在", 400);
        }
        var campaignId = await CampaignWorkflow.JoinableAsync(db, r.CampaignId, ct);
        var clue = new Clue
        {
            Id = Ids.New(), Source = source, UnitId = r.UnitId,
            ProblemType = await NormalizeTypeAsync(r.ProblemType, ct), Content = r.Content.Trim(), Place = r.Place.TrimToNull(),
            CaseId = r.CaseId, BatchId = batchId, RegisteredBy = user.Id, RegisteredAt = registeredAt ?? clock.GetUtcNow(),
        };
        clue.JoinCampaign(campaignId);
        clue.NamePerson(string.IsNullOrEmpty(r.PersonId) ? null : r.PersonId);
        return clue;
    }

    /// <summary>
    /// A clue the system raises itself (the overdue ladder's accountability step). It joins the caller's unit of work,
    /// so it is saved, and audited, together with the step that raised it.
    /// </summary>
    /// <summary>Whether <paramref name="me"/> may read the clue's text: county-wide roles, and a unit only its own self-inspection findings.</summary>
    public static async Task<bool> MayReadAsync(CurrentUser me, Clue clue, CancellationToken ct)
        => !me.IsIn(Roles.Unit) || me.IsAreaWide || (clue.Source == ClueSource.Self && await me.CanSeeUnitAsync(clue.UnitId, ct));

    public Clue AddSystemClue(ClueSource source, string unitId, string problemType, string content, string? caseId)
    {
        var clue = new Clue
        {
            Id = Ids.New(), Source = source, UnitId = unitId, ProblemType = problemType, Content = content.Length > 5000 ? content[..5000] : content,
            CaseId = caseId, RegisteredBy = "system", RegisteredAt = clock.GetUtcNow(),
        };
        db.Add(clue);
        return clue;
    }

    /// <summary>涉及干部: names (or clears) the cadre of the clue's unit the problem concerns.</summary>
    public async Task<Clue> NamePersonAsync(string id, string? personId, CancellationToken ct)
    {
        var clue = await db.Set<Clue>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("线索");
        personId = string.IsNullOrWhiteSpace(personId) ? null : personId;
        if (personId is not null && !await db.Cadres.AnyAsync(c => c.Id == personId && c.UnitId == clue.UnitId, ct))
        {
            throw new RuleException("clue.unknown_person", "涉及干部应为涉及单位的干部", 400);
        }
        clue.NamePerson(personId);
        db.PendingAction = "clue.name-person";
        await db.SaveChangesAsync(ct);
        return clue;
    }

    /// <summary>核查. A verified problem of a kind the unit already rectified may reopen that item as a relapse.</summary>
    public async Task<Clue> VerifyAsync(string id, VerifyClueRequest r, CancellationToken ct)
    {
        var clue = await db.Set<Clue>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("线索");
        clue.Verify(r.Result!.Value, r.Note, user.Id, clock.GetUtcNow());
        if (clue.IsTrue)
        {
            await relapses.CheckClueAsync(clue, ct);
        }
        db.PendingAction = "clue.verify";
        await db.SaveChangesAsync(ct);
        return clue;
    }

    public async Task<Clue> GetAsync(string id, CancellationToken ct)
    {
        var clue = await db.Set<Clue>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("线索");
        await EnsureCanSeeAsync(clue, ct);
        return clue;
    }

    public async Task<Page<Clue>> SearchAsync(ClueStatus? status, string? unitId, ClueSource? source, int page, int pageSize, CancellationToken ct)
    {
        (page, pageSize) = Paging.Check(page, pageSize);
        var q = await QueryAsync(status, unitId, source, ct);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(c => c.RegisteredAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<Clue>(items, total, page, pageSize);
    }

    /// <summary>The clues the filter selects within the user's unit scope, unordered.</summary>
    public async Task<IQueryable<Clue>> QueryAsync(ClueStatus? status, string? unitId, ClueSource? source, CancellationToken ct)
    {
        var q = db.Set<Clue>().AsNoTracking();
        var visible = await user.VisibleUnitsAsync(ct);
        if (visible is not null)
        {
            var ids = visible.ToList();
            q = q.Where(c => ids.Contains(c.UnitId) && c.Source == ClueSource.Self);
        }
        if (status is { } s)
        {
            q = q.Where(c => c.Status == s);
        }
        if (source is { } src)
        {
            q = q.Where(c => c.Source == src);
        }
        if (!string.IsNullOrWhiteSpace(unitId))
        {
            q = q.Where(c => c.UnitId == unitId);
        }
        return q;
    }

    /// <summary>零报告: departments and townships with no self-inspection clue (from themselves or a unit below them) in the period.</summary>
    public async Task<List<ZeroReportRow>> ZeroReportAsync(string? period, CancellationToken ct)
    {
        var (start, end, label) = CluesApi.Period(period ?? DefaultPeriod);
        var reporting = await db.Set<Clue>().AsNoTracking()
            .Where(c => c.Source == ClueSource.Self && c.RegisteredAt >= start && c.RegisteredAt < end)
            .Select(c => c.UnitId).Distinct().ToListAsync(ct);
        var nodes = await tree.GetAsync(db, ct);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive && (u.Kind == UnitKind.Department || u.Kind == UnitKind.Township))
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Code).ToListAsync(ct);
        return units.Where(u => !UnitTree.Subtree(nodes, u.Id).Overlaps(reporting))
            .Select(u => new ZeroReportRow(u.Id, u.Name, u.Kind.ToString().ToLowerInvariant(), $"{label}未报告任何自查自纠问题"))
            .ToList();
    }

    /// <summary>This month in China time, as 2026-11.</summary>
    public string DefaultPeriod => clock.GetUtcNow().ToCst().ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private async Task EnsureCanSeeAsync(Clue clue, CancellationToken ct)
    {
        if (user.IsIn(Roles.Unit) && !user.IsAreaWide && (clue.Source != ClueSource.Self || !await user.CanSeeUnitAsync(clue.UnitId, ct)))
        {
            throw new ForbiddenException("无权查看此线索");
        }
        if (user.IsAreaWide && !await user.CanSeeUnitAsync(clue.UnitId, ct))
        {
            throw new ForbiddenException("无权查看其他区县的线索");
        }
    }

    private async Task<string> NormalizeTypeAsync(string type, CancellationToken ct)
    {
        var t = type.Trim();
        var known = await db.Set<ProblemType>().AsNoTracking().FirstOrDefaultAsync(p => p.Code == t || p.Name == t, ct);
        return known?.Code ?? t;
    }
}
