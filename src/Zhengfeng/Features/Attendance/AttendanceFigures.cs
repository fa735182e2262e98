using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhengfeng.Data;
using Zhengfeng.Features.Calendar;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Attendance;

public enum DayResult { Normal, Late, EarlyLeave, LateAndEarly, Absent, Leave }

/// <summary>One judged workday of a cadre.</summary>
public sealed record CadreDay(string CadreId, string UnitId, DateOnly Day, DayResult Result, bool SpotCheckAbsent, DateTimeOffset? FirstPunch, DateTimeOffset? LastPunch)
{
    public bool IsLate => Result is DayResult.Late or DayResult.LateAndEarly;
    public bool IsEarly => Result is DayResult.EarlyLeave or DayResult.LateAndEarly;
}

/// <summary>A cadre's month: counts of late days, early leaves, 旷工 days, leave days and absences found by 查岗.</summary>
public sealed record CadreMonth(string CadreId, string Name, string UnitId, int Judged, int Late, int Early, int Absent, int LeaveDays, int SpotCheckAbsences);

/// <summary>A unit's month: the sums of its cadres (sections counted on their own).</summary>
public sealed record UnitMonth(string UnitId, string UnitName, int Cadres, int Judged, int Late, int Early, int Absent, int LeaveDays, int SpotCheckAbsences);

/// <summary>
/// 考勤统计: each cadre's workdays judged by the county's working hours. A workday is judged when the unit's terminal records
/// cover it (an import spanned it) or when a spot check found the cadre away, and only once it is over. Approved leave
/// (请假, up to 销假) excuses the day; otherwise no punch, or absence at a spot check, is 旷工; a first punch after 上班 plus the
/// grace is 迟到 and a last punch before 下班 minus the grace (a day with one punch only included) is 早退.
/// </summary>
public sealed class AttendanceFigures(AppDb db, TimeProvider clock, WorkCalendar calendar, IOptions<AttendanceRules> options, UnitTree tree)
{
    public AttendanceRules Rules => options.Value;

    /// <summary>The month asked for (yyyy-MM), or the previous month; anything else is a 400.</summary>
    public string Month(string? text)
    {
        var today = clock.GetUtcNow().CstDate();
        if (string.IsNullOrWhiteSpace(text))
        {
            return today.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }
        if (!DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || first.Year < 2000 || first > today)
        {
            throw new RuleException("attendance.bad_month", $"月份“{text}”无效，应为不晚于本月的年月，如 {today:yyyy-MM}", 400);
        }
        return text.Trim();
    }

    public static (DateOnly First, DateOnly Last) Span(string month)
    {
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>Every judged day of the cadres of the given units between two dates.</summary>
    public async Task<List<CadreDay>> DaysAsync(IReadOnlyCollection<string> unitIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var today = clock.GetUtcNow().CstDate();
        var cadres = await db.Cadres.AsNoTracking().Where(c => unitIds.Contains(c.UnitId) && c.IsActive).Select(c => new { c.Id, c.UnitId }).ToListAsync(ct);
        var covered = (await db.Set<AttendanceCoverage>().AsNoTracking().Where(c => unitIds.Contains(c.UnitId) && c.Day >= from && c.Day <= to)
            .Select(c => new { c.UnitId, c.Day }).ToListAsync(ct)).Select(c => (c.UnitId, c.Day)).ToHashSet();
        var punches = (await db.Set<Punch>().AsNoTracking().Where(p => unitIds.Contains(p.UnitId) && p.Day >= from && p.Day <= to)
            .Select(p => new { p.CadreId, p.Day, p.At }).ToListAsync(ct)).ToLookup(p => (p.CadreId, p.Day), p => p.At);
        var leaves = (await db.Set<LeaveRequest>().AsNoTracking()
            .Where(l => unitIds.Contains(l.UnitId) && (l.Status == LeaveStatus.Approved || l.Status == LeaveStatus.Returned) && l.From <= to && l.To >= from)
            .ToListAsync(ct)).ToLookup(l => l.CadreId);
        var spotAbsent = (await db.Set<SpotCheckEntry>().AsNoTracking().Where(e => !e.Present && e.Day >= from && e.Day <= to)
            .Join(db.Set<SpotCheck>().Where(s => unitIds.Contains(s.UnitId)), e => e.SpotCheckId, s => s.Id, (e, s) => new { e.CadreId, e.Day })
            .ToListAsync(ct)).Select(e => (e.CadreId, e.Day)).ToHashSet();
        var days = new List<CadreDay>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (!calendar.IsWorkday(d))
            {
                continue;
            }
            foreach (var c in cadres)
            {
                var onLeave = leaves[c.Id].Any(l => l.Covers(d));
                var away = spotAbsent.Contains((c.Id, d)) && d <= today;
                if (onLeave)
                {
                    days.Add(new CadreDay(c.Id, c.UnitId, d, DayResult.Leave, false, null, null));
                }
                else if (away)
                {
                    days.Add(new CadreDay(c.Id, c.UnitId, d, DayResult.Absent, true, null, null));
                }
                else if (covered.Contains((c.UnitId, d)) && d < today)
                {
                    days.Add(Judge(c.Id, c.UnitId, d, punches[(c.Id, d)].ToList()));
                }
            }
        }
        return days;
    }

    /// <summary>A covered, finished workday without leave: its punches against the working hours.</summary>
    public CadreDay Judge(string cadreId, string unitId, DateOnly day, IReadOnlyList<DateTimeOffset> punches)
    {
        if (punches.Count == 0)
        {
            return new CadreDay(cadreId, unitId, day, DayResult.Absent, false, null, null);
        }
        var (first, last) = (punches.Min(), punches.Max());
        var grace = TimeSpan.FromMinutes(Rules.GraceMinutes);
        var late = first > ChinaTime.At(day, Rules.WorkStart) + grace;
        var early = last < ChinaTime.At(day, Rules.WorkEnd) - grace;
        var result = late && early ? DayResult.LateAndEarly : late ? DayResult.Late : early ? DayResult.EarlyLeave : DayResult.Normal;
        return new CadreDay(cadreId, unitId, day, result, false, first, last);
    }

    /// <summary>Each cadre's figures for a month, for the given units.</summary>
    public async Task<List<CadreMonth>> CadresAsync(IReadOnlyCollection<string> unitIds, string month, CancellationToken ct)
    {
        var (first, last) = Span(month);
        var days = (await DaysAsync(unitIds, first, last, ct)).ToLookup(d => d.CadreId);
        var cadres = await db.Cadres.AsNoTracking().Where(c => unitIds.Contains(c.UnitId) && c.IsActive).ToListAsync(ct);
        return cadres.Select(c => Sum(c, days[c.Id].ToList())).OrderBy(c => c.UnitId, StringComparer.Ordinal).ThenByDescending(c => c.Absent)
            .ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    private static CadreMonth Sum(Cadre c, List<CadreDay> days) => new(c.Id, c.Name, c.UnitId,
        days.Count(d => d.Result != DayResult.Leave), days.Count(d => d.IsLate), days.Count(d => d.IsEarly), days.Count(d => d.Result == DayResult.Absent),
        days.Count(d => d.Result == DayResult.Leave), days.Count(d => d.SpotCheckAbsent));

    /// <summary>Each unit's figures for a month (units without any judged day or leave are left out).</summary>
    public async Task<List<UnitMonth>> UnitsAsync(IReadOnlyCollection<string> unitIds, string month, CancellationToken ct)
    {
        var cadres = await CadresAsync(unitIds, month, ct);
        var nodes = await tree.GetAsync(db, ct);
        // "县城市管理局 / 市容环卫股": a section's name alone is ambiguous (every township has a 党政综合办公室); the county itself is left out.
        string NameOf(string id) => string.Join(" / ", UnitTree.PathOf(nodes, id).Split(" / ").Skip(nodes.TryGetValue(id, out var n) && n.ParentId is not null ? 1 : 0));
        return cadres.GroupBy(c => c.UnitId)
            .Where(g => g.Any(c => c.Judged > 0 || c.LeaveDays > 0))
            .Select(g => new UnitMonth(g.Key, NameOf(g.Key), g.Count(), g.Sum(c => c.Judged), g.Sum(c => c.Late), g.Sum(c => c.Early),
                g.Sum(c => c.Absent), g.Sum(c => c.LeaveDays), g.Sum(c => c.SpotCheckAbsences)))
            .OrderByDescending(u => u.Absent).ThenByDescending(u => u.Late + u.Early).ThenBy(u => u.UnitName, StringComparer.Ordinal).ToList();
    }

    public static string Label(DayResult r) => r switch
    {
        DayResult.Normal => "正常",
        DayResult.Late => "迟到",
        DayResult.EarlyLeave => "早退",
        DayResult.LateAndEarly => "迟到、早退",
        DayResult.Absent => "旷工",
        _ => "请假",
    };
}
