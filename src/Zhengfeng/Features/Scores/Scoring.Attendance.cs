using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Features.Attendance;

namespace Zhengfeng.Features.Scores;

public sealed partial class Scoring
{
    /// <summary>Every 旷工 day of a unit's cadres in the year (no punch on a covered workday, or away at a 查岗, without approved leave).</summary>
    private async Task<List<Hit>> AttendanceAsync(YearSpan y, IEnumerable<string> unitIds, CancellationToken ct)
    {
        var (first, last) = (y.First, y.Last);
        var judged = await db.Set<AttendanceCoverage>().AsNoTracking().Where(c => c.Day >= first && c.Day <= last).Select(c => c.UnitId).Distinct().ToListAsync(ct);
        var checkedUnits = await db.Set<SpotCheck>().AsNoTracking().Where(s => s.Day >= first && s.Day <= last).Select(s => s.UnitId).Distinct().ToListAsync(ct);
        var units = judged.Union(checkedUnits).Intersect(unitIds).ToList();
        if (units.Count == 0)
        {
            return [];
        }
        var absent = (await attendance.DaysAsync(units, first, last, ct)).Where(d => d.Result == DayResult.Absent).ToList();
        var ids = absent.Select(d => d.CadreId).Distinct().ToList();
        var names = await db.Cadres.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return absent.Select(d =>
        {
            var month = d.Day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var why = d.SpotCheckAbsent ? "查岗时不在岗且未请假" : "无打卡记录且未请假";
            return new Hit(d.UnitId, ScoreKind.AttendanceAbsence, $"干部{names.GetValueOrDefault(d.CadreId, "")}{Day(d.Day)}旷工（{why}）",
                $"{d.CadreId}:{d.Day:yyyyMMdd}", $"/attendance/units/{d.UnitId}?month={month}", Web.ChinaTime.EndOfDay(d.Day));
        }).ToList();
    }
}
