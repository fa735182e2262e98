using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>Case lists and the unit inbox, always within the current user's unit scope.</summary>
public sealed partial class CaseSearch(AppDb db, CurrentUser user, TimeProvider clock, CaseIndex index, ReporterIdentity identity)
{
    public sealed record Filter(CaseStatus? Status, string? UnitId, bool? Overdue, DateOnly? From, DateOnly? To, string? Q, string? CategoryCode);

    /// <summary>The most cases a text search ranks; the database then keeps those the user may see and the filters select.</summary>
    public const int MaxTextHits = 1000;

    private (string Text, IReadOnlyList<string> Ids)? _hits;

    public async Task<Page<Case>> SearchAsync(Filter f, int page, int pageSize, CancellationToken ct)
    {
        (page, pageSize) = Paging.Check(page, pageSize);
        var q = await QueryAsync(f, ct);
        if (_hits is { } hits && f.Q?.Trim() == hits.Text)
        {
            return await RankedAsync(q, hits.Ids, f.Q.Trim().ToUpperInvariant(), page, pageSize, ct);
        }
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
                var ids = await TextHitsAsync(text, ct);
                q = q.Where(c => c.TrackingCode == code || ids.Contains(c.Id));
            }
        }
        if (!string.IsNullOrWhiteSpace(f.CategoryCode))
        {
            q = q.Where(c => c.CategoryCode == f.CategoryCode);
        }
        return q;
    }

    /// <summary>
    /// The full-text index's best cases for a text (words, place names), and for the offices that may see reporters, a phone
    /// number's reporter: for anyone else a phone number is searched as text only, so the answer tells nothing of reporters.
    /// </summary>
    private async Task<IReadOnlyList<string>> TextHitsAsync(string text, CancellationToken ct)
    {
        var phone = MaySearchPhones && PhoneLike().IsMatch(text) ? identity.PhoneHash(PhoneDigits(text)) : null;
        var ids = (await index.CurrentAsync(ct)).Search(text, phone, MaxTextHits);
        _hits = (text, ids);
        return ids;
    }

    /// <summary>The offices that may reveal any reporter (as <see cref="CaseWorkflow.IsRevealOffice"/>) may find cases by phone.</summary>
    private bool MaySearchPhones => user.IsIn(Roles.Operator, Roles.Dispatcher, Roles.Admin, Roles.Inspector);

    private static string PhoneDigits(string text)
    {
        var digits = new string(text.Where(char.IsDigit).ToArray());
        return digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal) ? digits[2..] : digits;
    }

    /// <summary>A page of the cases that passed the filters, a tracking code's case first, then by the index's relevance.</summary>
    private async Task<Page<Case>> RankedAsync(IQueryable<Case> q, IReadOnlyList<string> ranked, string code, int page, int pageSize, CancellationToken ct)
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ranked.Count; i++)
        {
            rank[ranked[i]] = i;
        }
        var passing = await q.Select(c => new { c.Id, c.TrackingCode }).ToListAsync(ct);
        var order = passing.OrderBy(c => c.TrackingCode == code ? -1 : rank.GetValueOrDefault(c.Id, int.MaxValue)).Select(c => c.Id).ToList();
        var pageIds = order.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var items = await db.Set<Case>().AsNoTracking().Where(c => pageIds.Contains(c.Id)).ToListAsync(ct);
        return new Page<Case>(items.OrderBy(c => pageIds.IndexOf(c.Id)).ToList(), passing.Count, page, pageSize);
    }

    /// <summary>Where a searched word occurs in the case's content or address: some text before it, the word, some after.</summary>
    public static (string Before, string Hit, string After)? Snippet(Case c, string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return null;
        }
        foreach (var word in q.Split((char[])[' ', '\u3000', '\t', ',', '，'], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var text in (string?[])[c.Content, c.Address])
            {
                var at = text?.IndexOf(word, StringComparison.OrdinalIgnoreCase) ?? -1;
                if (at >= 0)
                {
                    var from = Math.Max(0, at - 16);
                    var end = Math.Min(text!.Length, at + word.Length + 40);
                    return ((from > 0 ? "…" : "") + text[from..at], text.Substring(at, word.Length), text[(at + word.Length)..end] + (end < text.Length ? "…" : ""));
                }
            }
        }
        return null;
    }

    public static readonly CaseStatus[] OpenStatuses = [CaseStatus.Dispatched, CaseStatus.Handling, CaseStatus.ReturnRequested, CaseStatus.Reopened];

    private async Task<IQueryable<Case>> ScopedAsync(CancellationToken ct)
    {
        var q = db.Set<Case>().AsNoTracking();
        var visible = await user.VisibleUnitsAsync(ct);
        if (visible is not null)
        {
            var ids = visible.ToList();
            q = user.IsAreaWide
                ? q.Where(Case.LedOrPlacedIn(ids))
                : q.Where(c => c.LeadUnitId != null && ids.Contains(c.LeadUnitId));
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

    public sealed record MergeCandidate(Case Case, double Score, IReadOnlyList<string> Reasons, IReadOnlyList<Case> Repeats);

    /// <summary>How far apart in time a repeat request may be registered.</summary>
    public static readonly TimeSpan MergeWindow = TimeSpan.FromDays(30);

    /// <summary>How close two cases with coordinates count as the same place, in metres.</summary>
    public const double NearMetres = 300;

    /// <summary>
    /// 并单 candidates: other requests not merged nor closed, registered within 30 days either side, from the same reporter (by
    /// the phone's keyed hash), or at the same place (address, road or community, or within 300 m) with a similar text or the
    /// same category at the same address; best first. Near-identical ones are grouped under the best of them.
    /// </summary>
    public async Task<IReadOnlyList<MergeCandidate>> MergeCandidatesAsync(Case c, CancellationToken ct, int take = 8)
    {
        var probe = new CaseDoc(c.Id, c.Title, c.Content, c.Address, c.CategoryCode, c.RegisteredAt, c.Lat, c.Lon, c.ReporterPhoneHash);
        var hits = (await index.CurrentAsync(ct)).Similar(probe, MergeWindow, NearMetres, 60);
        var ids = hits.Select(h => h.Id).ToList();
        var open = await (await ScopedAsync(ct))
            .Where(x => ids.Contains(x.Id) && x.Status != CaseStatus.Merged && x.Status != CaseStatus.Closed).ToDictionaryAsync(x => x.Id, ct);
        var mine = TextLikeness.Pairs(c.Title + c.Content);
        var places = CasePlaces.Keys(c.Address).ToHashSet(StringComparer.Ordinal);
        var scored = new List<(MergeCandidate Candidate, HashSet<string> Pairs)>();
        foreach (var hit in hits)
        {
            if (!open.TryGetValue(hit.Id, out var x))
            {
                continue;
            }
            var pairs = TextLikeness.Pairs(x.Title + x.Content);
            var likeness = TextLikeness.Jaccard(mine, pairs);
            var sameReporter = c.ReporterPhoneHash is not null && hit.PhoneHash == c.ReporterPhoneHash;
            var sameAddress = hit.Places.Any(p => p.StartsWith("a:", StringComparison.Ordinal) && places.Contains(p));
            var near = sameAddress || hit.Places.Any(places.Contains)
                || (c.Lat is { } lat && c.Lon is { } lon && hit.Lat is { } hLat && hit.Lon is { } hLon && CasePlaces.Metres(lat, lon, hLat, hLon) <= NearMetres);
            var sameCategory = x.CategoryCode == c.CategoryCode;
            if (!sameReporter && !(near && (likeness >= 0.3 || (sameAddress && sameCategory))))
            {
                continue;
            }
            var reasons = new List<string>();
            if (sameReporter)
            {
                reasons.Add("同一诉求人");
            }
            if (near)
            {
                reasons.Add(sameAddress ? "同一地址" : "地点相近");
            }
            if (likeness >= 0.3)
            {
                reasons.Add($"内容相似（{likeness * 100:0}%）");
            }
            if (sameCategory)
            {
                reasons.Add("同类问题");
            }
            var score = Math.Min(1, 0.6 * likeness + (sameReporter ? 0.25 : 0) + (sameAddress ? 0.15 : near ? 0.1 : 0) + (sameCategory ? 0.05 : 0));
            scored.Add((new MergeCandidate(x, Math.Round(score, 2), reasons, []), pairs));
        }
        var groups = new List<(MergeCandidate Lead, HashSet<string> Pairs, List<Case> Repeats)>();
        foreach (var (candidate, pairs) in scored.OrderByDescending(s => s.Candidate.Score).ThenByDescending(s => s.Candidate.Case.RegisteredAt)
                     .ThenByDescending(s => s.Candidate.Case.Id, StringComparer.Ordinal))
        {
            var same = groups.FindIndex(g => g.Lead.Case.CategoryCode == candidate.Case.CategoryCode && TextLikeness.Jaccard(g.Pairs, pairs) >= 0.85);
            if (same >= 0)
            {
                groups[same].Repeats.Add(candidate.Case);
            }
            else
            {
                groups.Add((candidate, pairs, []));
            }
        }
        return groups.Take(take).Select(g => g.Lead with { Repeats = g.Repeats }).ToList();
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
        _ => $"近{DoneDays}日办结",
    };

    /// <summary>
    /// How far back the 办结 box reaches: an inbox holds the work at hand and what was finished lately, so its count stays the
    /// same size however many years of cases a unit has led (older cases are found in the case list).
    /// </summary>
    public const int DoneDays = 30;

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
        // The open boxes' counts in one pass over the unit's open entries of the (unit, status, deadline) index: per status,
        // with the deadline's side of now. The 办结 box counts the (unit, reply time, status) index's recent entries.
        var byStatus = await mine.Where(c => OpenStatuses.Contains(c.Status)).GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, All = g.Count(), Overdue = g.Count(c => c.HandleDueAt < now), Soon = g.Count(c => c.HandleDueAt >= now && c.HandleDueAt < soon) })
            .ToListAsync(ct);
        var counts = BoxStatuses.ToDictionary(b => b.Key, b => byStatus.Where(x => b.Value.Contains(x.Status))
            .Sum(x => b.Key switch { Box.DueSoon => x.Soon, Box.Overdue => x.Overdue, _ => x.All }));
        counts[Box.Done] = await InBox(mine, Box.Done, now, soon).CountAsync(ct);
        var list = InBox(mine, selected, now, soon);
        list = selected == Box.Done ? list.OrderByDescending(c => c.RepliedAt) : list.OrderBy(c => c.HandleDueAt);
        return new Inbox(unitId, counts, selected, await list.Take(Math.Clamp(take, 1, 200)).ToListAsync(ct));
    }

    /// <summary>The statuses each box holds; 即将超期 and 已超期 also look at the deadline (<see cref="InBox"/>).</summary>
    private static readonly Dictionary<Box, CaseStatus[]> BoxStatuses = new()
    {
        [Box.ToSign] = [CaseStatus.Dispatched],
        [Box.Handling] = [CaseStatus.Handling, CaseStatus.Reopened],
        [Box.DueSoon] = OpenStatuses,
        [Box.Overdue] = OpenStatuses,
        [Box.Returning] = [CaseStatus.ReturnRequested],
        [Box.Done] = [CaseStatus.Replied, CaseStatus.Closed],
    };

    private static IQueryable<Case> InBox(IQueryable<Case> q, Box box, DateTimeOffset now, DateTimeOffset soon)
    {
        var statuses = BoxStatuses[box];
        q = q.Where(c => statuses.Contains(c.Status));
        return box switch
        {
            Box.DueSoon => q.Where(c => c.HandleDueAt >= now && c.HandleDueAt < soon),
            Box.Overdue => q.Where(c => c.HandleDueAt < now),
            Box.Done => q.Where(c => c.RepliedAt >= now.AddDays(-DoneDays)),
            _ => q,
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\+?[0-9][0-9 -]{6,18}$")]
    private static partial System.Text.RegularExpressions.Regex PhoneLike();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{8}-[0-9A-F]{6}$")]
    private static partial System.Text.RegularExpressions.Regex CaseNumber();
}
