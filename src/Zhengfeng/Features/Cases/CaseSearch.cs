using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>Case lists and the unit inbox, always within the current user's unit scope.</summary>
public sealed partial class CaseSearch(AppDb db, CurrentUser user, TimeProvider clock)
{
    public sealed record Filter(CaseStatus? Status, string? UnitId, bool? Overdue, DateOnly? From, DateOnly? To, string? Q, string? CategoryCode);

    public async Task<Page<Case>> SearchAsync(Filter f, int page, int pageSize, CancellationToken ct)
    {
        (page, pageSize) = Paging.Check(page, pageSize);
        var q = await QueryAsync(f, ct);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(c => c.RegisteredAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<Case>(items, total, page, pageSize);
    }

    /// <summary>The cases the filter selects within the user's scope, unordered (the list pages them, the export streams them).</summary>
    public async Task<IQueryable<Case>> QueryAsync(Filter f, CancellationToken ct)
    {
        var q = await ScopedAsync(ct);
        var now = clock.GetUtcNow();
        if (f.Status is { } status)
        {
            q = q.Where(c => c.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(f.UnitId))
        {
            q = q.Where(c => c.LeadUnitId == f.UnitId);
        }
        if (f.Overdue == true)
        {
            q = q.Where(c => OpenStatuses.Contains(c.Status) && c.HandleDueAt < now);
        }
        else if (f.Overdue == false)
        {
            q = q.Where(c => !(OpenStatuses.Contains(c.Status) && c.HandleDueAt < now));
        }
        if (f.From is { } from)
        {
            var start = ChinaTime.At(from, TimeOnly.MinValue);
            q = q.Where(c => c.RegisteredAt >= start);
        }
        if (f.To is { } to)
        {
            var end = ChinaTime.At(to.AddDays(1), TimeOnly.MinValue);
            q = q.Where(c => c.RegisteredAt < end);
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim();
            var code = text.ToUpperInvariant();
            if (CaseNumber().IsMatch(code)
                && DateOnly.TryParseExact(code[..8], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            {
                // 工单编号: the registration day (China time) and the end of the id
                var idEnd = code[^6..].ToLowerInvariant();
                var (start, end) = (ChinaTime.At(day, TimeOnly.MinValue), ChinaTime.At(day.AddDays(1), TimeOnly.MinValue));
                q = q.Where(c => c.Id.EndsWith(idEnd) && c.RegisteredAt >= start && c.RegisteredAt < end);
            }
            else
            {
                q = q.Where(c => c.TrackingCode == code || c.Title.Contains(text) || c.Content.Contains(text) || (c.Address != null && c.Address.Contains(text)));
            }
        }
        if (!string.IsNullOrWhiteSpace(f.CategoryCode))
        {
            q = q.Where(c => c.CategoryCode == f.CategoryCode);
        }
        return q;
    }

    public static readonly CaseStatus[] OpenStatuses = [CaseStatus.Dispatched, CaseStatus.Handling, CaseStatus.ReturnRequested, CaseStatus.Reopened];

    private async Task<IQueryable<Case>> ScopedAsync(CancellationToken ct)
    {
        var q = db.Set<Case>().AsNoTracking();
        var visible = await user.VisibleUnitsAsync(ct);
        if (visible is not null)
        {
            var ids = visible.ToList();
            q = q.Where(c => c.LeadUnitId != null && ids.Contains(c.LeadUnitId));
        }
        return q;
    }

    /// <summary>The case a person names by its 工单编号 (within their scope), e.g. the main case of a 并单.</summary>
    public async Task<Case> FindByNumberAsync(string? number, CancellationToken ct)
    {
        var code = (number ?? "").Trim().ToUpperInvariant();
        if (!CaseNumber().IsMatch(code))
        {
            throw new RuleException("case.bad_number", "请填写主工单的工单编号，如 20261102-3F9A1C", 400);
        }
        var found = await (await QueryAsync(new Filter(null, null, null, null, null, code, null), ct)).Take(2).ToListAsync(ct);
        return found.Count == 1 ? found[0] : throw new RuleException("case.number_not_found", $"没有找到工单编号为 {code} 的工单", 400);
    }

    /// <summary>
    /// 并单 candidates: other open or answered requests of the last 30 days from the same reporter (by the phone's keyed hash), or of
    /// the same category at the same address, newest first.
    /// </summary>
    public async Task<IReadOnlyList<Case>> RepeatCandidatesAsync(Case c, CancellationToken ct)
    {
        var since = c.RegisteredAt.AddDays(-30);
        var candidates = (await ScopedAsync(ct)).Where(x => x.Id != c.Id && x.RegisteredAt >= since
            && x.Status != CaseStatus.Merged && x.Status != CaseStatus.Closed
            && ((c.ReporterPhoneHash != null && x.ReporterPhoneHash == c.ReporterPhoneHash)
                || (c.Address != null && x.Address == c.Address && x.CategoryCode == c.CategoryCode)));
        return await candidates.OrderByDescending(x => x.RegisteredAt).Take(5).ToListAsync(ct);
    }

    /// <summary>
    /// 回访任务: named requests the hotline must call back — rated 不满意 or worse with no return visit since the rating (实名差评回访率
    /// 100%), or answered and left unrated past the rating window with no return visit since the reply (the case cannot be closed
    /// without one). Oldest first.
    /// </summary>
    public IQueryable<Case> ReturnVisitTasks()
    {
        var now = clock.GetUtcNow();
        var visits = db.Set<CaseEvent>().Where(e => e.Action == CaseEventKind.ReturnVisit);
        return db.Set<Case>().AsNoTracking().Where(c => !c.Anonymous && (
            (c.RatingLevel <= 2 && c.RatedAt != null && (c.Status == CaseStatus.Reopened || c.Status == CaseStatus.Replied)
                && !visits.Any(e => e.CaseId == c.Id && e.At >= c.RatedAt))
            || (c.Status == CaseStatus.Replied && c.RatedAt == null && c.FeedbackDueAt < now
                && !visits.Any(e => e.CaseId == c.Id && e.At >= c.RepliedAt))));
    }

    // The inbox's box names are run together on the wire ("tosign", "duesoon").
    public enum Box
    {
        [System.Text.Json.Serialization.JsonStringEnumMemberName("tosign")] ToSign,
        Handling,
        [System.Text.Json.Serialization.JsonStringEnumMemberName("duesoon")] DueSoon,
        Overdue,
        Returning,
        Done,
    }

    public static string BoxLabel(Box box) => box switch
    {
        Box.ToSign => "待签收",
        Box.Handling => "办理中",
        Box.DueSoon => "即将超期",
        Box.Overdue => "已超期",
        Box.Returning => "退单中",
        _ => "已办结",
    };

    public sealed record Inbox(string UnitId, IReadOnlyDictionary<Box, int> Counts, Box Selected, IReadOnlyList<Case> Items);

    /// <summary>A unit's inbox: counts per box and the selected box's cases, most urgent first.</summary>
    /// <param name="assigneeId">Only the cases given to this person of the unit (只看交我办理的).</param>
    public async Task<Inbox> InboxAsync(string unitId, Box selected, int take, CancellationToken ct, string? assigneeId = null)
    {
        await user.EnsureCanSeeUnitAsync(unitId, ct);
        var now = clock.GetUtcNow();
        var soon = now.AddHours(24);
        var mine = db.Set<Case>().AsNoTracking().Where(c => c.LeadUnitId == unitId);
        if (assigneeId is not null)
        {
            mine = mine.Where(c => c.AssigneeId == assigneeId);
        }
        var counts = new Dictionary<Box, int>();
        foreach (var box in Enum.GetValues<Box>())
        {
            counts[box] = await InBox(mine, box, now, soon).CountAsync(ct);
        }
        var list = InBox(mine, selected, now, soon);
        list = selected == Box.Done ? list.OrderByDescending(c => c.RepliedAt) : list.OrderBy(c => c.HandleDueAt);
        return new Inbox(unitId, counts, selected, await list.Take(Math.Clamp(take, 1, 200)).ToListAsync(ct));
    }

    private static IQueryable<Case> InBox(IQueryable<Case> q, Box box, DateTimeOffset now, DateTimeOffset soon) => box switch
    {
        Box.ToSign => q.Where(c => c.Status == CaseStatus.Dispatched),
        Box.Handling => q.Where(c => c.Status == CaseStatus.Handling || c.Status == CaseStatus.Reopened),
        Box.DueSoon => q.Where(c => OpenStatuses.Contains(c.Status) && c.HandleDueAt >= now && c.HandleDueAt < soon),
        Box.Overdue => q.Where(c => OpenStatuses.Contains(c.Status) && c.HandleDueAt < now),
        Box.Returning => q.Where(c => c.Status == CaseStatus.ReturnRequested),
        _ => q.Where(c => c.Status == CaseStatus.Replied || c.Status == CaseStatus.Closed),
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{8}-[0-9A-F]{6}$")]
    private static partial System.Text.RegularExpressions.Regex CaseNumber();
}
