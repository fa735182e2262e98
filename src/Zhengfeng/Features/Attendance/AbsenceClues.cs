using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Clues;

namespace Zhengfeng.Features.Attendance;

/// <summary>
/// Repeated absence becomes a problem clue: a cadre with at least <see cref="AttendanceRules.ClueAbsentDays"/> days of 旷工 in a
/// month gets one clue (source 考勤异常) for that month, however often the month's records are imported again.
/// </summary>
public sealed class AbsenceClues(AppDb db, AttendanceFigures figures, ClueWorkflow clues, TimeProvider clock)
{
    public async Task<int> RaiseAsync(IReadOnlyCollection<string> unitIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var raised = 0;
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
        {
            raised += await RaiseMonthAsync(unitIds, m.ToString("yyyy-MM", CultureInfo.InvariantCulture), ct);
        }
        return raised;
    }

    private async Task<int> RaiseMonthAsync(IReadOnlyCollection<string> unitIds, string month, CancellationToken ct)
    {
        var threshold = figures.Rules.ClueAbsentDays;
        var (first, last) = AttendanceFigures.Span(month);
        var days = await figures.DaysAsync(unitIds, first, last, ct);
        var absent = days.Where(d => d.Result == DayResult.Absent).GroupBy(d => d.CadreId).Where(g => g.Count() >= threshold).ToList();
        if (absent.Count == 0)
        {
            return 0;
        }
        var ids = absent.Select(g => g.Key).ToList();
        var marked = await db.Set<AbsenceClueMark>().Where(m => m.Month == month && ids.Contains(m.CadreId)).Select(m => m.CadreId).ToListAsync(ct);
        var names = await db.Cadres.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var count = 0;
        foreach (var g in absent.Where(g => !marked.Contains(g.Key)))
        {
            var list = string.Join("、", g.OrderBy(d => d.Day).Select(d => d.Day.ToString("M月d日", CultureInfo.InvariantCulture) + (d.SpotCheckAbsent ? "（查岗不在岗）" : "")));
            var text = $"考勤记录显示，干部{names.GetValueOrDefault(g.Key, "")}{month[..4]}年{int.Parse(month[5..], CultureInfo.InvariantCulture)}月旷工{g.Count()}天"
                + $"（{list}），无打卡记录且未请假，请核查是否存在作风散漫、纪律松弛问题。";
            var clue = clues.AddSystemClue(ClueSource.Attendance, g.First().UnitId, "laxity", text, null);
            clue.NamePerson(g.Key);
            db.Add(new AbsenceClueMark { CadreId = g.Key, Month = month, ClueId = clue.Id, At = clock.GetUtcNow() });
            count++;
        }
        if (count > 0)
        {
            db.PendingAction = "attendance.absence-clue";
            await db.SaveChangesAsync(ct);
        }
        return count;
    }
}
