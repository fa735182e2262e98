using System.Globalization;
using System.Text;
using Zhengfeng.Features.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Import;

/// <summary>A row turned into what <see cref="CaseWorkflow.CreateAsync"/> takes, or into the reasons it cannot be.</summary>
public sealed record ParsedRow(string ExternalId, CreateCaseRequest Request, DateTimeOffset? RegisteredAt);

/// <summary>
/// A mapping bound to one file's header: finds each mapped column's position once, then reads rows.
/// Pure logic (no database): the active categories are handed in.
/// </summary>
public sealed class ImportRow
{
    private const int MaxContent = 5000;

    private readonly ImportMapping _mapping;
    private readonly MappingColumns _columns;
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _categoryMap = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _kindMap = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _categoryByCodeOrName = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeSpan _offset;

    public ImportRow(ImportMapping mapping, IReadOnlyList<string> header, IEnumerable<Category> categories)
    {
        _mapping = mapping;
        _columns = MappingColumns.FromPairs(MappingText.Decode(mapping.Fields));
        for (var i = 0; i < header.Count; i++)
        {
            _index.TryAdd(header[i].Trim().TrimStart('\uFEFF'), i);
        }
        foreach (var (key, value) in MappingText.Decode(mapping.CategoryMap, splitAtLast: true))
        {
            _categoryMap.TryAdd(key, value);
        }
        foreach (var (key, value) in MappingText.Decode(mapping.KindMap, splitAtLast: true))
        {
            _kindMap.TryAdd(key, value);
        }
        foreach (var c in categories)
        {
            _categoryByCodeOrName.TryAdd(c.Code, c.Code);
            _categoryByCodeOrName.TryAdd(c.Name, c.Code);
        }
        _offset = TryParseOffset(mapping.UtcOffset, out var offset) ? offset : TimeSpan.FromHours(8);
        MissingColumns = _columns.Pairs().Select(p => p.Value).Where(c => !_index.ContainsKey(c)).Distinct().ToList();
    }

    /// <summary>Mapped columns the file's header lacks: the file is refused whole when there are any.</summary>
    public IReadOnlyList<string> MissingColumns { get; }

    public string ExternalIdColumn => _columns.ExternalId;

    public string CategoryColumn => _columns.CategoryCode ?? "分类";

    public ParsedRow? Read(SheetRow row, List<RowError> errors)
    {
        var before = errors.Count;
        string Get(string? column) => column is not null && _index.TryGetValue(column, out var i) ? row.Cell(i).Trim() : "";
        void Fail(string column, string message) => errors.Add(new RowError(row.Number, column, message));

        var id = Get(_columns.ExternalId);
        var externalId = $"{_mapping.SourceSystem}:{id}";
        if (id.Length == 0)
        {
            Fail(_columns.ExternalId, "编号为空");
        }
        else if (externalId.Length > 100)
        {
            Fail(_columns.ExternalId, "编号过长（连同来源系统标识不超过100字）");
        }

        DateTimeOffset? registeredAt = null;
        if (_columns.CreatedAt is { } createdColumn)
        {
            var text = Get(createdColumn);
            if (text.Length == 0)
            {
                Fail(createdColumn, "受理时间为空");
            }
            else if (ParseTime(text) is { } at)
            {
                registeredAt = at;
            }
            else
            {
                Fail(createdColumn, $"受理时间“{text}”不符合格式 {_mapping.TimestampFormat}");
            }
        }

        var lat = Coordinate(_columns.Lat, "纬度", 90);
        var lon = Coordinate(_columns.Lon, "经度", 180);

        var content = Content(row, Get);
        if (content.Length < 5)
        {
            Fail(string.Join("+", _columns.Content), "诉求内容为空或不足5字");
        }

        var kindText = _columns.Kind is null ? "" : Get(_columns.Kind);
        var kind = ParseKind(_kindMap.TryGetValue(kindText, out var mappedKind) ? mappedKind : kindText) ?? ParseKind(_mapping.DefaultKind) ?? CaseKind.Complaint;

        if (errors.Count > before)
        {
            return null;
        }
        var title = _columns.Title is null ? null : Get(_columns.Title);
        var address = _columns.Address is null ? null : Get(_columns.Address);
        return new ParsedRow(externalId, new CreateCaseRequest
        {
            Kind = kind,
            CategoryCode = Category(_columns.CategoryCode is null ? "" : Get(_columns.CategoryCode)),
            Content = content,
            Title = string.IsNullOrWhiteSpace(title) ? null : Truncate(title, 200),
            Address = string.IsNullOrWhiteSpace(address) ? null : Truncate(address, 300),
            Lat = lat,
            Lon = lon,
            Anonymous = true,
        }, registeredAt);

        double? Coordinate(string? column, string label, double limit)
        {
            var text = column is null ? "" : Get(column);
            if (text.Length == 0)
            {
                return null;
            }
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                Fail(column!, $"{label}“{text}”不是有效数字");
                return null;
            }
            if (Math.Abs(value) > limit)
            {
                Fail(column!, $"{label}应在-{limit}至{limit}之间");
                return null;
            }
            return value;
        }
    }

    /// <summary>One content column is taken as is; several are labelled with their column names, one per line.</summary>
    private string Content(SheetRow row, Func<string?, string> get)
    {
        var text = new StringBuilder();
        var labelled = _columns.Content.Count > 1;
        foreach (var column in _columns.Content)
        {
            Line(labelled ? column : null, get(column));
        }
        Line("原系统状态", _columns.Status is null ? "" : get(_columns.Status));
        Line("原系统办结时间", _columns.ClosedAt is null ? "" : get(_columns.ClosedAt));
        Line("原系统答复", _columns.Reply is null ? "" : get(_columns.Reply));
        return Truncate(text.ToString().Trim(), MaxContent);

        void Line(string? label, string value)
        {
            if (value.Length > 0)
            {
                text.Append(label is null ? value : $"{label}：{value}").Append('\n');
            }
        }
    }

    /// <summary>The value map first, then an exact category code or name, then the mapping's default.</summary>
    private string Category(string value)
        => value.Length > 0 && _categoryMap.TryGetValue(value, out var code) ? code
            : value.Length > 0 && _categoryByCodeOrName.TryGetValue(value, out var known) ? known
            : _mapping.DefaultCategory;

    private DateTimeOffset? ParseTime(string text)
    {
        if (DateTime.TryParseExact(text, _mapping.TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local)
            || DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy/MM/dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm"],
                CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out local))
        {
            return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _offset).ToUniversalTime();
        }
        return null;
    }

    /// <summary>A cell's kind: the Chinese word, or the API's spelling.</summary>
    public static CaseKind? ParseKind(string text) => text.Trim() switch
    {
        "投诉" => CaseKind.Complaint,
        "举报" => CaseKind.Report,
        "求助" => CaseKind.Help,
        "咨询" => CaseKind.Consultation,
        "建议" => CaseKind.Suggestion,
        "表扬" => CaseKind.Praise,
        var t when WireEnum.TryParse<CaseKind>(t, out var k) => k,
        _ => null,
    };

    public static bool TryParseOffset(string text, out TimeSpan offset)
    {
        offset = default;
        if (text.Length != 6 || text[0] is not ('+' or '-')
            || !TimeSpan.TryParseExact(text[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var span))
        {
            return false;
        }
        offset = text[0] == '-' ? -span : span;
        return offset >= TimeSpan.FromHours(-12) && offset <= TimeSpan.FromHours(14);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
