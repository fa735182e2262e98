using System.ComponentModel.DataAnnotations;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Import;

/// <summary>Which column (by header name) feeds which case field. Only the external id and the content are required.</summary>
public sealed record MappingColumns
{
    [Required(ErrorMessage = "请指定编号列（externalId）")]
    public required string ExternalId { get; init; }

    /// <summary>One or more columns, joined line by line into the case content.</summary>
    [Required(ErrorMessage = "请指定至少一个内容列（content）")]
    public required IReadOnlyList<string> Content { get; init; }

    public string? CreatedAt { get; init; }
    public string? Title { get; init; }
    public string? CategoryCode { get; init; }
    public string? Kind { get; init; }
    public string? Address { get; init; }
    public string? Lat { get; init; }
    public string? Lon { get; init; }

    /// <summary>The source system's status, close time and reply are kept as lines of the content.</summary>
    public string? Status { get; init; }
    public string? ClosedAt { get; init; }
    public string? Reply { get; init; }

    /// <summary>(field name, column) for every mapped column, in the order of the text encoding.</summary>
    public IEnumerable<KeyValuePair<string, string>> Pairs()
    {
        yield return new("externalId", ExternalId);
        foreach (var c in Content)
        {
            yield return new("content", c);
        }
        (string Field, string? Column)[] optional =
        [
            ("createdAt", CreatedAt), ("title", Title), ("categoryCode", CategoryCode), ("kind", Kind), ("address", Address),
            ("lat", Lat), ("lon", Lon), ("status", Status), ("closedAt", ClosedAt), ("reply", Reply),
        ];
        foreach (var (field, column) in optional)
        {
            if (!string.IsNullOrWhiteSpace(column))
            {
                yield return new(field, column.Trim());
            }
        }
    }

    public static MappingColumns FromPairs(IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        string? One(string field) => pairs.FirstOrDefault(p => p.Key == field).Value;
        return new MappingColumns
        {
            ExternalId = One("externalId") ?? "",
            Content = pairs.Where(p => p.Key == "content").Select(p => p.Value).ToList(),
            CreatedAt = One("createdAt"),
            Title = One("title"),
            CategoryCode = One("categoryCode"),
            Kind = One("kind"),
            Address = One("address"),
            Lat = One("lat"),
            Lon = One("lon"),
            Status = One("status"),
            ClosedAt = One("closedAt"),
            Reply = One("reply"),
        };
    }
}

public sealed record MappingRequest
{
    [Required(ErrorMessage = "请填写映射名称")]
    [StringLength(100, MinimumLength = 2, ErrorMessage = "映射名称应为2至100字")]
    public required string Name { get; init; }

    [Required(ErrorMessage = "请填写来源系统标识")]
    [RegularExpression("^[A-Za-z0-9_.-]{1,30}$", ErrorMessage = "来源系统标识只能包含字母、数字、点、下划线和连字符，长度1至30")]
    public required string SourceSystem { get; init; }

    [Required(ErrorMessage = "请指定列映射")]
    public required MappingColumns Columns { get; init; }

    /// <summary>Source category value → category code; values not listed fall back to a code or name match, then the default.</summary>
    public IReadOnlyDictionary<string, string>? CategoryMap { get; init; }

    /// <summary>Source value → kind (complaint, report, help, consultation, suggestion, praise).</summary>
    public IReadOnlyDictionary<string, string>? KindMap { get; init; }

    public string DefaultCategory { get; init; } = "other";
    public string DefaultKind { get; init; } = "complaint";

    [StringLength(60, MinimumLength = 1, ErrorMessage = "时间格式应为1至60个字符")]
    public string TimestampFormat { get; init; } = "yyyy-MM-dd HH:mm:ss";

    [RegularExpression(@"^[+-]\d{2}:\d{2}$", ErrorMessage = "时区偏移应形如 +08:00")]
    public string UtcOffset { get; init; } = "+08:00";
}

public sealed record MappingView(
    string Id, string Name, string SourceSystem, MappingColumns Columns, IReadOnlyDictionary<string, string> CategoryMap,
    IReadOnlyDictionary<string, string> KindMap, string DefaultCategory, string DefaultKind, string TimestampFormat, string UtcOffset,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static MappingView From(ImportMapping m) => new(
        m.Id, m.Name, m.SourceSystem, MappingColumns.FromPairs(MappingText.Decode(m.Fields)), ToDictionary(m.CategoryMap), ToDictionary(m.KindMap),
        m.DefaultCategory, m.DefaultKind, m.TimestampFormat, m.UtcOffset, m.CreatedAt, m.UpdatedAt);

    private static Dictionary<string, string> ToDictionary(string text)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in MappingText.Decode(text, splitAtLast: true))
        {
            map.TryAdd(key, value);
        }
        return map;
    }
}

/// <summary>One refused row: the row number as a spreadsheet shows it (the header is row 1) and the column's header name.</summary>
public sealed record RowError(int Row, string Column, string Message);

/// <summary>A sheet's wrong rows under a caption, for the shared table that shows them (<c>_RowErrors</c>).</summary>
public sealed record RowErrorList(string Caption, IReadOnlyList<RowError> Errors);

/// <summary>An all-or-nothing sheet was refused: every wrong row and missing column, and nothing was imported.</summary>
public class SheetRejected(string code, string message, IReadOnlyList<RowError> errors) : RuleException(code, message, 400)
{
    public IReadOnlyList<RowError> Errors { get; } = errors;
}

public sealed record ImportResult(int Imported, int Skipped, int Failed, IReadOnlyList<RowError> Errors, long ElapsedMs);
