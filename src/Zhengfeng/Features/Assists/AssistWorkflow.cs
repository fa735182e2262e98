using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhengfeng.Data;
using Zhengfeng.Features.Assignments;
using Zhengfeng.Features.Calendar;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Exports;
using Zhengfeng.Features.Notifications;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Assists;

/// <summary>
/// Assigning, answering and reading 协办 duties. Only staff of the assist unit answer (give input or refuse); the lead unit
/// is told at once and reads the answer; supervisors, inspectors and leaders read every duty.
/// </summary>
public sealed class AssistWorkflow(
    AppDb db, TimeProvider clock, WorkCalendar calendar, CurrentUser user, UnitTree tree, Notifier notifier, IOptions<AssistRules> options)
{
    /// <summary>The part of an assist unit on a citizen case when the dispatcher names none.</summary>
    public const string DefaultCasePart = "配合主办单位办理并提出协办意见";

    public const int MaxPartLength = 1000;

    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>County-wide readers of every duty.</summary>
    private bool SeesAll => user.IsIn(Roles.Supervisor, Roles.Inspector, Roles.Leader, Roles.Admin);

    /// <summary>
    /// The assist units' duties of a new assignment, added to the caller's unit of work (saved and audited with the
    /// assignment itself). An assist unit that is also the lead unit is refused.
    /// </summary>
    public IReadOnlyList<AssistDuty> AddForAssignment(Assignment a, IReadOnlyList<(string UnitId, string Part)> parts, DateTimeOffset dueAt)
    {
        if (parts.Any(p => p.UnitId == a.LeadUnitId))
        {
            throw new RuleException("assist.lead_unit", "配合单位不能同时是牵头单位", StatusCodes.Status400BadRequest);
        }
        if (parts.Select(p => p.UnitId).Distinct().Count() != parts.Count)
        {
            throw new RuleException("assist.duplicate_unit", "同一配合单位不能重复列出", StatusCodes.Status400BadRequest);
        }
        var now = clock.GetUtcNow();
        var duties = parts.Select(p => new AssistDuty
        {
            Id = Ids.New(), OwnerType = AssistOwner.Assignment, OwnerId = a.Id, Round = 1, LeadUnitId = a.LeadUnitId, UnitId = p.UnitId,
            Part = string.IsNullOrWhiteSpace(p.Part) ? "配合牵头单位完成交办事项" : p.Part.Trim(), DueAt = dueAt, CreatedAt = now,
        }).ToList();
        db.AddRange(duties);
        return duties;
    }

    /// <summary>
    /// Refuses parts written for a unit that is not an assist unit of the dispatch, or too long; checked before anything changes.
    /// A blank part stands for the default one.
    /// </summary>
    public static void CheckParts(IReadOnlyDictionary<string, string>? parts, IReadOnlyCollection<string> assistUnitIds)
    {
        foreach (var (unitId, part) in parts ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrWhiteSpace(part))
            {
                continue;
            }
            if (!assistUnitIds.Contains(unitId))
            {
                throw new RuleException("assist.part_unit", "配合事项只能写给本次派单的协办单位", StatusCodes.Status400BadRequest);
            }
            if (part.Trim().Length > MaxPartLength)
            {
                throw new RuleException("assist.part_too_long", $"配合事项不能超过{MaxPartLength}字", StatusCodes.Status400BadRequest);
            }
        }
    }

    /// <summary>
    /// The duties of a case's current round after 派单, 改派 or 差评重办: one per assist unit, due <see cref="AssistRules.CaseWorkdays"/>
    /// working days from now but never after the case's handling deadline, added to the caller's unit of work (saved and audited
    /// with the dispatch). A dispatch restarts the clocks: the round's unanswered duties that are not yet due are withdrawn and
    /// issued afresh to the units of the new dispatch; answered duties, and those already past their deadline, stay on record.
    /// </summary>
    public async Task<IReadOnlyList<AssistDuty>> AddForCaseAsync(Case c, IReadOnlyDictionary<string, string>? parts, CancellationToken ct)
    {
        if (c.LeadUnitId is not { } leadUnitId)
        {
            return [];
        }
        var units = c.AssistUnits;
        CheckParts(parts, units);
        var now = Now;
        var earlier = await db.Set<AssistDuty>().Where(d => d.OwnerType == AssistOwner.Case && d.OwnerId == c.Id).ToListAsync(ct);
        var nodes = await tree.GetAsync(db, ct);
        var kept = new HashSet<string>();
        foreach (var d in earlier.Where(d => d.Round == c.Round))
        {
            if (d.Status == AssistStatus.Pending && now <= d.DueAt)
            {
                db.Remove(d);
                if (!units.Contains(d.UnitId))
                {
                    notifier.Notify(d.UnitId, "assist", $"协办任务已撤回：工单“{Short(c.Title, 60)}”（{c.Number}）已改派，本单位不再承担协办", c.Id);
                }
            }
            else
            {
                kept.Add(d.UnitId);
            }
        }
        var due = CaseDue(c, now);
        var lead = NameOf(nodes, leadUnitId);
        var added = new List<AssistDuty>();
        foreach (var unitId in units.Where(u => !kept.Contains(u)))
        {
            var part = parts?.GetValueOrDefault(unitId) is { } given && !string.IsNullOrWhiteSpace(given) ? given.Trim()
                : earlier.Where(d => d.UnitId == unitId).OrderByDescending(d => d.Round).Select(d => d.Part).FirstOrDefault() ?? DefaultCasePart;
            var duty = new AssistDuty
            {
                Id = Ids.New(), OwnerType = AssistOwner.Case, OwnerId = c.Id, Round = c.Round, LeadUnitId = leadUnitId, UnitId = unitId,
                Part = part, DueAt = due.DueAt, DueWhy = Short(due.Explanation, 300), CreatedAt = now,
            };
            db.Add(duty);
            added.Add(duty);
            var round = c.Round > 1 ? $"（第{c.Round}轮办理）" : "";
            notifier.Notify(unitId, "assist",
                $"协办派单{round}：{Short(c.Title, 60)}（{c.Number}），主办单位：{lead}，配合事项：{Short(part, 80)}，请于{ChinaTime.Format(due.DueAt)}前提交协办意见", c.Id);
        }
        return added;
    }

    /// <summary>The working-day limit from now, cut back to the case's handling deadline when that comes first.</summary>
    private Deadline CaseDue(Case c, DateTimeOffset now)
    {
        var days = options.Value.CaseWorkdays;
        var due = calendar.WorkdayDeadline(now, days);
        if (c.HandleDueAt is { } handle && handle < due.DueAt)
        {
            return new Deadline(handle, $"协办期限{days}个工作日晚于工单办理期限，以办理期限{ChinaTime.Format(handle)}为准");
        }
        return due with { Explanation = $"协办期限{days}个工作日：{due.Explanation}" };
    }

    /// <summary>协办意见, by staff of the assist unit; the lead unit is told.</summary>
    public async Task<AssistDuty> GiveAsync(string id, AssistInputRequest r, CancellationToken ct)
    {
        var d = await AnswerableAsync(id, ct);
        d.Give(user.Id, user.DisplayName, Now, r.Content);
        await NotifyLeadAsync(d, $"提交协办意见{(d.Late ? "（逾期）" : "")}：{Short(d.Input!, 80)}", ct);
        db.PendingAction = "assist.give";
        await db.SaveChangesAsync(ct);
        return d;
    }

    /// <summary>拒绝协办 with a reason, by staff of the assist unit; the lead unit is told.</summary>
    public async Task<AssistDuty> RefuseAsync(string id, AssistRefusalRequest r, CancellationToken ct)
    {
        var d = await AnswerableAsync(id, ct);
        d.Refuse(user.Id, user.DisplayName, Now, r.Reason);
        await NotifyLeadAsync(d, $"拒绝协办：{Short(d.RefusalReason!, 80)}", ct);
        db.PendingAction = "assist.refuse";
        await db.SaveChangesAsync(ct);
        return d;
    }

    private async Task NotifyLeadAsync(AssistDuty d, string what, CancellationToken ct)
    {
        var owner = (await AssistOwners.DescribeAsync(db, [d], ct))[(d.OwnerType, d.OwnerId)];
        var unit = NameOf(await tree.GetAsync(db, ct), d.UnitId);
        var number = owner.Number is null ? "" : $"（{owner.Number}）";
        notifier.Notify(d.LeadUnitId, "assist", $"{unit}就{owner.Label}“{Short(owner.Title, 60)}”{number}{what}", d.OwnerType == AssistOwner.Case ? d.OwnerId : null);
    }

    /// <summary>A duty the current user may answer: staff (role unit) of the assist unit or a unit below it, and not of the lead unit.</summary>
    private async Task<AssistDuty> AnswerableAsync(string id, CancellationToken ct)
    {
        var d = await db.Set<AssistDuty>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("协办任务");
        if (!await IsAssistStaffAsync(d, ct))
        {
            throw new ForbiddenException("只有协办单位的承办人员可以提交协办意见或拒绝协办");
        }
        return d;
    }

    /// <summary>Whether the current user is staff of the assist unit (or a unit below it) and not of the lead unit.</summary>
    public async Task<bool> IsAssistStaffAsync(AssistDuty d, CancellationToken ct)
    {
        if (!user.IsIn(Roles.Unit))
        {
            return false;
        }
        var nodes = await tree.GetAsync(db, ct);
        return InUnit(nodes, d.UnitId) && !InUnit(nodes, d.LeadUnitId);
    }

    /// <summary>One duty, for the assist unit, the lead unit (also the case's present lead unit), supervisors, inspectors, leaders and admins.</summary>
    public async Task<AssistDuty> LoadAsync(string id, CancellationToken ct)
    {
        var d = await db.Set<AssistDuty>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("协办任务");
        if (!await CanSeeAsync(d, ct))
        {
            throw new ForbiddenException("无权查看其他单位的协办任务");
        }
        return d;
    }

    private async Task<bool> CanSeeAsync(AssistDuty d, CancellationToken ct)
    {
        if (SeesAll)
        {
            return true;
        }
        if (!user.IsIn(Roles.Unit))
        {
            return false;
        }
        // Reading follows the one scope rule (own unit and the units below it), as the list does: a section does not read its parent's duties.
        if (await user.CanSeeUnitAsync(d.UnitId, ct) || await user.CanSeeUnitAsync(d.LeadUnitId, ct))
        {
            return true;
        }
        if (d.OwnerType != AssistOwner.Case)
        {
            return false;
        }
        var lead = await db.Set<Case>().Where(c => c.Id == d.OwnerId).Select(c => c.LeadUnitId).FirstOrDefaultAsync(ct);
        return lead is not null && await user.CanSeeUnitAsync(lead, ct);
    }

    /// <summary>
    /// The duties the filter selects within the user's scope: unit staff see the duties of their unit and the units below it,
    /// and the duties owed to them as the lead unit; supervisors, inspectors, leaders and admins see all; others none (403).
    /// </summary>
    public async Task<IQueryable<AssistDuty>> QueryAsync(AssistFilter f, CancellationToken ct)
    {
        var q = db.Set<AssistDuty>().AsNoTracking();
        if (!SeesAll)
        {
            if (!user.IsIn(Roles.Unit))
            {
                throw new ForbiddenException("无权查看协办任务");
            }
            var mine = UnitTree.Subtree(await tree.GetAsync(db, ct), user.UnitId).ToList();
            q = f.Side switch
            {
                AssistSide.Assist => q.Where(d => mine.Contains(d.UnitId)),
                AssistSide.Lead => q.Where(d => mine.Contains(d.LeadUnitId)),
                _ => q.Where(d => mine.Contains(d.UnitId) || mine.Contains(d.LeadUnitId)),
            };
        }
        if (f.Status is { } status)
        {
            q = q.Where(d => d.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(f.UnitId))
        {
            q = q.Where(d => d.UnitId == f.UnitId);
        }
        if (f.OwnerType is { } owner)
        {
            q = q.Where(d => d.OwnerType == owner);
        }
        if (!string.IsNullOrWhiteSpace(f.OwnerId))
        {
            q = q.Where(d => d.OwnerId == f.OwnerId);
        }
        if (f.Failure)
        {
            var now = Now;
            q = q.Where(d => d.Status == AssistStatus.Refused || d.Late || (d.Status == AssistStatus.Pending && d.DueAt < now));
        }
        return q;
    }

    /// <summary>Pending duties first, the nearest deadline first.</summary>
    public static IQueryable<AssistDuty> Ordered(IQueryable<AssistDuty> q)
        => q.OrderBy(d => d.Status == AssistStatus.Pending ? 0 : 1).ThenBy(d => d.DueAt).ThenBy(d => d.Id);

    public async Task<Page<AssistView>> SearchAsync(AssistFilter f, int page, int pageSize, CancellationToken ct)
    {
        (page, pageSize) = Paging.Check(page, pageSize);
        var q = await QueryAsync(f, ct);
        var total = await q.CountAsync(ct);
        var items = await Ordered(q).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<AssistView>(await ViewsAsync(items, ct), total, page, pageSize);
    }

    /// <summary>Every duty the filter selects, for the export; a result larger than the export limit is refused rather than cut.</summary>
    public async Task<IReadOnlyList<AssistView>> ExportAsync(AssistFilter f, CancellationToken ct)
    {
        var rows = await Ordered(await QueryAsync(f, ct)).Take(LedgerExports.MaxRows + 1).ToListAsync(ct);
        if (rows.Count > LedgerExports.MaxRows)
        {
            throw new RuleException("export.too_many_rows", $"导出结果超过{LedgerExports.MaxRows}行，请缩小筛选范围后分批导出", 422);
        }
        return await ViewsAsync(rows, ct);
    }

    /// <summary>The duties of a case, every round, the latest round first (the case page and the case API show them to whoever sees the case).</summary>
    public async Task<IReadOnlyList<AssistView>> ForCaseAsync(string caseId, CancellationToken ct)
    {
        var duties = await db.Set<AssistDuty>().AsNoTracking().Where(d => d.OwnerType == AssistOwner.Case && d.OwnerId == caseId)
            .OrderByDescending(d => d.Round).ThenBy(d => d.DueAt).ThenBy(d => d.Id).ToListAsync(ct);
        return await ViewsAsync(duties, ct);
    }

    /// <summary>How many duties the user's unit (and the units below it) still owes.</summary>
    public async Task<int> PendingForMyUnitAsync(CancellationToken ct)
    {
        var mine = UnitTree.Subtree(await tree.GetAsync(db, ct), user.UnitId).ToList();
        return await db.Set<AssistDuty>().CountAsync(d => mine.Contains(d.UnitId) && d.Status == AssistStatus.Pending, ct);
    }

    public async Task<AssistView> ViewAsync(AssistDuty d, CancellationToken ct) => (await ViewsAsync([d], ct))[0];

    public async Task<IReadOnlyList<AssistView>> ViewsAsync(IReadOnlyList<AssistDuty> duties, CancellationToken ct)
    {
        var owners = await AssistOwners.DescribeAsync(db, duties, ct);
        var nodes = await tree.GetAsync(db, ct);
        var names = nodes.ToDictionary(kv => kv.Key, kv => kv.Value.Name);
        var now = Now;
        return duties.Select(d => AssistView.From(d, now, names, owners[(d.OwnerType, d.OwnerId)])).ToList();
    }

    public async Task<string> UnitNameAsync(string unitId, CancellationToken ct) => NameOf(await tree.GetAsync(db, ct), unitId);

    private bool InUnit(IReadOnlyDictionary<string, UnitTree.Node> nodes, string unitId) => UnitTree.Subtree(nodes, unitId).Contains(user.UnitId);

    private static string NameOf(IReadOnlyDictionary<string, UnitTree.Node> nodes, string unitId) => nodes.TryGetValue(unitId, out var n) ? n.Name : unitId;

    private static string Short(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}

/// <summary>What a duty is part of, as its pages and lists show it: title, number, lead unit, deadline, status and address.</summary>
public sealed record AssistOwnerInfo(AssistOwner Type, string Id, string Title, string? Number, string? LeadUnitId, DateTimeOffset? DueAt, string StatusLabel, string Url)
{
    public string Label => AssistDuty.Label(Type);
}

/// <summary>Looks up the cases and assignments that duties belong to, in one query per kind.</summary>
public static class AssistOwners
{
    public static string Url(AssistOwner type, string id) => type == AssistOwner.Case ? $"/cases/{id}" : $"/assignments/{id}";

    public static async Task<IReadOnlyDictionary<(AssistOwner, string), AssistOwnerInfo>> DescribeAsync(AppDb db, IEnumerable<AssistDuty> duties, CancellationToken ct)
    {
        var list = duties.ToList();
        var caseIds = list.Where(d => d.OwnerType == AssistOwner.Case).Select(d => d.OwnerId).Distinct().ToList();
        var assignmentIds = list.Where(d => d.OwnerType == AssistOwner.Assignment).Select(d => d.OwnerId).Distinct().ToList();
        var result = new Dictionary<(AssistOwner, string), AssistOwnerInfo>();
        if (caseIds.Count > 0)
        {
            var cases = await db.Set<Case>().AsNoTracking().Where(c => caseIds.Contains(c.Id))
                .Select(c => new { c.Id, c.Title, c.RegisteredAt, c.LeadUnitId, c.HandleDueAt, c.Status }).ToListAsync(ct);
            foreach (var c in cases)
            {
                result[(AssistOwner.Case, c.Id)] = new AssistOwnerInfo(AssistOwner.Case, c.Id, c.Title, Case.NumberOf(c.Id, c.RegisteredAt), c.LeadUnitId, c.HandleDueAt,
                    CaseTransitions.Label(c.Status), Url(AssistOwner.Case, c.Id));
            }
        }
        if (assignmentIds.Count > 0)
        {
            var assignments = await db.Set<Assignment>().AsNoTracking().Where(a => assignmentIds.Contains(a.Id))
                .Select(a => new { a.Id, a.Title, a.Number, a.LeadUnitId, a.DueOn, a.Status }).ToListAsync(ct);
            foreach (var a in assignments)
            {
                result[(AssistOwner.Assignment, a.Id)] = new AssistOwnerInfo(AssistOwner.Assignment, a.Id, a.Title, a.Number.Length == 0 ? null : a.Number,
                    a.LeadUnitId, ChinaTime.EndOfDay(a.DueOn), Assignment.Label(a.Status), Url(AssistOwner.Assignment, a.Id));
            }
        }
        foreach (var d in list.Where(d => !result.ContainsKey((d.OwnerType, d.OwnerId))))
        {
            result[(d.OwnerType, d.OwnerId)] = new AssistOwnerInfo(d.OwnerType, d.OwnerId, $"{AssistDuty.Label(d.OwnerType)}已不存在", null, d.LeadUnitId, null, "",
                Url(d.OwnerType, d.OwnerId));
        }
        return result;
    }
}
