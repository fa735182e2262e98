using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Caching.Memory;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>
/// A request category with its time limits. ResponseHours is the 签收 limit of an urgent case in clock hours
/// (an ordinary case must be signed by the end of the next working day); HandleWorkdays the ordinary handling
/// limit; UrgentHandleHours the urgent one in clock hours.
/// </summary>
public sealed class Category
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public int ResponseHours { get; set; } = 2;
    public int HandleWorkdays { get; set; } = 5;
    public int UrgentHandleHours { get; set; } = 24;
    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }

    /// <summary>The district that added the category for itself; null for the categories every district uses.</summary>
    public string? AreaId { get; set; }

    /// <summary>The categories intake offers in an area: everyone's and the area's own.</summary>
    public static Expression<Func<Category, bool>> In(string? areaId) => c => c.AreaId == null || c.AreaId == areaId;
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.AreaId).HasMaxLength(40);
        b.HasData(DefaultCategories.All);
    }
}

public sealed record CategoryRequest
{
    [Required(ErrorMessage = "请填写分类编码")]
    [RegularExpression("^[a-z0-9_-]{2,40}$", ErrorMessage = "分类编码只能包含小写字母、数字、下划线和连字符，长度2至40")]
    public required string Code { get; init; }

    [Required(ErrorMessage = "请填写分类名称")]
    [StringLength(100, MinimumLength = 2, ErrorMessage = "分类名称长度应为2至100字")]
    public required string Name { get; init; }

    [Range(1, 72, ErrorMessage = "紧急件签收时限应为1至72小时")]
    public int ResponseHours { get; init; } = 2;

    [Range(1, 60, ErrorMessage = "办理时限应为1至60个工作日")]
    public int HandleWorkdays { get; init; } = 5;

    [Range(1, 240, ErrorMessage = "紧急件办理时限应为1至240小时")]
    public int UrgentHandleHours { get; init; } = 24;
}

/// <summary>
/// The categories as intake reads them, kept in memory for a minute: every new case looks its category up.
/// An edit here clears it at once; another instance sees the edit within the minute.
/// </summary>
public sealed class CategoryCatalog(IMemoryCache cache)
{
    private const string Key = "categories";

    public async Task<Category?> FindActiveAsync(AppDb db, string code, CancellationToken ct)
    {
        if (!cache.TryGetValue(Key, out IReadOnlyDictionary<string, Category>? all) || all is null)
        {
            all = await db.Set<Category>().AsNoTracking().ToDictionaryAsync(c => c.Code, ct);
            cache.Set(Key, all, TimeSpan.FromMinutes(1));
        }
        return all.GetValueOrDefault(code) is { IsActive: true } category ? category : null;
    }

    public void Invalidate() => cache.Remove(Key);
}

/// <summary>
/// Adds and edits categories (admin). The admin at the top of the organisation keeps the categories every district uses; a
/// district's admin adds the district's own and edits only those.
/// </summary>
public sealed class CategoryService(AppDb db, CategoryCatalog catalog, CurrentUser user)
{
    /// <summary>The district whose own categories this admin keeps; null at the top (the shared ones).</summary>
    public async Task<string?> OwnAreaAsync(CancellationToken ct) => await user.AreaScopeAsync(ct) is null ? null : await user.AreaIdAsync(ct);

    public async Task<Category> CreateAsync(CategoryRequest r, CancellationToken ct)
    {
        if (await db.Set<Category>().AnyAsync(c => c.Code == r.Code, ct))
        {
            throw new RuleException("category.duplicate", $"分类编码“{r.Code}”已存在", 409);
        }
        var category = new Category
        {
            Code = r.Code, Name = r.Name.Trim(), ResponseHours = r.ResponseHours, HandleWorkdays = r.HandleWorkdays,
            UrgentHandleHours = r.UrgentHandleHours, SortOrder = 1000, AreaId = await OwnAreaAsync(ct),
        };
        db.Add(category);
        db.PendingAction = "category.create";
        await db.SaveChangesAsync(ct);
        catalog.Invalidate();
        return category;
    }

    public async Task<Category> UpdateAsync(string code, CategoryRequest r, CancellationToken ct)
    {
        var category = await db.Set<Category>().FirstOrDefaultAsync(c => c.Code == code, ct) ?? throw new NotFoundException("诉求分类");
        if (await OwnAreaAsync(ct) is { } area && category.AreaId != area)
        {
            throw new ForbiddenException(category.AreaId is null ? "通用分类只能由上级管理员修改" : "该分类属于其他辖区");
        }
        category.Name = r.Name.Trim();
        category.ResponseHours = r.ResponseHours;
        category.HandleWorkdays = r.HandleWorkdays;
        category.UrgentHandleHours = r.UrgentHandleHours;
        db.PendingAction = "category.update";
        await db.SaveChangesAsync(ct);
        catalog.Invalidate();
        return category;
    }
}

/// <summary>
/// A default taxonomy for county-level requests. Limits follow the defaults of the domain rules: urgent 2 h
/// (life or property at risk), water/power/gas/heating 24 h, ordinary 5 working days, complex 10.
/// </summary>
public static class DefaultCategories
{
    public static readonly Category[] All =
    [
        New("safety", "安全隐患（危及生命财产）", 2, 2, 2),
        New("utilities", "水电气暖供应", 2, 3, 24),
        New("roads", "道路交通与市政设施", 2, 5, 24),
        New("environment", "生态环境与噪声污染", 2, 5, 24),
        New("sanitation", "环境卫生与垃圾清运", 2, 5, 24),
        New("urban", "城市管理与违章建设", 2, 10, 48),
        New("housing", "住房与物业管理", 2, 10, 48),
        New("market", "市场监管与消费维权", 2, 5, 24),
        New("food", "食品药品安全", 2, 5, 24),
        New("labour", "劳动保障与欠薪", 2, 5, 24),
        New("social", "社会保障与民政救助", 2, 5, 48),
        New("health", "医疗卫生与医保", 2, 5, 24),
        New("education", "教育", 2, 5, 48),
        New("transport", "公共交通与出行", 2, 5, 24),
        New("agriculture", "农业农村与土地", 2, 10, 48),
        New("business", "营商环境与政务服务", 2, 5, 24),
        New("conduct", "干部作风与工作效能", 2, 10, 48),
        New("other", "其他", 2, 5, 48),
    ];

    private static int _order;

    private static Category New(string code, string name, int responseHours, int handleWorkdays, int urgentHandleHours)
        => new() { Code = code, Name = name, ResponseHours = responseHours, HandleWorkdays = handleWorkdays, UrgentHandleHours = urgentHandleHours, SortOrder = ++_order };
}
