using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Rectification;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Clues;

public sealed record CreateClueRequest
{
    [Required(ErrorMessage = "请选择线索来源")]
    public required string Source { get; init; }

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
}

public sealed record VerifyClueRequest
{
    [Required(ErrorMessage = "请选择核查结论（true 属实、partial 部分属实、false 不属实）")]
    public required string Result { get; init; }

    [StringLength(2000, ErrorMessage = "核查说明不能超过2000字")]
    public string? Note { get; init; }
}

/// <summary>Registering and verifying clues. Units may register only their own self-inspection findings.</summary>
public sealed class ClueWorkflow(AppDb db, TimeProvider clock, CurrentUser user, UnitTree tree, RelapseWatch relapses)
{
    public async Task<Clue> CreateAsync(CreateClueRequest r, CancellationToken ct, string? batchId = null)
    {
        if (!Enum.TryParse<ClueSource>(r.Source, ignoreCase: true, out var source) || !Enum.IsDefined(source))
        {
            throw new RuleException("clue.bad_source", "线索来源应为 case、mystery、tour、self、report 或 mailbox", 400);
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
        if (!string.IsNullOrEmpty(r.PersonId) && !await db.Cadres.AnyAsync(c => c.Id == r.PersonId, ct))
        {
            throw new RuleException("clue.unknown_person", "涉及干部不存在", 400);
        }
        var clue = new Clue
        {
            Id = Ids.New(), Source = source, UnitId = r.UnitId, PersonId = string.IsNullOrEmpty(r.PersonId) ? null : r.PersonId,
            ProblemType = await NormalizeTypeAsync(r.ProblemType, ct), Content = r.Content.Trim(), Place = r.Place?.Trim(),
            CaseId = r.CaseId, BatchId = batchId, RegisteredBy = user.Id, RegisteredAt = clock.GetUtcNow(),
        };
        db.Add(clue);
        db.PendingAction = "clue.register";
        await db.SaveChangesAsync(ct);
        return clue;
    }

    /// <summary>核查. A verified problem of a kind the unit already rectified may reopen that item as a relapse.</summary>
    public async Task<Clue> VerifyAsync(string id, VerifyClueRequest r, CancellationToken ct)
    {
        if (!Enum.TryParse<VerificationResult>(r.Result, ignoreCase: true, out var result) || !Enum.IsDefined(result))
        {
            throw new RuleException("clue.bad_result", "核查结论应为 true（属实）、partial（部分属实）或 false（不属实）", 400);
        }
        var clue = await db.Set<Clue>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("线索");
        clue.Verify(result, r.Note?.Trim(), user.Id, clock.GetUtcNow());
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

    public async Task<Page<Clue>> SearchAsync(string? status, string? unitId, string? source, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var q = await QueryAsync(status, unitId, source, ct);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(c => c.RegisteredAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<Clue>(items, total, page, pageSize);
    }

    /// <summary>The clues the filter selects within the user's unit scope, unordered.</summary>
    public async Task<IQueryable<Clue>> QueryAsync(string? status, string? unitId, string? source, CancellationToken ct)
    {
        var q = db.Set<Clue>().AsNoTracking();
        var visible = await user.VisibleUnitsAsync(ct);
        if (visible is not null)
        {
            var ids = visible.ToList();
            q = q.Where(c => ids.Contains(c.UnitId));
        }
        if (Enum.TryParse<ClueStatus>(status, true, out var s))
        {
            q = q.Where(c => c.Status == s);
        }
        if (Enum.TryParse<ClueSource>(source, true, out var src))
        {
            q = q.Where(c => c.Source == src);
        }
        if (!string.IsNullOrWhiteSpace(unitId))
        {
            q = q.Where(c => c.UnitId == unitId);
        }
        return q;
    }

    private async Task EnsureCanSeeAsync(Clue clue, CancellationToken ct)
    {
        if (user.IsIn(Roles.Unit) && !user.IsCountyWide && (clue.Source != ClueSource.Self || !await user.CanSeeUnitAsync(clue.UnitId, ct)))
        {
            throw new ForbiddenException("无权查看此线索");
        }
    }

    private async Task<string> NormalizeTypeAsync(string type, CancellationToken ct)
    {
        var t = type.Trim();
        var known = await db.Set<ProblemType>().AsNoTracking().FirstOrDefaultAsync(p => p.Code == t || p.Name == t, ct);
        return known?.Code ?? t;
    }
}
