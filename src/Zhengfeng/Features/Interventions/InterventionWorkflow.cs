using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Interventions;

public sealed record RecordInterventionRequest
{
    [Required(ErrorMessage = "请填写说情、打招呼的人")]
    [StringLength(50, MinimumLength = 2, ErrorMessage = "说情人姓名应为2至50字")]
    public required string IntervenerName { get; init; }

    [StringLength(100, ErrorMessage = "说情人单位职务不超过100字")]
    public string? IntervenerOrg { get; init; }

    [Required(ErrorMessage = "请选择方式：inPerson（当面）、phone（电话）、message（短信微信）、note（写条子）、banquet（宴请送礼时）或 other")]
    public InterventionChannel? Channel { get; init; }

    [Required(ErrorMessage = "请填写发生时间")]
    public DateTimeOffset? OccurredAt { get; init; }

    [Required(ErrorMessage = "请填写涉及的事项")]
    [StringLength(500, MinimumLength = 2, ErrorMessage = "涉及事项应为2至500字")]
    public required string Matter { get; init; }

    [StringLength(50, ErrorMessage = "关联编号不超过50字")]
    public string? RelatedNumber { get; init; }

    [Required(ErrorMessage = "请填写对方提出的要求")]
    [StringLength(2000, MinimumLength = 2, ErrorMessage = "提出的要求应为2至2000字")]
    public required string Request { get; init; }

    [Required(ErrorMessage = "请填写本人如何回应")]
    [StringLength(2000, MinimumLength = 2, ErrorMessage = "回应情况应为2至2000字")]
    public required string Response { get; init; }
}

public sealed record InterventionView(string Id, string IntervenerName, string? IntervenerOrg, string Channel, string ChannelLabel, DateTimeOffset OccurredAt,
    string Matter, string? RelatedNumber, string Request, string Response, string RecordedBy, string RecordedByName, string RecordedByUnit, DateTimeOffset RecordedAt);

/// <summary>How often one person intervened, with whom (how many different recipients) and when first and last.</summary>
public sealed record IntervenerCount(string Name, string? Org, int Count, int Recipients, DateTimeOffset First, DateTimeOffset Last);

/// <summary>说情、打招呼登记: anyone who receives one records it; they see their own records, 纪检 sees all and the counts by person.</summary>
public sealed class InterventionWorkflow(AppDb db, TimeProvider clock, CurrentUser user)
{
    /// <summary>How far back an intervention may still be recorded.</summary>
    public const int MaxAgeDays = 366 * 5;

    public bool SeesAll => user.IsIn(Roles.Inspector);

    public async Task<Intervention> RecordAsync(RecordInterventionRequest r, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var at = r.OccurredAt!.Value;
        if (at > now.AddMinutes(5))
        {
            throw new RuleException("intervention.future", "发生时间不能晚于现在", 400);
        }
        if (at < now.AddDays(-MaxAgeDays))
        {
            throw new RuleException("intervention.too_old", "发生时间不能早于五年前", 400);
        }
        var item = new Intervention
        {
            Id = Ids.New(), IntervenerName = r.IntervenerName.Trim(), IntervenerOrg = r.IntervenerOrg.TrimToNull(), Channel = r.Channel!.Value, OccurredAt = at,
            Matter = r.Matter.Trim(), RelatedNumber = r.RelatedNumber.TrimToNull(), Request = r.Request.Trim(), Response = r.Response.Trim(),
            RecordedBy = user.Id, RecordedByUnitId = user.UnitId, RecordedAt = now,
        };
        db.Add(item);
        db.PendingAction = "intervention.record";
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<Intervention> LoadAsync(string id, CancellationToken ct)
    {
        var item = await db.Set<Intervention>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("说情登记");
        if (!SeesAll && item.RecordedBy != user.Id)
        {
            throw new NotFoundException("说情登记"); // another recipient's record does not exist for this user
        }
        return item;
    }

    /// <summary>The records the user may read, newest first: words in the person, the matter or the request; or one person's key.</summary>
    public IQueryable<Intervention> Query(string? q, string? person)
    {
        var query = db.Set<Intervention>().AsNoTracking();
        if (!SeesAll)
        {
            var me = user.Id;
            query = query.Where(x => x.RecordedBy == me);
        }
        if (q.TrimToNull() is { } term)
        {
            query = query.Where(x => x.IntervenerName.Contains(term) || (x.IntervenerOrg != null && x.IntervenerOrg.Contains(term))
                || x.Matter.Contains(term) || x.Request.Contains(term) || (x.RelatedNumber != null && x.RelatedNumber.Contains(term)));
        }
        if (person.TrimToNull() is { } name)
        {
            query = query.Where(x => x.IntervenerName == name);
        }
        return query.OrderByDescending(x => x.OccurredAt).ThenBy(x => x.Id);
    }

    public async Task<Page<InterventionView>> SearchAsync(string? q, string? person, int page, int pageSize, CancellationToken ct)
    {
        (page, pageSize) = Paging.Check(page, pageSize);
        var query = Query(q, person);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<InterventionView>(await ViewsAsync(items, ct), total, page, pageSize);
    }

    public async Task<IReadOnlyList<InterventionView>> ViewsAsync(IReadOnlyList<Intervention> items, CancellationToken ct)
    {
        var userIds = items.Select(i => i.RecordedBy).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var unitIds = items.Select(i => i.RecordedByUnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return items.Select(i => new InterventionView(i.Id, i.IntervenerName, i.IntervenerOrg, WireEnum.Name(i.Channel), Intervention.Label(i.Channel), i.OccurredAt,
            i.Matter, i.RelatedNumber, i.Request, i.Response, i.RecordedBy, users.GetValueOrDefault(i.RecordedBy, ""),
            units.GetValueOrDefault(i.RecordedByUnitId, ""), i.RecordedAt)).ToList();
    }

    /// <summary>纪检: everyone who intervened, the most frequent first (the same name and organisation, spaces ignored).</summary>
    public async Task<IReadOnlyList<IntervenerCount>> PeopleAsync(string? from, string? to, CancellationToken ct)
    {
        if (!SeesAll)
        {
            throw new ForbiddenException("说情、打招呼的统计只对纪检开放");
        }
        var query = db.Set<Intervention>().AsNoTracking();
        if (WireDate.ParseOptional(from, "from") is { } start)
        {
            var s = ChinaTime.At(start, TimeOnly.MinValue);
            query = query.Where(x => x.OccurredAt >= s);
        }
        if (WireDate.ParseOptional(to, "to") is { } end)
        {
            var e = ChinaTime.At(end.AddDays(1), TimeOnly.MinValue);
            query = query.Where(x => x.OccurredAt < e);
        }
        var rows = await query.Select(x => new { x.IntervenerName, x.IntervenerOrg, x.RecordedBy, x.OccurredAt }).Take(50_000).ToListAsync(ct);
        return rows.GroupBy(x => Intervention.PersonKey(x.IntervenerName, x.IntervenerOrg))
            .Select(g => new IntervenerCount(g.First().IntervenerName, g.First().IntervenerOrg, g.Count(), g.Select(x => x.RecordedBy).Distinct().Count(),
                g.Min(x => x.OccurredAt), g.Max(x => x.OccurredAt)))
            .OrderByDescending(c => c.Count).ThenByDescending(c => c.Last).ToList();
    }
}
