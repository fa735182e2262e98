using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengfeng.Features.Org;

// 单位 Unit (kind: 省 Province / 市 City / 县（区）County / 部门 Department / 乡镇街道 Township / 国有企业 Enterprise / 科室 Section /
// 办公室 Office); 省、市、县（区）are areas (levels of government), the others take work
// 干部 Cadre; 领导干部 (副科级以上) IsLeadingCadre; 一把手 Head; 分管领导 Deputy

public enum UnitKind { County, Department, Township, Section, Office, Province, City, Enterprise }

public sealed class Unit
{
    public required string Id { get; init; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public UnitKind Kind { get; set; }
    public string? ParentId { get; set; }
    public string? HeadId { get; set; }
    public string? DeputyId { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; init; }

    public static string KindLabel(UnitKind kind) => kind switch
    {
        UnitKind.Province => "省",
        UnitKind.City => "市",
        UnitKind.County => "县（区）",
        UnitKind.Department => "部门",
        UnitKind.Township => "乡镇街道",
        UnitKind.Enterprise => "国有企业",
        UnitKind.Section => "科室",
        _ => "办公室",
    };

    /// <summary>The kinds in the order a picker lists them: the levels of government from the top, then the units below.</summary>
    public static readonly IReadOnlyList<UnitKind> Kinds =
        [UnitKind.Province, UnitKind.City, UnitKind.County, UnitKind.Department, UnitKind.Township, UnitKind.Enterprise, UnitKind.Section, UnitKind.Office];

    /// <summary>省、市、县（区）: a level of government, the root of its area; it does not handle cases, assignments or rectification itself.</summary>
    public static bool IsArea(UnitKind kind) => kind is UnitKind.Province or UnitKind.City or UnitKind.County;

    /// <summary>The areas (<see cref="IsArea"/>), for a query.</summary>
    public static readonly Expression<Func<Unit, bool>> AreaUnit = u => u.Kind == UnitKind.Province || u.Kind == UnitKind.City || u.Kind == UnitKind.County;

    /// <summary>The units that take work (every kind but the areas), for a query.</summary>
    public static readonly Expression<Func<Unit, bool>> TakesWork = u => u.Kind != UnitKind.Province && u.Kind != UnitKind.City && u.Kind != UnitKind.County;
}

public sealed class Cadre
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public required string UnitId { get; set; }
    public string Post { get; set; } = "";
    public CadreRank Rank { get; set; } = CadreRank.Staff;
    public bool IsLeadingCadre => Rank >= CadreRank.DeputySection;
    public string? Phone { get; set; }
    /// <summary>工号: the number the unit's sign-in terminal knows the cadre by.</summary>
    public string? TerminalNo { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; init; }

    public static string RankLabel(CadreRank rank) => rank switch
    {
        CadreRank.Staff => "一般干部",
        CadreRank.DeputySection => "副科级",
        CadreRank.Section => "正科级",
        CadreRank.DeputyDivision => "副处级",
        _ => "正处级",
    };
}

/// <summary>Ordered: every rank from 副科级 up is a leading cadre (领导干部).</summary>
// The ranks are run together on the wire ("deputysection").
public enum CadreRank
{
    Staff = 0,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("deputysection")] DeputySection = 1,
    Section = 2,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("deputydivision")] DeputyDivision = 3,
    Division = 4,
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.ParentId);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cadre>().WithMany().HasForeignKey(x => x.HeadId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Cadre>().WithMany().HasForeignKey(x => x.DeputyId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CadreConfiguration : IEntityTypeConfiguration<Cadre>
{
    public void Configure(EntityTypeBuilder<Cadre> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Post).HasMaxLength(100);
        b.Property(x => x.Rank).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Phone).HasMaxLength(30);
        b.Property(x => x.TerminalNo).HasMaxLength(30);
        b.HasIndex(x => new { x.UnitId, x.TerminalNo });
        b.Ignore(x => x.IsLeadingCadre);
        b.HasIndex(x => new { x.UnitId, x.Name });
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class UnitQueries
{
    /// <summary>
    /// The active units that take work, in the organisation's order: what every unit picker lists. <paramref name="within"/> is
    /// the user's area where it narrows the choice (<see cref="Web.CurrentUser.AreaScopeAsync"/>: a district picks its own units).
    /// </summary>
    public static async Task<List<Unit>> WorkUnitsAsync(this IQueryable<Unit> units, IReadOnlySet<string>? within, CancellationToken ct)
    {
        var all = await units.AsNoTracking().Where(u => u.IsActive).Where(Unit.TakesWork).OrderBy(u => u.SortOrder).ThenBy(u => u.Code).ToListAsync(ct);
        return within is null ? all : all.Where(u => within.Contains(u.Id)).ToList();
    }
}
