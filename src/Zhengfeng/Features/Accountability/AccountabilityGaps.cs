using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accountability;

/// <summary>One verified problem no accountability case was ever opened on: a clue found true, or a red notice.</summary>
public sealed record AccountabilityGap(string Kind, string KindLabel, string Id, string UnitId, string UnitName, string Title, DateTimeOffset Since,
    int Days, string Url, string OpenUrl);

/// <summary>
/// 重整改、轻追责: verified clues (属实、部分属实) and red supervision notices older than a set number of days that no
/// accountability case names as its source. The office sees which problems were only ever rectified.
/// </summary>
public sealed class AccountabilityGaps(AppDb db, TimeProvider clock, CurrentUser user, IConfiguration config)
{
    /// <summary>Days after the verification or the red notice from which a problem without accountability is listed.</summary>
    public int DefaultDays => config.GetValue("Accountability:GapDays", 30);

    public async Task<IReadOnlyList<AccountabilityGap>> ListAsync(int? days, string? unitId, CancellationToken ct)
    {
        var d = days ?? DefaultDays;
        if (d is < 0 or > 3650)
        {
            throw new RuleException("accountability.bad_days", "天数应为0至3650", 400);
        }
        var now = clock.GetUtcNow();
        var before = now.AddDays(-d);
        var visible = await user.VisibleUnitsAsync(ct);
        var opened = db.Set<AccountabilityCase>().AsNoTracking();
        var clues = db.Set<Clue>().AsNoTracking()
            .Where(c => c.Status == ClueStatus.Verified && c.VerifiedAt < before && !opened.Any(a => a.ClueId == c.Id));
        var notices = db.Set<SupervisionNotice>().AsNoTracking()
            .Where(n => n.Level == NoticeLevel.Red && n.IssuedAt < before && !opened.Any(a => a.NoticeId == n.Id));
        if (!string.IsNullOrWhiteSpace(unitId))
        {
            clues = clues.Where(c => c.UnitId == unitId);
            notices = notices.Where(n => n.UnitId == unitId);
        }
        if (visible is not null)
        {
            var units = visible.ToList();
            clues = clues.Where(c => units.Contains(c.UnitId));
            notices = notices.Where(n => units.Contains(n.UnitId));
        }
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var gaps = (await clues.Take(2000).ToListAsync(ct)).Select(c => Gap("clue", "核实属实的问题线索", c.Id, c.UnitId,
                $"{Clue.Label(c.Result)}：{c.Content}", c.VerifiedAt!.Value, $"/clues/{c.Id}", $"/accountability/new?source=clue&clueId={c.Id}"))
            .Concat((await notices.Take(2000).ToListAsync(ct)).Select(n => Gap("notice", "红牌督办", n.Id, n.UnitId,
                $"{n.Number} {n.Reason}", n.IssuedAt, $"/notices/{n.Id}", $"/accountability/new?source=notice&noticeId={n.Id}")));
        return gaps.OrderByDescending(g => g.Days).ThenBy(g => g.Id, StringComparer.Ordinal).ToList();

        AccountabilityGap Gap(string kind, string label, string id, string unit, string title, DateTimeOffset since, string url, string open)
            => new(kind, label, id, unit, names.GetValueOrDefault(unit, unit), title, since, (int)(now - since).TotalDays, url, open);
    }
}
