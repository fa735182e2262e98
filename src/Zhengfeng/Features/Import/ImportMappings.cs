using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Import;

/// <summary>Saved column mappings: create, list, update. Every code a mapping names must exist when it is saved.</summary>
public sealed partial class ImportMappings(AppDb db, TimeProvider clock, CurrentUser user)
{
    public async Task<List<ImportMapping>> ListAsync(CancellationToken ct)
        => (await db.Set<ImportMapping>().AsNoTracking().ToListAsync(ct)).OrderBy(m => m.Name, StringComparer.Ordinal).ToList();

    public async Task<ImportMapping> GetAsync(string id, CancellationToken ct)
        => await db.Set<ImportMapping>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("导入映射");

    public async Task<ImportMapping> CreateAsync(MappingRequest r, CancellationToken ct)
    {
        await ValidateAsync(r, null, ct);
        var now = clock.GetUtcNow();
        var m = new ImportMapping
        {
            Id = Ids.New(),
            Name = r.Name.Trim(),
            SourceSystem = r.SourceSystem,
            Fields = "",
            DefaultCategory = r.DefaultCategory,
            CreatedBy = user.Id,
            CreatedAt = now,
        };
        Apply(m, r, now);
        db.Add(m);
        db.PendingAction = "import.mapping.create";
        await db.SaveChangesAsync(ct);
        return m;
    }

    public async Task<ImportMapping> UpdateAsync(string id, MappingRequest r, CancellationToken ct)
    {
        var m = await db.Set<ImportMapping>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("导入映射");
        await ValidateAsync(r, id, ct);
        Apply(m, r, clock.GetUtcNow());
        db.PendingAction = "import.mapping.update";
        await db.SaveChangesAsync(ct);
        return m;
    }

    private static void Apply(ImportMapping m, MappingRequest r, DateTimeOffset now)
    {
        m.Name = r.Name.Trim();
        m.SourceSystem = r.SourceSystem;
        m.Fields = MappingText.Encode(r.Columns.Pairs());
        m.CategoryMap = MappingText.Encode(Clean(r.CategoryMap));
        m.KindMap = MappingText.Encode(Clean(r.KindMap).Select(p => new KeyValuePair<string, string>(p.Key, p.Value.ToLowerInvariant())));
        m.DefaultCategory = r.DefaultCategory.Trim();
        m.DefaultKind = r.DefaultKind.Trim().ToLowerInvariant();
        m.TimestampFormat = r.TimestampFormat.Trim();
        m.UtcOffset = r.UtcOffset;
        m.UpdatedAt = now;
    }

    private static IEnumerable<KeyValuePair<string, string>> Clean(IReadOnlyDictionary<string, string>? map)
        => (map ?? new Dictionary<string, string>())
            .Where(p => !string.IsNullOrWhiteSpace(p.Key) && !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => new KeyValuePair<string, string>(p.Key.Trim(), p.Value.Trim()));

    private async Task ValidateAsync(MappingRequest r, string? id, CancellationToken ct)
    {
        // The page calls this directly, so the request's annotations are checked here as well as by the API.
        if (r.Name is null || r.Name.Trim().Length is < 2 or > 100)
        {
            throw Bad("映射名称应为2至100字");
        }
        if (r.SourceSystem is null || !SourcePattern().IsMatch(r.SourceSystem))
        {
            throw Bad("来源系统标识只能包含字母、数字、点、下划线和连字符，长度1至30");
        }
        var columns = r.Columns.Pairs().ToList();
        if (string.IsNullOrWhiteSpace(r.Columns.ExternalId))
        {
            throw Bad("请指定编号列（externalId）");
        }
        if (r.Columns.Content.Count == 0 || r.Columns.Content.Any(string.IsNullOrWhiteSpace))
        {
            throw Bad("请指定至少一个内容列（content），列名不能为空");
        }
        var lines = columns.Select(p => p.Value)
            .Concat(Clean(r.CategoryMap).SelectMany(p => new[] { p.Key, p.Value }))
            .Concat(Clean(r.KindMap).SelectMany(p => new[] { p.Key, p.Value }));
        if (lines.Any(v => v.Contains('\n', StringComparison.Ordinal) || v.Contains('\r', StringComparison.Ordinal)))
        {
            throw Bad("列名和取值不能包含换行");
        }
        if (Clean(r.CategoryMap).Any(p => p.Value.Contains('=', StringComparison.Ordinal)) || columns.Any(p => p.Key.Contains('=', StringComparison.Ordinal)))
        {
            throw Bad("分类编码不能包含“=”");
        }

        var codes = (await db.Set<Category>().AsNoTracking().Where(c => c.IsActive).Select(c => c.Code).ToListAsync(ct)).ToHashSet();
        var unknown = Clean(r.CategoryMap).Select(p => p.Value).Append(r.DefaultCategory.Trim()).Where(c => !codes.Contains(c)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw Bad($"诉求分类不存在：{string.Join("、", unknown)}");
        }
        var badKinds = Clean(r.KindMap).Select(p => p.Value).Append(r.DefaultKind.Trim()).Where(k => ImportRow.ParseKind(k) is null).Distinct().ToList();
        if (badKinds.Count > 0)
        {
            throw Bad($"诉求类型无法识别：{string.Join("、", badKinds)}（应为 complaint、report、help、consultation、suggestion 或 praise）");
        }
        if (!IsUsableFormat(r.TimestampFormat))
        {
            throw Bad($"时间格式“{r.TimestampFormat}”无效");
        }
        if (!ImportRow.TryParseOffset(r.UtcOffset, out _))
        {
            throw Bad("时区偏移应在 -12:00 至 +14:00 之间");
        }
        var name = r.Name.Trim();
        if (await db.Set<ImportMapping>().AnyAsync(m => m.Name == name && m.Id != id, ct))
        {
            throw new RuleException("import.mapping_duplicate", $"映射名称“{name}”已存在", 409);
        }
        if (MappingText.Encode(columns).Length > 4000)
        {
            throw Bad("列映射过长");
        }
    }

    /// <summary>A format is usable when a sample instant survives a round trip through it.</summary>
    private static bool IsUsableFormat(string format)
    {
        var sample = new DateTime(2011, 3, 1, 14, 27, 57, DateTimeKind.Unspecified);
        try
        {
            var text = sample.ToString(format.Trim(), CultureInfo.InvariantCulture);
            return DateTime.TryParseExact(text, format.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,30}$")]
    private static partial Regex SourcePattern();

    private static RuleException Bad(string message) => new("import.bad_mapping", message, 400);
}
