using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Calendar;
using Zhengfeng.Features.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Services;

public sealed record ServiceItemRequest
{
    /// <summary>The unit the item belongs to; a unit's staff may leave it empty for their own unit.</summary>
    public string? UnitId { get; init; }

    [Required(ErrorMessage = "请填写事项名称")]
    [StringLength(100, MinimumLength = 2, ErrorMessage = "事项名称应为2至100字")]
    public required string Name { get; init; }

    [Range(0, 365, ErrorMessage = "承诺时限应为0至365个工作日（0为即办件）")]
    public int PromisedDays { get; init; }

    [Range(1, 365, ErrorMessage = "法定时限应为1至365个工作日")]
    public int LegalDays { get; init; }

    [Required(ErrorMessage = "请填写一次性告知的材料清单，每行一项")]
    [StringLength(4000, MinimumLength = 2, ErrorMessage = "材料清单应为2至4000字，每行一项")]
    public required string Materials { get; init; }

    [StringLength(500, ErrorMessage = "收费标准不能超过500字")]
    public string? Fees { get; init; }

    [StringLength(200, ErrorMessage = "办理地点不能超过200字")]
    public string? Place { get; init; }

    [StringLength(200, ErrorMessage = "办理时间不能超过200字")]
    public string? Hours { get; init; }

    [StringLength(1000, ErrorMessage = "设定依据不能超过1000字")]
    public string? LegalBasis { get; init; }

    public bool Published { get; init; }
}

public sealed record VisitApplicant(string? Name, string? Phone);

public sealed record LogVisitRequest
{
    [Required(ErrorMessage = "请选择服务事项")]
    public required string ServiceItemId { get; init; }

    public VisitApplicant? Applicant { get; init; }

    /// <summary>首问负责人: an account of the unit; empty is the one logging the visit.</summary>
    public string? FirstReceiverId { get; init; }

    /// <summary>When the applicant came, if earlier than now (logged afterwards).</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>当场办结: the visit is done as it is logged.</summary>
    public bool DoneOnTheSpot { get; init; }

    [StringLength(1000, ErrorMessage = "备注不能超过1000字")]
    public string? Note { get; init; }
}

public sealed record TellVisitRequest
{
    /// <summary>The materials that were missing, from the item's list or written out.</summary>
    [Required(ErrorMessage = "请选择或填写所缺的材料")]
    public required List<string> Missing { get; init; }
}

public sealed record TransferVisitRequest
{
    [Required(ErrorMessage = "请选择转办单位")]
    public required string UnitId { get; init; }

    [StringLength(1000, ErrorMessage = "转办说明不能超过1000字")]
    public string? Note { get; init; }
}

public sealed record VisitFilter(string? UnitId = null, string? Status = null, bool Overdue = false, bool Repeat = false, string? Q = null, int Page = 1, int Size = 20);

/// <summary>One unit's figures on the supervisors' overview.</summary>
public sealed record UnitServiceFigures(string UnitId, string UnitName, int Items, int Published, int Visits, int Done, int DoneOnTime, int Overdue,
    int Repeats, int Told, int Transferred);

/// <summary>
/// 窗口服务: each unit's service items (服务承诺制, 一次性告知清单), the public service guide, and the visits logged at the
/// window with the first receiver named (首问责任制), the outcome, and the limit counted in working days (限时办结制).
/// A unit's staff keep their own unit's items and visits (and the visits passed to them); supervision reads every unit.
/// </summary>
public sealed class ServiceWorkflow(AppDb db, TimeProvider clock, CurrentUser user, WorkCalendar calendar, ReporterIdentity identity)
{
    private DateTimeOffset Now => clock.GetUtcNow();

    public bool MayEditAll => user.IsIn(Roles.Supervisor, Roles.Admin);

    // ---- service items ----

    public async Task<ServiceItem> CreateItemAsync(ServiceItemRequest r, CancellationToken ct)
    {
        var unitId = string.IsNullOrWhiteSpace(r.UnitId) ? user.UnitId : r.UnitId.Trim();
        await EnsureMayEditUnitAsync(unitId, ct);
        Validate(r);
        var name = r.Name.Trim();
        await EnsureUniqueNameAsync(unitId, name, null, ct);
        var item = new ServiceItem { Id = Ids.New(), UnitId = unitId, Name = name, CreatedAt = Now };
        Apply(item, r);
        db.Add(item);
        db.PendingAction = "service.item-create";
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<ServiceItem> UpdateItemAsync(string id, ServiceItemRequest r, CancellationToken ct)
    {
        var item = await ItemAsync(id, ct);
        await EnsureMayEditUnitAsync(item.UnitId, ct);
        Validate(r);
        await EnsureUniqueNameAsync(item.UnitId, r.Name.Trim(), item.Id, ct);
        Apply(item, r);
        db.PendingAction = "service.item-update";
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<ServiceItem> ItemAsync(string id, CancellationToken ct)
    {
        var item = await db.Set<ServiceItem>().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("服务事项");
        await user.EnsureCanSeeUnitAsync(item.UnitId, ct);
        return item;
    }

    public async Task<List<ServiceItem>> ItemsAsync(string? unitId, string? q, CancellationToken ct)
    {
        var query = db.Set<ServiceItem>().AsNoTracking();
        if (await user.VisibleUnitsAsync(ct) is { } visible)
        {
            query = query.Where(i => visible.Contains(i.UnitId));
        }
        if (!string.IsNullOrWhiteSpace(unitId))
        {
            query = query.Where(i => i.UnitId == unitId);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(i => i.Name.Contains(text));
        }
        return await query.OrderBy(i => i.UnitId).ThenBy(i => i.Name).Take(LedgerLimit).ToListAsync(ct);
    }

    private const int LedgerLimit = 5000;

    private static void Validate(ServiceItemRequest r)
    {
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Trim().Length is < 2 or > 100)
        {
            throw new RuleException("service.bad_name", "事项名称应为2至100字", 400);
        }
        if (r.LegalDays is < 1 or > 365)
        {
            throw new RuleException("service.bad_legal_days", "法定时限应为1至365个工作日", 400);
        }
        if (r.PromisedDays is < 0 or > 365)
        {
            throw new RuleException("service.bad_promised_days", "承诺时限应为0至365个工作日（0为即办件）", 400);
        }
        if (r.PromisedDays > r.LegalDays)
        {
            throw new RuleException("service.promise_exceeds_legal",
                $"承诺时限（{r.PromisedDays}个工作日）不能超过法定时限（{r.LegalDays}个工作日），服务承诺只能比法定时限更短", 400);
        }
        if (ServiceItem.Lines(r.Materials).Count == 0)
        {
            throw new RuleException("service.materials_required", "请填写一次性告知的材料清单，每行一项", 400);
        }
    }

    private void Apply(ServiceItem item, ServiceItemRequest r)
    {
        item.Name = r.Name.Trim();
        item.PromisedDays = r.PromisedDays;
        item.LegalDays = r.LegalDays;
        item.Materials = string.Join('\n', ServiceItem.Lines(r.Materials));
        item.Fees = r.Fees.TrimToNull();
        item.Place = r.Place.TrimToNull();
        item.Hours = r.Hours.TrimToNull();
        item.LegalBasis = r.LegalBasis.TrimToNull();
        item.Published = r.Published;
        item.UpdatedAt = Now;
    }

    private async Task EnsureUniqueNameAsync(string unitId, string name, string? except, CancellationToken ct)
    {
        if (await db.Set<ServiceItem>().AnyAsync(i => i.UnitId == unitId && i.Name == name && i.Id != except, ct))
        {
            throw new RuleException("service.duplicate_name", $"本单位已有名为“{name}”的服务事项", 409);
        }
    }

    private async Task EnsureMayEditUnitAsync(string unitId, CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(u => u.Id == unitId, ct))
        {
            throw new RuleException("service.unknown_unit", "所属单位不存在，请从列表中选择", 400);
        }
        if (MayEditAll)
        {
            return;
        }
        if (!user.IsIn(Roles.Unit))
        {
            throw new ForbiddenException("服务事项由本单位或效能监督人员维护");
        }
        await user.EnsureCanSeeUnitAsync(unitId, ct);
    }

    // ---- public guide ----

    /// <summary>办事指南: the units with published items and how many, for anyone.</summary>
    public async Task<List<(string UnitId, string UnitName, int Items)>> GuideUnitsAsync(string? q, CancellationToken ct)
    {
        var query = db.Set<ServiceItem>().AsNoTracking().Where(i => i.Published);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            var units = await db.Units.AsNoTracking().Where(u => u.Name.Contains(text)).Select(u => u.Id).ToListAsync(ct);
            query = query.Where(i => i.Name.Contains(text) || units.Contains(i.UnitId));
        }
        var counts = await query.GroupBy(i => i.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var ids = counts.Select(c => c.Key).ToList();
        var names = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id) && u.IsActive).Select(u => new { u.Id, u.Name, u.SortOrder }).ToListAsync(ct);
        return names.OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => (u.Id, u.Name, counts.Single(c => c.Key == u.Id).Count)).ToList();
    }

    /// <summary>One unit's published items; a unit with none is not found (its guide is not public).</summary>
    public async Task<(string UnitName, List<ServiceItem> Items)> GuideAsync(string unitId, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId && u.IsActive, ct) ?? throw new NotFoundException("办事指南");
        var items = await db.Set<ServiceItem>().AsNoTracking().Where(i => i.UnitId == unitId && i.Published).OrderBy(i => i.Name).ToListAsync(ct);
        return items.Count == 0 ? throw new NotFoundException("办事指南") : (unit.Name, items);
    }

    // ---- window visits ----

    public async Task<WindowVisit> LogVisitAsync(LogVisitRequest r, CancellationToken ct)
    {
        EnsureUnitStaff();
        var item = await db.Set<ServiceItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == r.ServiceItemId, ct)
            ?? throw new RuleException("visit.unknown_item", "服务事项不存在，请从列表中选择", 400);
        if (!await user.CanSeeUnitAsync(item.UnitId, ct))
        {
            throw new RuleException("visit.foreign_item", "只能登记本单位服务事项的办件", 400);
        }
        var at = r.ReceivedAt ?? Now;
        if (at > Now.AddMinutes(5) || at < Now.AddDays(-90))
        {
            throw new RuleException("visit.bad_received_at", "来访时间不能晚于现在，也不能早于90天前", 400);
        }
        var name = r.Applicant?.Name?.Trim();
        var phone = r.Applicant?.Phone?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 50)
        {
            throw new RuleException("visit.name_required", "请填写办事人姓名（50字以内）", 400);
        }
        if (string.IsNullOrEmpty(phone) || PersonalText.Digits(phone).Length is < 7 or > 20)
        {
            throw new RuleException("visit.phone_required", "请填写办事人联系电话（7至20位数字），用于回访和识别重复跑腿", 400);
        }
        var receiver = await ReceiverAsync(r.FirstReceiverId, item.UnitId, ct);
        var hash = identity.PhoneHash(phone);
        var since = at.AddDays(-ServiceRules.RepeatDays);
        var earlier = await db.Set<WindowVisit>().AsNoTracking()
            .Where(v => v.ApplicantPhoneHash == hash && v.ServiceItemId == item.Id && v.ReceivedAt >= since && v.ReceivedAt <= at)
            .OrderByDescending(v => v.ReceivedAt).Select(v => v.Id).FirstOrDefaultAsync(ct);
        var id = Ids.New();
        var visit = new WindowVisit
        {
            Id = id, Number = "CK" + Case.NumberOf(id, at), UnitId = item.UnitId, ServiceItemId = item.Id, ReceivedAt = at,
            ApplicantNameEnc = identity.Protect(name), ApplicantPhoneEnc = identity.Protect(phone), ApplicantPhoneHash = hash,
            FirstReceiverId = receiver.Id, FirstReceiverName = receiver.DisplayName, RecordedBy = user.Id,
            DueAt = calendar.WorkdayDeadline(at, item.PromisedDays).DueAt, RepeatOfId = earlier, Note = r.Note.TrimToNull(),
        };
        if (r.DoneOnTheSpot)
        {
            visit.Complete(at, user.Id, onTheSpot: true);
        }
        db.Add(visit);
        db.PendingAction = "service.visit-log";
        await db.SaveChangesAsync(ct);
        return visit;
    }

    private async Task<(string Id, string DisplayName)> ReceiverAsync(string? receiverId, string unitId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(receiverId) || receiverId == user.Id)
        {
            return (user.Id, user.DisplayName);
        }
        var account = await db.Users.AsNoTracking().Where(u => u.Id == receiverId && u.IsActive).Select(u => new { u.Id, u.DisplayName, u.UnitId }).FirstOrDefaultAsync(ct);
        return account is null || account.UnitId != unitId
            ? throw new RuleException("visit.bad_receiver", "首问负责人应为本单位的工作人员，请从列表中选择", 400)
            : (account.Id, account.DisplayName);
    }

    public async Task<WindowVisit> VisitAsync(string id, CancellationToken ct)
    {
        EnsureMayReadVisits();
        var visit = await db.Set<WindowVisit>().FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw new NotFoundException("办件");
        if (!await user.CanSeeUnitAsync(visit.UnitId, ct) && !(visit.TransferredToUnitId is { } to && await user.CanSeeUnitAsync(to, ct)))
        {
            throw new ForbiddenException("无权查看其他单位的办件");
        }
        return visit;
    }

    public async Task<(List<WindowVisit> Items, int Total)> SearchVisitsAsync(VisitFilter f, CancellationToken ct)
    {
        var query = await FilteredAsync(f, ct);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(v => v.ReceivedAt).Skip((f.Page - 1) * f.Size).Take(f.Size).ToListAsync(ct);
        return (items, total);
    }

    public async Task<List<WindowVisit>> AllVisitsAsync(VisitFilter f, CancellationToken ct)
        => await (await FilteredAsync(f, ct)).OrderByDescending(v => v.ReceivedAt).Take(100_000).ToListAsync(ct);

    private async Task<IQueryable<WindowVisit>> FilteredAsync(VisitFilter f, CancellationToken ct)
    {
        EnsureMayReadVisits();
        var query = db.Set<WindowVisit>().AsNoTracking();
        if (await user.VisibleUnitsAsync(ct) is { } visible)
        {
            query = query.Where(v => visible.Contains(v.UnitId) || (v.TransferredToUnitId != null && visible.Contains(v.TransferredToUnitId)));
        }
        if (!string.IsNullOrWhiteSpace(f.UnitId))
        {
            query = query.Where(v => v.UnitId == f.UnitId || v.TransferredToUnitId == f.UnitId);
        }
        if (!string.IsNullOrWhiteSpace(f.Status))
        {
            var status = WireEnum.Parse<VisitStatus>(f.Status, "status");
            query = query.Where(v => v.Status == status);
        }
        if (f.Overdue)
        {
            var now = Now;
            query = query.Where(v => v.CompletedAt == null ? v.DueAt < now : v.CompletedAt > v.DueAt);
        }
        if (f.Repeat)
        {
            query = query.Where(v => v.RepeatOfId != null);
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim();
            var hash = PersonalText.Digits(q).Length >= 7 ? identity.PhoneHash(q) : null;
            var items = await db.Set<ServiceItem>().AsNoTracking().Where(i => i.Name.Contains(q)).Select(i => i.Id).ToListAsync(ct);
            query = query.Where(v => v.Number.Contains(q) || v.FirstReceiverName.Contains(q) || items.Contains(v.ServiceItemId) || (hash != null && v.ApplicantPhoneHash == hash));
        }
        return query;
    }

    public Task<WindowVisit> TellAsync(string id, TellVisitRequest r, CancellationToken ct)
        => StepAsync(id, "service.visit-tell", visit =>
        {
            var missing = (r.Missing ?? []).SelectMany(m => ServiceItem.Lines(m)).Distinct().ToList();
            if (missing.Count == 0 || missing.Sum(m => m.Length) > 3000)
            {
                throw new RuleException("visit.missing_required", "一次性告知须写明所缺的全部材料（至少一项）", 400);
            }
            visit.Tell(Now, missing);
            return Task.CompletedTask;
        }, ownUnitOnly: true, ct);

    public Task<WindowVisit> TransferAsync(string id, TransferVisitRequest r, CancellationToken ct)
        => StepAsync(id, "service.visit-transfer", async visit =>
        {
            if (r.UnitId == visit.UnitId)
            {
                throw new RuleException("visit.transfer_self", "不能转办给本单位，请选择承办该事项的其他单位", 400);
            }
            if (!await db.Units.AnyAsync(u => u.Id == r.UnitId && u.IsActive, ct))
            {
                throw new RuleException("visit.unknown_unit", "转办单位不存在，请从列表中选择", 400);
            }
            visit.Transfer(Now, r.UnitId, r.Note.TrimToNull());
        }, ownUnitOnly: true, ct);

    /// <summary>办结: by the first unit, or by the unit the visit was passed to once it is passed.</summary>
    public Task<WindowVisit> CompleteAsync(string id, CancellationToken ct)
        => StepAsync(id, "service.visit-complete", visit =>
        {
            visit.Complete(Now, user.Id);
            return Task.CompletedTask;
        }, ownUnitOnly: false, ct);

    private async Task<WindowVisit> StepAsync(string id, string action, Func<WindowVisit, Task> step, bool ownUnitOnly, CancellationToken ct)
    {
        EnsureUnitStaff();
        var visit = await VisitAsync(id, ct);
        var handler = !ownUnitOnly && visit.TransferredToUnitId is { } to ? to : visit.UnitId;
        if (!await user.CanSeeUnitAsync(handler, ct))
        {
            throw new ForbiddenException(visit.TransferredToUnitId is not null && !ownUnitOnly ? "该办件已转办，由承办单位办结" : "只有首问单位可以办理该办件");
        }
        await step(visit);
        db.PendingAction = action;
        await db.SaveChangesAsync(ct);
        return visit;
    }

    /// <summary>The applicant as lists show it: 张* 138****5678.</summary>
    public (string Name, string Phone) Masked(WindowVisit v)
        => (WindowVisit.MaskName(identity.Unprotect(v.ApplicantNameEnc)), WindowVisit.MaskPhone(identity.Unprotect(v.ApplicantPhoneEnc)));

    /// <summary>The applicant in full, on the visit's own page for the units handling it.</summary>
    public (string? Name, string? Phone) Applicant(WindowVisit v) => (identity.Unprotect(v.ApplicantNameEnc), identity.Unprotect(v.ApplicantPhoneEnc));

    // ---- overview ----

    public async Task<List<UnitServiceFigures>> FiguresAsync(CancellationToken ct)
    {
        EnsureOversight();
        var now = Now;
        var items = await db.Set<ServiceItem>().AsNoTracking().GroupBy(i => i.UnitId)
            .Select(g => new { g.Key, Count = g.Count(), Published = g.Count(i => i.Published) }).ToListAsync(ct);
        var visits = await db.Set<WindowVisit>().AsNoTracking()
            .Select(v => new { v.UnitId, v.Status, v.CompletedAt, v.DueAt, v.RepeatOfId, v.ToldAt, v.TransferredAt }).ToListAsync(ct);
        var unitIds = items.Select(i => i.Key).Concat(visits.Select(v => v.UnitId)).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => new { u.Id, u.Name, u.SortOrder }).ToListAsync(ct);
        return units.OrderBy(u => u.SortOrder).ThenBy(u => u.Name).Select(u =>
        {
            var i = items.FirstOrDefault(x => x.Key == u.Id);
            var vs = visits.Where(v => v.UnitId == u.Id).ToList();
            return new UnitServiceFigures(u.Id, u.Name, i?.Count ?? 0, i?.Published ?? 0, vs.Count, vs.Count(v => v.CompletedAt != null),
                vs.Count(v => v.CompletedAt is { } c && c <= v.DueAt), vs.Count(v => (v.CompletedAt ?? now) > v.DueAt), vs.Count(v => v.RepeatOfId != null),
                vs.Count(v => v.ToldAt != null), vs.Count(v => v.TransferredAt != null));
        }).ToList();
    }

    public async Task<Dictionary<string, string>> ItemNamesAsync(IEnumerable<WindowVisit> visits, CancellationToken ct)
    {
        var ids = visits.Select(v => v.ServiceItemId).Distinct().ToList();
        return await db.Set<ServiceItem>().AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
    }

    public async Task<Dictionary<string, string>> UnitNamesAsync(CancellationToken ct)
        => await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);

    /// <summary>首问负责人 choices: the active accounts of the unit.</summary>
    public async Task<List<(string Id, string Name)>> ReceiversAsync(CancellationToken ct)
    {
        var unitId = user.UnitId;
        var people = await db.Users.AsNoTracking().Where(u => u.UnitId == unitId && u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        return people.Select(p => (p.Id, p.DisplayName)).ToList();
    }

    private void EnsureUnitStaff()
    {
        if (!user.IsIn(Roles.Unit))
        {
            throw new ForbiddenException("窗口办件由本单位工作人员登记和办理");
        }
    }

    private void EnsureMayReadVisits()
    {
        if (!user.IsIn(Roles.Unit, Roles.Supervisor, Roles.Inspector, Roles.Leader, Roles.Admin))
        {
            throw new ForbiddenException("无权查看窗口办件");
        }
    }

    private void EnsureOversight()
    {
        if (!user.IsIn(Roles.Supervisor, Roles.Inspector, Roles.Leader, Roles.Admin))
        {
            throw new ForbiddenException("窗口服务总览只供监督人员查看");
        }
    }
}
