using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Replies;

/// <summary>A stored flag as the supervisor's list shows it.</summary>
public sealed record ReplyFlagView(
    string Id, string CaseId, string CaseNumber, string CaseTitle, int Round, string UnitId, string UnitName,
    string Code, string Label, string Detail, string? SimilarCaseId, string? SimilarCaseNumber, DateTimeOffset At);

/// <summary>The filters of the list, its API and its export.</summary>
public sealed record ReplyFlagFilter(string? Code, string? UnitId, DateOnly? From, DateOnly? To)
{
    public static ReplyFlagFilter Parse(string? code, string? unitId, string? from, string? to)
    {
        code = string.IsNullOrWhiteSpace(code) ? null : code.Trim();
        if (code is not null && !ReplyFlagCodes.All.Contains(code))
        {
            throw new RuleException("bad_value", $"字段“code”：应为 {string.Join("、", ReplyFlagCodes.All)} 之一", StatusCodes.Status400BadRequest);
        }
        return new(code, string.IsNullOrWhiteSpace(unitId) ? null : unitId.Trim(), WireDate.ParseOptional(from, "from"), WireDate.ParseOptional(to, "to"));
    }
}

/// <summary>
/// Runs the reply check against the database: the unit's most recent earlier replies (bounded), the requests of the few that
/// look alike, and stores what it found when a reply is given. Lists the stored flags for supervision.
/// </summary>
public sealed class ReplyChecker(AppDb db, TimeProvider clock, ILogger<ReplyChecker> log)
{
    /// <summary>How many look-alike earlier replies have their requests read to tell a copy from a repeated request.</summary>
    private const int CandidateLimit = 10;

    public async Task<IReadOnlyList<ReplyFlagFinding>> CheckAsync(Case c, string reply, CancellationToken ct)
    {
        var earlier = new List<EarlierReply>();
        if (c.LeadUnitId is { } unit)
        {
            var rows = await db.Set<Case>().AsNoTracking()
                .Where(x => x.LeadUnitId == unit && x.Id != c.Id && x.ReplyContent != null)
                .OrderByDescending(x => x.RepliedAt).Take(ReplyCheck.EarlierLimit)
                .Select(x => new { x.Id, x.RegisteredAt, x.ReplyContent })
                .ToListAsync(ct);
            earlier = [.. rows.Select(x => new EarlierReply(x.Id, Case.NumberOf(x.Id, x.RegisteredAt), x.ReplyContent!))];
        }
        var candidates = ReplyCheck.CopyCandidates(reply, earlier).Take(CandidateLimit).ToList();
        var ids = candidates.Select(x => x.CaseId).ToList();
        var requests = ids.Count == 0 ? [] : await db.Set<Case>().AsNoTracking().Where(x => ids.Contains(x.Id))
            .Select(x => new { x.Id, x.Title, x.Content }).ToDictionaryAsync(x => x.Id, x => x.Title + "\n" + x.Content, ct);
        return ReplyCheck.Check(c.Title, c.Content, reply, candidates, requests.GetValueOrDefault);
    }

    /// <summary>
    /// Adds the flags of the reply just given to the pending save. A failing check is logged and leaves the reply as it is.
    /// </summary>
    public async Task RecordAsync(Case c, CancellationToken ct)
    {
        try
        {
            if (c.ReplyContent is null || c.LeadUnitId is null)
            {
                return;
            }
            var now = clock.GetUtcNow();
            foreach (var f in await CheckAsync(c, c.ReplyContent, ct))
            {
                db.Add(new ReplyFlag
                {
                    Id = Ids.New(), CaseId = c.Id, Round = c.Round, UnitId = c.LeadUnitId, Code = f.Code,
                    Detail = f.Detail.Length > 500 ? f.Detail[..500] : f.Detail, SimilarCaseId = f.SimilarCaseId, At = now,
                });
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Reply check failed for case {CaseId}; the reply is saved without flags", c.Id);
        }
    }

    public IQueryable<ReplyFlag> Query(ReplyFlagFilter f)
    {
        var q = db.Set<ReplyFlag>().AsNoTracking();
        if (f.Code is not null)
        {
            q = q.Where(x => x.Code == f.Code);
        }
        if (f.UnitId is not null)
        {
            q = q.Where(x => x.UnitId == f.UnitId);
        }
        if (f.From is { } from)
        {
            var start = ChinaTime.At(from, TimeOnly.MinValue);
            q = q.Where(x => x.At >= start);
        }
        if (f.To is { } to)
        {
            var end = ChinaTime.EndOfDay(to);
            q = q.Where(x => x.At <= end);
        }
        return q.OrderByDescending(x => x.At).ThenBy(x => x.Id);
    }

    public async Task<Page<ReplyFlagView>> SearchAsync(ReplyFlagFilter f, int page, int pageSize, CancellationToken ct)
    {
        (page, pageSize) = Paging.Check(page, pageSize);
        var q = Query(f);
        var total = await q.CountAsync(ct);
        var rows = await q.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<ReplyFlagView>(await ViewsAsync(rows, ct), total, page, pageSize);
    }

    public async Task<IReadOnlyList<ReplyFlagView>> ViewsAsync(IReadOnlyList<ReplyFlag> rows, CancellationToken ct)
    {
        var caseIds = rows.Select(r => r.CaseId).Concat(rows.Where(r => r.SimilarCaseId != null).Select(r => r.SimilarCaseId!)).Distinct().ToList();
        var cases = await db.Set<Case>().AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Title, c.RegisteredAt }).ToDictionaryAsync(c => c.Id, ct);
        var unitIds = rows.Select(r => r.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        string Number(string id) => cases.TryGetValue(id, out var c) ? Case.NumberOf(c.Id, c.RegisteredAt) : id;
        return [.. rows.Select(r => new ReplyFlagView(r.Id, r.CaseId, Number(r.CaseId), cases.TryGetValue(r.CaseId, out var c) ? c.Title : "",
            r.Round, r.UnitId, units.GetValueOrDefault(r.UnitId, r.UnitId), r.Code, ReplyFlagCodes.Label(r.Code), r.Detail,
            r.SimilarCaseId, r.SimilarCaseId is null ? null : Number(r.SimilarCaseId), r.At))];
    }

    /// <summary>The flags stored for one case, newest first (shown on the case page).</summary>
    public async Task<IReadOnlyList<ReplyFlagView>> ForCaseAsync(string caseId, CancellationToken ct)
        => await ViewsAsync(await db.Set<ReplyFlag>().AsNoTracking().Where(x => x.CaseId == caseId).OrderByDescending(x => x.At).Take(50).ToListAsync(ct), ct);
}
