using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Attendance;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Demo;

/// <summary>
/// 考勤: last month's terminal records of two units (a department and a township, with their sections), with a few late
/// mornings, early departures and days away; leave in several states; and one spot check that found a cadre away without leave.
/// No cadre is away three days, so the records raise no clue on their own.
/// </summary>
public sealed partial class DemoHistory
{
    private static readonly string[] AttendanceUnits = ["d-urban", "t-03"];

    private async Task LoadAttendanceAsync(DemoCast cast, DateTimeOffset now, CancellationToken ct)
    {
        var rng = new Random(Seed + 7);
        var roots = AttendanceUnits.Where(cast.Units.ContainsKey).Select(code => cast.Units[code].Id).ToList();
        var unitIds = await db.Units.AsNoTracking().Where(u => roots.Contains(u.Id) || (u.ParentId != null && roots.Contains(u.ParentId))).Select(u => u.Id).ToListAsync(ct);
        var cadres = await db.Cadres.AsNoTracking().Where(c => unitIds.Contains(c.UnitId) && c.IsActive).OrderBy(c => c.Id).ToListAsync(ct);
        if (cadres.Count == 0)
        {
            return;
        }
        var today = now.CstDate();
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var last = first.AddMonths(1).AddDays(-1);
        var importId = Ids.New();
        var away = new Dictionary<string, int>();
        var onLeave = cadres.Take(2).Select((c, i) => (Cadre: c, From: first.AddDays(8 + i * 5), To: first.AddDays(9 + i * 5))).ToList();
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            if (!calendar.IsWorkday(d))
            {
                continue;
            }
            foreach (var unit in unitIds)
            {
                db.Add(new AttendanceCoverage { UnitId = unit, Day = d });
            }
            foreach (var c in cadres)
            {
                if (onLeave.Any(l => l.Cadre == c && d >= l.From && d <= l.To))
                {
                    continue;
                }
                if (rng.NextDouble() < 0.02 && away.GetValueOrDefault(c.Id) < 2)
                {
                    away[c.Id] = away.GetValueOrDefault(c.Id) + 1;
                    continue;
                }
                var inAt = new TimeOnly(8, 30).AddMinutes(rng.NextDouble() < 0.05 ? 40 + rng.Next(30) : rng.Next(33));
                var outAt = new TimeOnly(17, 31).AddMinutes(rng.NextDouble() < 0.03 ? -60 - rng.Next(40) : rng.Next(50));
                foreach (var t in new[] { inAt, outAt })
                {
                    var at = ChinaTime.At(d, t).AddSeconds(rng.Next(60));
                    db.Add(new Punch { Id = Ids.New(), CadreId = c.Id, UnitId = c.UnitId, At = at.ToUniversalTime(), Day = d, Terminal = TerminalModel.Zkteco.Code, ImportId = importId });
                }
            }
        }
        var clerk = cast.StaffOf(roots[0]);
        foreach (var (cadre, from, to) in onLeave)
        {
            var leave = new LeaveRequest
            {
                Id = Ids.New(), UnitId = cadre.UnitId, CadreId = cadre.Id, Kind = from.Day % 2 == 0 ? LeaveKind.Sick : LeaveKind.Personal, From = from, To = to,
                Reason = from.Day % 2 == 0 ? "发烧就医" : "家中老人住院陪护", FiledBy = clerk.Id, FiledAt = ChinaTime.At(from.AddDays(-1), new TimeOnly(16, 20)),
            };
            leave.Approve(cast.Supervisor.Id, leave.FiledAt.AddHours(1), "同意");
            leave.Return(clerk.Id, to.AddDays(1));
            db.Add(leave);
        }
        if (cadres.Count > 3)
        {
            db.Add(new LeaveRequest
            {
                Id = Ids.New(), UnitId = cadres[2].UnitId, CadreId = cadres[2].Id, Kind = LeaveKind.Annual, From = today.AddDays(7), To = today.AddDays(11),
                Reason = "年休假", FiledBy = clerk.Id, FiledAt = now.AddHours(-3),
            });
            var checkUnit = cadres[3].UnitId;
            var day = last.AddDays(-2);
            while (!calendar.IsWorkday(day))
            {
                day = day.AddDays(-1);
            }
            var check = new SpotCheck
            {
                Id = Ids.New(), UnitId = checkUnit, At = ChinaTime.At(day, new TimeOnly(15, 10)), Day = day, Note = "下午三点突击查岗，一人不在岗，电话联系称外出办事，未履行请假手续。",
                CheckedBy = cast.Supervisor.Id, RecordedAt = ChinaTime.At(day, new TimeOnly(16, 0)),
            };
            db.Add(check);
            var here = cadres.Where(c => c.UnitId == checkUnit).ToList();
            foreach (var c in here)
            {
                var absent = c == here[^1];
                db.Add(new SpotCheckEntry { Id = Ids.New(), SpotCheckId = check.Id, CadreId = c.Id, Day = day, Present = !absent, Reason = absent ? "称外出办事，未请假" : null });
            }
        }
        db.PendingAction = "demo.load";
        await db.SaveChangesAsync(ct);
    }
}
