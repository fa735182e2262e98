using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Org;

public sealed record UnitRequest
{
    [Required(ErrorMessage = "请填写单位名称")]
    [StringLength(100, MinimumLength = 2, ErrorMessage = "单位名称长度应为2至100字")]
    public required string Name { get; init; }

    [Required(ErrorMessage = "请填写单位编码")]
    [RegularExpression("^[A-Za-z0-9_-]{1,40}$", ErrorMessage = "单位编码只能包含字母、数字、下划线和连字符，最长40位")]
    public required string Code { get; init; }

    public string? ParentId { get; init; }

    [Required(ErrorMessage = "请选择单位类型")]
    public required UnitKind? Kind { get; init; }

    public string? HeadId { get; init; }
    public string? DeputyId { get; init; }
    public int? SortOrder { get; init; }
}

public sealed record UnitView(string Id, string Code, string Name, string Kind, string? ParentId, string? HeadId, string? DeputyId, int SortOrder, bool IsActive)
{
    public static UnitView From(Unit u) => new(u.Id, u.Code, u.Name, u.Kind.ToString().ToLowerInvariant(), u.ParentId, u.HeadId, u.DeputyId, u.SortOrder, u.IsActive);
}

public sealed record CadreRequest
{
    [Required(ErrorMessage = "请填写姓名")]
    [StringLength(50, MinimumLength = 2, ErrorMessage = "姓名长度应为2至50字")]
    public required string Name { get; init; }

    [Required(ErrorMessage = "请选择所在单位")]
    public required string UnitId { get; init; }

    [StringLength(100, ErrorMessage = "职务不能超过100字")]
    public string? Post { get; init; }

    /// <summary>Staff when not given.</summary>
    public CadreRank? Rank { get; init; }

    [RegularExpression(@"^[0-9+\- ]{5,30}$", ErrorMessage = "电话号码格式不正确")]
    public string? Phone { get; init; }

    /// <summary>工号 on the unit's sign-in terminal (考勤机).</summary>
    [StringLength(30, ErrorMessage = "考勤工号不能超过30字")]
    public string? TerminalNo { get; init; }
}

public sealed record CadreView(string Id, string Name, string UnitId, string Post, string Rank, string RankLabel, bool IsLeadingCadre, bool IsActive)
{
    public static CadreView From(Cadre c) => new(c.Id, c.Name, c.UnitId, c.Post, c.Rank.ToString().ToLowerInvariant(), Cadre.RankLabel(c.Rank), c.IsLeadingCadre, c.IsActive);
}

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);

/// <summary>The unit tree and the cadres in it. Every change checks the tree stays a tree.</summary>
public sealed class OrgService(AppDb db, TimeProvider clock, UnitTree tree, CurrentUser user)
{
    public async Task<Unit> CreateUnitAsync(UnitRequest r, CancellationToken ct)
    {
        var kind = r.Kind!.Value;
        var code = r.Code.Trim();
        if (await db.Units.AnyAsync(u => u.Code == code, ct))
        {
            throw new RuleException("unit.duplicate_code", $"单位编码“{code}”已存在", 409);
        }
        await CheckParentAsync(null, r.ParentId, kind, ct);
        var unit = new Unit
        {
            Id = Ids.New(),
            Code = code,
            Name = r.Name.Trim(),
            Kind = kind,
            ParentId = r.ParentId.TrimToNull(),
            SortOrder = r.SortOrder ?? 0,
            CreatedAt = clock.GetUtcNow(),
        };
        await SetLeadersAsync(unit, r, ct);
        db.Units.Add(unit);
        db.PendingAction = "unit.create";
        await db.SaveChangesAsync(ct);
        tree.Invalidate();
        return unit;
    }

    public async Task<Unit> UpdateUnitAsync(string id, UnitRequest r, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("单位");
        var kind = r.Kind!.Value;
        var code = r.Code.Trim();
        if (await db.Units.AnyAsync(u => u.Code == code && u.Id != id, ct))
        {
            throw new RuleException("unit.duplicate_code", $"单位编码“{code}”已存在", 409);
        }
        await CheckParentAsync(id, r.ParentId, kind, ct);
        unit.Code = code;
        unit.Name = r.Name.Trim();
        unit.Kind = kind;
        unit.ParentId = r.ParentId.TrimToNull();
        unit.SortOrder = r.SortOrder ?? unit.SortOrder;
        await SetLeadersAsync(unit, r, ct);
        db.PendingAction = "unit.update";
        await db.SaveChangesAsync(ct);
        tree.Invalidate();
        return unit;
    }

    public async Task<IReadOnlyList<Unit>> ListUnitsAsync(string? q, CancellationToken ct)
    {
        var query = db.Units.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(u => u.Name.Contains(q) || u.Code.Contains(q));
        }
        return await query.OrderBy(u => u.SortOrder).ThenBy(u => u.Code).ToListAsync(ct);
    }

    public async Task<Unit> GetUnitAsync(string id, CancellationToken ct)
        => await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("单位");

    public async Task<Cadre> GetCadreAsync(string id, CancellationToken ct)
        => await db.Cadres.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("干部");

    /// <summary>Names of the given cadres (e.g. the heads and deputies shown on the unit tree), by id.</summary>
    public async Task<Dictionary<string, string>> CadreNamesAsync(IEnumerable<string?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await db.Cadres.AsNoTracking().Where(c => wanted.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    public async Task<Cadre> CreateCadreAsync(CadreRequest r, CancellationToken ct)
    {
        await CheckCadreUnitAsync(r.UnitId, ct);
        var cadre = new Cadre
        {
            Id = Ids.New(),
            Name = r.Name.Trim(),
            UnitId = r.UnitId,
            Post = r.Post?.Trim() ?? "",
            Rank = r.Rank ?? CadreRank.Staff,
            Phone = r.Phone.TrimToNull(),
            TerminalNo = r.TerminalNo.TrimToNull(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Cadres.Add(cadre);
        db.PendingAction = "cadre.create";
        await db.SaveChangesAsync(ct);
        return cadre;
    }

    public async Task<Cadre> UpdateCadreAsync(string id, CadreRequest r, CancellationToken ct)
    {
        var cadre = await db.Cadres.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("干部");
        await CheckCadreUnitAsync(r.UnitId, ct);
        cadre.Name = r.Name.Trim();
        cadre.UnitId = r.UnitId;
        cadre.Post = r.Post?.Trim() ?? "";
        cadre.Rank = r.Rank ?? CadreRank.Staff;
        cadre.Phone = r.Phone.TrimToNull();
        cadre.TerminalNo = r.TerminalNo.TrimToNull();
        db.PendingAction = "cadre.update";
        await db.SaveChangesAsync(ct);
        return cadre;
    }

    /// <summary>Cadres the current user may see, searched by name or post, newest unit order first.</summary>
    public async Task<Page<Cadre>> SearchCadresAsync(string? q, string? unitId, int page, int pageSize, CancellationToken ct)
    {
        (page, pageSize) = Paging.Check(page, pageSize);
        var query = db.Cadres.AsNoTracking();
        var visible = await user.VisibleUnitsAsync(ct);
        if (visible is not null)
        {
            query = query.Where(c => visible.Contains(c.UnitId));
        }
        if (!string.IsNullOrWhiteSpace(unitId))
        {
            query = query.Where(c => c.UnitId == unitId);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(c => c.Name.Contains(q) || c.Post.Contains(q));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(c => c.UnitId).ThenByDescending(c => c.Rank).ThenBy(c => c.Name)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<Cadre>(items, total, page, pageSize);
    }

    private async Task CheckCadreUnitAsync(string unitId, CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(u => u.Id == unitId, ct))
        {
            throw new RuleException("cadre.unknown_unit", "所在单位不存在", 400);
        }
    }

    private async Task CheckParentAsync(string? id, string? parentId, UnitKind kind, CancellationToken ct)
    {
        parentId = parentId.TrimToNull();
        if (parentId is null)
        {
            if (!Unit.IsArea(kind))
            {
                throw new RuleException("unit.parent_required", "除省、市、县（区）外，单位必须有上级单位", 400);
            }
            return;
        }
        var nodes = await tree.GetAsync(db, ct);
        if (!nodes.ContainsKey(parentId) && !await db.Units.AnyAsync(u => u.Id == parentId, ct))
        {
            throw new RuleException("unit.unknown_parent", "上级单位不存在", 400);
        }
        if (id is not null)
        {
            tree.Invalidate();
            nodes = await tree.GetAsync(db, ct);
            if (UnitTree.WouldCycle(nodes, id, parentId))
            {
                throw new RuleException("unit.cycle", "不能把单位挂到它自己或它的下级单位之下", 400);
            }
        }
    }

    private async Task SetLeadersAsync(Unit unit, UnitRequest r, CancellationToken ct)
    {
        foreach (var (cadreId, label) in new[] { (r.HeadId, "主要负责人"), (r.DeputyId, "分管领导") })
        {
            if (!string.IsNullOrEmpty(cadreId) && !await db.Cadres.AnyAsync(c => c.Id == cadreId, ct))
            {
                throw new RuleException("unit.unknown_cadre", $"{label}不存在", 400);
            }
        }
        unit.HeadId = r.HeadId.TrimToNull();
        unit.DeputyId = r.DeputyId.TrimToNull();
    }
}
