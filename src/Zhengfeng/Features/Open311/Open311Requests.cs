using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Open311;

public sealed record Open311Service(string ServiceCode, string ServiceName, string Description, bool Metadata, string Type, string Keywords, string Group);

public sealed record Open311Definition(string ServiceCode, IReadOnlyList<object> Attributes);

/// <summary>A service request as the spec shows it. No reporter identity and no staff names ever appear here.</summary>
public sealed record Open311Request(
    string ServiceRequestId, string Status, string StatusNotes, string ServiceName, string ServiceCode, string Description,
    string? AgencyResponsible, string? ServiceNotice, DateTimeOffset RequestedDatetime, DateTimeOffset UpdatedDatetime,
    DateTimeOffset? ExpectedDatetime, string? Address, string? AddressId, string? Zipcode, double? Lat, double? Long, string? MediaUrl,
    IReadOnlyList<Open311Note> Notes);

public sealed record Open311Note(DateTimeOffset Datetime, string Description);

public sealed record Open311Created(string ServiceRequestId, string ServiceNotice, string? AccountId);

public sealed record Open311Token(string ServiceRequestId, string Token);

/// <summary>Reads cases as Open311 service requests; the service request id is the case's tracking code.</summary>
public static class Open311Requests
{
    public const int MaxResults = 1000;
    public const int DefaultDays = 90;

    /// <summary>The most service_request_ids one lookup may name: each is a tracking code, so a long list is a guessing run.</summary>
    public const int MaxIds = 20;
    private const string MediaPrefix = "现场图片：";

    public static async Task<List<Open311Service>> ServicesAsync(AppDb db, CancellationToken ct)
    {
        var categories = await db.Set<Category>().AsNoTracking().Where(c => c.IsActive && c.AreaId == null).OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct);
        return categories.Select(ToService).ToList();
    }

    public static Open311Service ToService(Category c) => new(
        c.Code, c.Name, $"{c.Name}方面的诉求，一般{c.HandleWorkdays}个工作日内办理", false, "realtime",
        string.Join(",", c.Name.Split(['与', '、', '（', '）'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), "接诉即办");

    public static bool IsClosed(CaseStatus s) => s is CaseStatus.Closed or CaseStatus.Merged;

    public static string Wire(CaseStatus s) => IsClosed(s) ? "closed" : "open";

    /// <summary>The filters of GET requests: explicit ids win over every other filter, as the spec says.</summary>
    public static async Task<List<Open311Request>> SearchAsync(AppDb db, IQueryCollection query, DateTimeOffset now, CancellationToken ct)
    {
        var q = db.Set<Case>().AsNoTracking();
        var ids = List(query["service_request_id"]);
        if (ids.Count > MaxIds)
        {
            throw new RuleException("open311.too_many_ids", $"一次最多查询 {MaxIds} 个 service_request_id，本次为 {ids.Count} 个", 400);
        }
        if (ids.Count > 0)
        {
            var codes = ids.Select(i => i.ToUpperInvariant()).Distinct().ToList();
            q = q.Where(c => codes.Contains(c.TrackingCode));
        }
        else
        {
            var end = Date(query["end_date"], "end_date") ?? now;
            var start = Date(query["start_date"], "start_date") ?? end.AddDays(-DefaultDays);
            q = q.Where(c => c.RegisteredAt >= start && c.RegisteredAt <= end);
            var services = List(query["service_code"]);
            if (services.Count > 0)
            {
                q = q.Where(c => services.Contains(c.CategoryCode));
            }
            var statuses = List(query["status"]).Select(s => s.ToLowerInvariant()).Distinct().ToList();
            if (statuses.Any(s => s is not ("open" or "closed")))
            {
                throw new RuleException("open311.bad_status", "status 只能是 open 或 closed", 400);
            }
            if (statuses is ["open"])
            {
                q = q.Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Merged);
            }
            else if (statuses is ["closed"])
            {
                q = q.Where(c => c.Status == CaseStatus.Closed || c.Status == CaseStatus.Merged);
            }
        }
        var cases = await q.OrderByDescending(c => c.RegisteredAt).Take(MaxResults).ToListAsync(ct);
        return await ViewsAsync(db, cases, ct);
    }

    public static async Task<Case?> FindAsync(AppDb db, string id, CancellationToken ct)
    {
        var code = id.Trim().ToUpperInvariant();
        return await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.TrackingCode == code, ct);
    }

    public static async Task<List<Open311Request>> ViewsAsync(AppDb db, IReadOnlyList<Case> cases, CancellationToken ct)
    {
        if (cases.Count == 0)
        {
            return [];
        }
        var caseIds = cases.Select(c => c.Id).ToList();
        var unitIds = cases.Where(c => c.LeadUnitId is not null).Select(c => c.LeadUnitId!).Distinct().ToList();
        var categories = await db.Set<Category>().AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var events = (await db.Set<CaseEvent>().AsNoTracking().Where(e => caseIds.Contains(e.CaseId)).ToListAsync(ct))
            .ToLookup(e => e.CaseId);
        return cases.Select(c => View(c, categories.GetValueOrDefault(c.CategoryCode, c.CategoryCode),
            c.LeadUnitId is null ? null : units.GetValueOrDefault(c.LeadUnitId), events[c.Id].OrderBy(e => e.Seq).ToList())).ToList();
    }

    private static Open311Request View(Case c, string serviceName, string? agency, List<CaseEvent> events)
    {
        var notes = events.Where(e => PublicApi.PublicSteps.Contains(e.Action))
            .Select(e => new Open311Note(e.At, PublicApi.PublicCases.StepLabel(e.Action))).ToList();
        var updated = events.Count > 0 ? events.Max(e => e.At) : c.RegisteredAt;
        // The title is the public summary; the full text may name people and stays inside.
        return new Open311Request(
            c.TrackingCode, Wire(c.Status), CaseTransitions.Label(c.Status), serviceName, c.CategoryCode, c.Title,
            agency, Notice(c.TrackingCode), c.RegisteredAt, updated, c.HandleDueAt, c.Address, null, null, c.Lat, c.Lon,
            MediaUrl(c.Content), notes);
    }

    public static string Notice(string trackingCode) => $"诉求已受理，查询码 {trackingCode}，可凭查询码查询办理进度";

    /// <summary>Files a request as a case on the open311 channel. The key is checked by the caller.</summary>
    public static async Task<Case> CreateAsync(CaseWorkflow flow, IReadOnlyDictionary<string, string> f, string? jurisdiction, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(jurisdiction) && f.TryGetValue("jurisdiction_id", out var given) && given.Length > 0 && given != jurisdiction)
        {
            throw new RuleException("open311.jurisdiction", $"jurisdiction_id “{given}” 不是本系统服务的辖区", 400);
        }
        var service = f.GetValueOrDefault("service_code");
        if (string.IsNullOrEmpty(service))
        {
            throw new RuleException("open311.service_code", "缺少 service_code（诉求分类编码）", 400);
        }
        var lat = Coordinate(f, "lat", 90);
        var lon = Coordinate(f, "long", 180);
        if ((lat is null) != (lon is null))
        {
            throw new RuleException("open311.location", "lat 与 long 须同时提供", 400);
        }
        var address = f.GetValueOrDefault("address_string");
        var addressId = f.GetValueOrDefault("address_id");
        if (lat is null && string.IsNullOrEmpty(address) && string.IsNullOrEmpty(addressId))
        {
            throw new RuleException("open311.location", "缺少位置：请提供 lat 和 long、address_string 或 address_id", 400);
        }
        var description = f.GetValueOrDefault("description") ?? "";
        Limit(description, 4000, "description");
        Limit(address, 300, "address_string");
        Limit(addressId, 100, "address_id");
        var phone = f.GetValueOrDefault("phone");
        if (!string.IsNullOrEmpty(phone) && !System.Text.RegularExpressions.Regex.IsMatch(phone, @"^[0-9+\- ]{5,20}$"))
        {
            throw new RuleException("open311.phone", "phone 格式不正确", 400);
        }
        var name = PersonName(f.GetValueOrDefault("first_name"), f.GetValueOrDefault("last_name"));
        Limit(name, 50, "first_name/last_name");
        var media = f.GetValueOrDefault("media_url");
        if (!string.IsNullOrEmpty(media) && !(Uri.TryCreate(media, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && media.Length <= 300))
        {
            throw new RuleException("open311.media_url", "media_url 应为 http(s) 网址，且不超过300字符", 400);
        }

        var content = description.Length > 0 ? description : "（经 Open311 接口提交，未填写问题描述）";
        if (!string.IsNullOrEmpty(media))
        {
            content += "\n" + MediaPrefix + media;
        }
        return await flow.CreateAsync(new CreateCaseRequest
        {
            Kind = CaseKind.Complaint,
            CategoryCode = service,
            Content = content,
            Address = !string.IsNullOrEmpty(address) ? address : string.IsNullOrEmpty(addressId) ? null : $"地址编号 {addressId}",
            Lat = lat,
            Lon = lon,
            Reporter = name is null && string.IsNullOrEmpty(phone) ? null : new ReporterInput(name, string.IsNullOrEmpty(phone) ? null : phone),
        }, ct, "open311");
    }

    /// <summary>Chinese names put the family name first; others follow the spec's first-then-last.</summary>
    private static string? PersonName(string? first, string? last)
    {
        if (string.IsNullOrEmpty(first) || string.IsNullOrEmpty(last))
        {
            return string.IsNullOrEmpty(first) ? (string.IsNullOrEmpty(last) ? null : last) : first;
        }
        return (first + last).All(c => c >= 0x3400) ? last + first : $"{first} {last}";
    }

    private static string? MediaUrl(string content)
    {
        var line = content.Split('\n')[^1];
        return line.StartsWith(MediaPrefix, StringComparison.Ordinal) ? line[MediaPrefix.Length..] : null;
    }

    private static double? Coordinate(IReadOnlyDictionary<string, string> f, string key, double max)
    {
        if (!f.TryGetValue(key, out var text) || text.Length == 0)
        {
            return null;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && Math.Abs(v) <= max
            ? v
            : throw new RuleException("open311.location", $"{key} 应为 -{max} 至 {max} 之间的数字", 400);
    }

    private static void Limit(string? value, int max, string field)
    {
        if (value is { Length: var n } && n > max)
        {
            throw new RuleException("open311.too_long", $"{field} 不能超过{max}字", 400);
        }
    }

    private static List<string> List(Microsoft.Extensions.Primitives.StringValues values)
        => values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    private static DateTimeOffset? Date(Microsoft.Extensions.Primitives.StringValues value, string field)
    {
        var text = value.ToString();
        if (text.Length == 0)
        {
            return null;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
            ? WireDate.InRange(DateOnly.FromDateTime(d.UtcDateTime)) ? d
                : throw new RuleException("open311.bad_date", $"{field} 超出范围，应在 {WireDate.RangeText} 之间", 400)
            : throw new RuleException("open311.bad_date", $"{field} 应为 ISO 8601 时间，如 2026-11-02T09:00:00+08:00", 400);
    }
}
