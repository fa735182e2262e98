using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Accountability;
using Zhengfeng.Features.Assignments;
using Zhengfeng.Features.Bulletins;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Rectification;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Campaigns;

/// <summary>The contract's progress of a campaign's tasks: counts of assignments by lead unit, every participating unit listed.</summary>
public sealed record CampaignProgress(string CampaignId, int Tasks, int Done, int Overdue, double? Rate, IReadOnlyList<UnitProgress> Units, IReadOnlyList<PhaseProgress> ByPhase);

public sealed record UnitProgress(string UnitId, string UnitName, bool Participating, int Tasks, int Done, int Overdue, double? Rate);

public sealed record PhaseProgress(int Seq, string Name, DateOnly StartsOn, DateOnly EndsOn, int Tasks, int Done, int Overdue, double? Rate);

/// <summary>
/// One unit's completion in a campaign: its tasks, the clues found about it, its rectification items, its reports against what
/// was asked. <see cref="Rate"/> (tasks done and items signed off over both) is the figure the progress bulletin quotes.
/// </summary>
public sealed record UnitCompletion(string UnitId, string UnitName, string Kind, bool Participating, int Tasks, int Done, int Overdue, double? TaskRate,
    int Clues, int RectificationTotal, int RectificationClosed, double? RectificationRate, int ReportsFiled, int ReportsAsked, double? Rate);

public sealed record PhaseCompletion(int Seq, string Name, DateOnly StartsOn, DateOnly EndsOn, bool Current, bool Begun, int Tasks, int Done, int Overdue,
    double? Rate, int ReportsFiled, int Clues, int ZeroReportUnits);

public sealed record TaskRow(string Id, string Number, string Title, string LeadUnitId, string UnitName, string? ResponsibleName, DateOnly DueOn, int? PhaseSeq,
    string Status, string StatusLabel, bool Overdue, string Url);

public sealed record ReportRow(string Id, string UnitId, string UnitName, string Period, string PeriodLabel, int? PhaseSeq, bool NoProblem, string Content,
    string ReportedByName, DateTimeOffset ReportedAt);

/// <summary>A record the campaign holds: a clue, a rectification item, a supervision notice, a bulletin or an accountability case.</summary>
public sealed record LinkedRecord(string Type, string TypeLabel, string Id, string Title, string? UnitId, string UnitName, string Status, string StatusLabel,
    string Url, DateTimeOffset At);

/// <summary>零报告: a participating unit that neither reported for a phase's periods nor registered a self-inspection clue in the phase.</summary>
public sealed record ZeroReportUnit(int PhaseSeq, string PhaseName, string UnitId, string UnitName, string Reason);

/// <summary>A unit that reported 无问题 in a phase while another source found a problem about it in the same phase.</summary>
public sealed record FlaggedUnit(int PhaseSeq, string PhaseName, string UnitId, string UnitName, string ReportId, string Period, IReadOnlyList<string> ClueIds, string Reason);

public sealed record CampaignTotals(int Units, int Tasks, int Done, int Overdue, double? TaskRate, int Clues, int CluesVerified, int RectificationTotal,
    int RectificationClosed, double? RectificationRate, int ReportsFiled, int ReportsAsked, int Notices, int Bulletins, int Accountability, int AccountabilityDecided);

/// <summary>The campaign's whole record as one read: completion by unit and by phase, the linked records, zero reports and flags.</summary>
public sealed record CampaignLedgerView(DateOnly Today, CampaignPhase? CurrentPhase, CampaignTotals Totals, IReadOnlyList<UnitCompletion> Units,
    IReadOnlyList<PhaseCompletion> Phases, IReadOnlyList<TaskRow> Tasks, IReadOnlyList<ReportRow> Reports, IReadOnlyList<LinkedRecord> Linked,
    IReadOnlyList<ZeroReportUnit> ZeroReports, IReadOnlyList<FlaggedUnit> Flagged)
{
    /// <summary>The participating unit with the lowest completion rate among those with something to complete, if any.</summary>
    public UnitCompletion? Lowest => Units.Where(u => u.Participating && u.Rate is not null).OrderBy(u => u.Rate).ThenByDescending(u => u.Overdue).FirstOrDefault();

    public UnitCompletion? Unit(string unitId) => Units.FirstOrDefault(u => u.UnitId == unitId);
}

/// <summary>台账: reads a campaign's record (tasks, reports, clues, rectification items, notices, bulletins, accountability) and sums it up.</summary>
public sealed class CampaignLedger(AppDb db, TimeProvider clock)
{
    public DateOnly Today => clock.GetUtcNow().CstDate();

    /// <summary>Tasks (assignments of the campaign) counted by lead unit; done = accepted, overdue = open past the due date today in China.</summary>
    public async Task<CampaignProgress> ProgressAsync(Campaign c, CancellationToken ct)
    {
        var today = Today;
        var tasks = await TasksAsync(c.Id, ct);
        var names = await UnitsAsync(c.UnitIds.Concat(tasks.Select(t => t.LeadUnitId)), ct);
        var units = c.UnitIds.Concat(tasks.Select(t => t.LeadUnitId).Where(u => !c.IsParticipant(u))).Distinct()
            .Select(u =>
            {
                var mine = tasks.Where(t => t.LeadUnitId == u).ToList();
                var (n, done, overdue) = Count(mine, today);
                return new UnitProgress(u, names.GetValueOrDefault(u)?.Name ?? u, c.IsParticipant(u), n, done, overdue, Rate(done, n));
            }).ToList();
        var phases = c.Phases.Select(p =>
        {
            var (n, done, overdue) = Count([.. tasks.Where(t => InPhase(t, p))], today);
            return new PhaseProgress(p.Seq, p.Name, p.StartsOn, p.EndsOn, n, done, overdue, Rate(done, n));
        }).ToList();
        var (all, allDone, allOverdue) = Count(tasks, today);
        return new CampaignProgress(c.Id, all, allDone, allOverdue, Rate(allDone, all), units, phases);
    }

    public async Task<CampaignLedgerView> ForAsync(Campaign c, CancellationToken ct)
    {
        var today = Today;
        var tasks = await TasksAsync(c.Id, ct);
        var taskIds = tasks.Select(t => t.Id).ToList();
        var reports = await db.Set<CampaignReport>().AsNoTracking().Where(r => r.CampaignId == c.Id).OrderBy(r => r.ReportedAt).ToListAsync(ct);
        var dues = await db.Set<ReportDue>().AsNoTracking().Where(d => d.OwnerType == "campaign" && d.OwnerId == c.Id).ToListAsync(ct);
        var linkedClues = await db.Set<Clue>().AsNoTracking().Where(x => x.CampaignId == c.Id).OrderBy(x => x.RegisteredAt).ToListAsync(ct);
        var items = await db.Set<RectificationItem>().AsNoTracking().Where(x => x.CampaignId == c.Id).OrderBy(x => x.CreatedAt).ToListAsync(ct);
        var notices = await db.Set<SupervisionNotice>().AsNoTracking()
            .Where(n => n.CampaignId == c.Id || (n.AssignmentId != null && taskIds.Contains(n.AssignmentId))).OrderBy(n => n.IssuedAt).ToListAsync(ct);
        var bulletins = await db.Set<Bulletin>().AsNoTracking().Where(b => b.CampaignId == c.Id).OrderBy(b => b.CreatedAt).ToListAsync(ct);
        var cases = await db.Set<AccountabilityCase>().AsNoTracking().Where(a => a.CampaignId == c.Id).OrderBy(a => a.OpenedAt).ToListAsync(ct);

        // Clues about the participating units during the campaign, linked or not: self-inspection answers a phase, others may contradict 无问题.
        var participants = c.UnitIds.ToList();
        var (from, to) = (ChinaTime.At(c.StartsOn, TimeOnly.MinValue), ChinaTime.At(c.EndsOn.AddDays(1), TimeOnly.MinValue));
        var unitClues = await db.Set<Clue>().AsNoTracking()
            .Where(x => participants.Contains(x.UnitId) && x.RegisteredAt >= from && x.RegisteredAt < to).OrderBy(x => x.RegisteredAt).ToListAsync(ct);
        var registrants = unitClues.Select(x => x.RegisteredBy).Distinct().ToList();
        var registrantUnits = await db.Users.AsNoTracking().Where(u => registrants.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UnitId, ct);
        var cadreIds = cases.Where(a => a.CadreId != null).Select(a => a.CadreId!).ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(x => cadreIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var problemTypes = await db.Set<ProblemType>().AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, ct);

        var names = await UnitsAsync(participants.Concat(tasks.Select(t => t.LeadUnitId)).Concat(linkedClues.Select(x => x.UnitId)).Concat(items.Select(i => i.UnitId))
            .Concat(notices.Select(n => n.UnitId)).Concat(cases.Select(a => a.UnitId ?? "")).Concat(cadres.Values.Select(x => x.UnitId)), ct);
        string Name(string? id) => id is null ? "" : names.GetValueOrDefault(id)?.Name ?? id;

        var asked = CampaignPeriods.Allowed(c, today).Select(p => p.Period).ToHashSet();
        var unitIds = participants.Concat(tasks.Select(t => t.LeadUnitId).Where(u => !c.IsParticipant(u))).Distinct().ToList();
        var units = unitIds.Select(u =>
        {
            var (n, done, overdue) = Count([.. tasks.Where(t => t.LeadUnitId == u)], today);
            var mine = items.Where(i => i.UnitId == u).ToList();
            var closed = mine.Count(i => i.Status == RectificationStatus.Closed);
            var owed = c.IsParticipant(u) ? asked.Union(dues.Where(d => d.UnitId == u).Select(d => d.Period)).Count() : 0;
            return new UnitCompletion(u, Name(u), names.GetValueOrDefault(u) is { } unit ? Unit.KindLabel(unit.Kind) : "", c.IsParticipant(u), n, done, overdue, Rate(done, n),
                linkedClues.Count(x => x.UnitId == u), mine.Count, closed, Rate(closed, mine.Count), reports.Count(r => r.UnitId == u), owed, Rate(done + closed, n + mine.Count));
        }).ToList();

        var zero = ZeroReports(c, today, reports, unitClues, Name);
        var flagged = Flags(c, reports, unitClues, registrantUnits, Name);
        var current = c.PhaseOn(today);
        var phases = c.Phases.Select(p =>
        {
            var (n, done, overdue) = Count([.. tasks.Where(t => InPhase(t, p))], today);
            var periods = CampaignPeriods.OfPhase(c, p).Select(x => x.Period).ToHashSet();
            return new PhaseCompletion(p.Seq, p.Name, p.StartsOn, p.EndsOn, p == current, p.StartsOn <= today, n, done, overdue, Rate(done, n),
                reports.Count(r => periods.Contains(r.Period)), linkedClues.Count(x => p.Covers(x.RegisteredAt.CstDate())), zero.Count(z => z.PhaseSeq == p.Seq));
        }).ToList();

        var taskRows = tasks.OrderBy(t => Name(t.LeadUnitId), StringComparer.Ordinal).ThenBy(t => t.DueOn)
            .Select(t => new TaskRow(t.Id, t.Number, t.Title, t.LeadUnitId, Name(t.LeadUnitId), t.ResponsibleName, t.DueOn, t.PhaseSeq ?? c.Phases.FirstOrDefault(p => p.Covers(t.DueOn))?.Seq,
                WireEnum.Name(t.Status), Assignment.Label(t.Status), t.IsOverdue(today), $"/assignments/{t.Id}")).ToList();
        var reportRows = reports.Select(r => new ReportRow(r.Id, r.UnitId, Name(r.UnitId), r.Period, CampaignPeriods.Label(c, r.Period), r.PhaseSeq, r.NoProblem, r.Content,
            r.ReportedByName, r.ReportedAt)).ToList();

        var linked = new List<LinkedRecord>();
        linked.AddRange(linkedClues.Select(x => new LinkedRecord("clue", "问题线索", x.Id, $"{problemTypes.GetValueOrDefault(x.ProblemType, x.ProblemType)}：{Short(x.Content)}",
            x.UnitId, Name(x.UnitId), WireEnum.Name(x.Status), Clue.Label(x.Status) + (x.Result is null ? "" : $"（{Clue.Label(x.Result)}）"), $"/clues/{x.Id}", x.RegisteredAt)));
        linked.AddRange(items.Select(i => new LinkedRecord("rectification", "整改任务", i.Id, Short(i.Measures), i.UnitId, Name(i.UnitId), WireEnum.Name(i.Status),
            RectificationItem.Label(i.Status), $"/rectifications/{i.Id}", i.CreatedAt)));
        linked.AddRange(notices.Select(n => new LinkedRecord("notice", "督办单", n.Id, $"{n.Number} {SupervisionNotice.Label(n.Level)}：{Short(n.Reason)}", n.UnitId, Name(n.UnitId),
            WireEnum.Name(n.Status), SupervisionNotice.Label(n.Status), $"/notices/{n.Id}", n.IssuedAt)));
        linked.AddRange(bulletins.Select(b => new LinkedRecord("bulletin", "通报", b.Id, b.Title, null, "", WireEnum.Name(b.Status), $"{Bulletin.Label(b.Kind)}·{Bulletin.Label(b.Status)}",
            "/bulletins", b.CreatedAt)));
        linked.AddRange(cases.Select(a =>
        {
            var unitId = a.UnitId ?? (a.CadreId is { } cid && cadres.TryGetValue(cid, out var cadre) ? cadre.UnitId : null);
            var subject = a.CadreId is { } id && cadres.TryGetValue(id, out var who) ? who.Name + "：" : "";
            return new LinkedRecord("accountability", "问责案件", a.Id, subject + Short(a.Facts), unitId, Name(unitId), WireEnum.Name(a.Status), AccountabilityCase.Label(a.Status),
                $"/accountability/{a.Id}", a.OpenedAt);
        }));

        var (all, allDone, allOverdue) = Count(tasks, today);
        var rectClosed = items.Count(i => i.Status == RectificationStatus.Closed);
        var totals = new CampaignTotals(participants.Count, all, allDone, allOverdue, Rate(allDone, all), linkedClues.Count, linkedClues.Count(x => x.IsTrue),
            items.Count, rectClosed, Rate(rectClosed, items.Count), reports.Count, units.Where(u => u.Participating).Sum(u => u.ReportsAsked),
            notices.Count, bulletins.Count, cases.Count, cases.Count(a => a.Status == AccountabilityStatus.Decided));
        return new CampaignLedgerView(today, current, totals, units, phases, taskRows, reportRows, linked, zero, flagged);
    }

    /// <summary>
    /// Participating units with no report for a phase's periods and no self-inspection clue registered in the phase; a running
    /// phase counts only once one of its periods has ended.
    /// </summary>
    private static List<ZeroReportUnit> ZeroReports(Campaign c, DateOnly today, List<CampaignReport> reports, List<Clue> clues, Func<string, string> name)
    {
        var result = new List<ZeroReportUnit>();
        foreach (var phase in c.Phases.Where(p => p.StartsOn <= today))
        {
            var ofPhase = CampaignPeriods.OfPhase(c, phase);
            var periods = ofPhase.Select(p => p.Period).ToHashSet();
            var running = phase.EndsOn >= today;
            if (running && !ofPhase.Any(p => p.End < today))
            {
                continue; // no report of this phase has fallen due yet
            }
            var until = running ? today : phase.EndsOn;
            foreach (var unit in c.UnitIds)
            {
                var filed = reports.Any(r => r.UnitId == unit && periods.Contains(r.Period));
                var selfFound = clues.Any(x => x.UnitId == unit && x.Source == ClueSource.Self && x.RegisteredAt.CstDate() >= phase.StartsOn && x.RegisteredAt.CstDate() <= until);
                if (!filed && !selfFound)
                {
                    var when = $"第{phase.Seq}阶段“{phase.Name}”（{CampaignPeriods.Day(phase.StartsOn)}至{CampaignPeriods.Day(phase.EndsOn)}）";
                    result.Add(new ZeroReportUnit(phase.Seq, phase.Name, unit, name(unit),
                        $"{name(unit)}在{when}{(running ? "已到期的报送周期" : "")}未报送专项整治情况，也未登记自查自纠问题"));
                }
            }
        }
        return result;
    }

    /// <summary>
    /// A 无问题 report in a phase while a clue about the unit from another source (tour, 暗访, a case, a report, another unit's
    /// finding) was registered in the same phase and not found untrue: the unit is flagged, once per phase, naming the clue.
    /// </summary>
    private static List<FlaggedUnit> Flags(Campaign c, List<CampaignReport> reports, List<Clue> clues, Dictionary<string, string> registrantUnits, Func<string, string> name)
    {
        var result = new List<FlaggedUnit>();
        foreach (var report in reports.Where(r => r.NoProblem))
        {
            foreach (var phase in CampaignPeriods.PhasesOf(c, report.Period))
            {
                if (result.Any(f => f.UnitId == report.UnitId && f.PhaseSeq == phase.Seq))
                {
                    continue;
                }
                var found = clues.Where(x => x.UnitId == report.UnitId && x.Status != ClueStatus.Dismissed && phase.Covers(x.RegisteredAt.CstDate())
                    && (x.Source != ClueSource.Self || registrantUnits.GetValueOrDefault(x.RegisteredBy) != x.UnitId)).ToList();
                if (found.Count == 0)
                {
                    continue;
                }
                var first = found[0];
                var by = first.Source == ClueSource.Self ? "其他单位" : Clue.Label(first.Source);
                var reason = $"{name(report.UnitId)}报送{CampaignPeriods.Label(c, report.Period)}情况称“无问题”，但同一阶段（第{phase.Seq}阶段“{phase.Name}”）"
                    + $"{by}于{CampaignPeriods.Day(first.RegisteredAt.CstDate())}登记了涉及该单位的问题线索“{Short(first.Content)}”"
                    + (found.Count > 1 ? $"等{found.Count}条" : "");
                result.Add(new FlaggedUnit(phase.Seq, phase.Name, report.UnitId, name(report.UnitId), report.Id, report.Period, [.. found.Select(x => x.Id)], reason));
            }
        }
        return [.. result.OrderBy(f => f.PhaseSeq)];
    }

    private Task<List<Assignment>> TasksAsync(string campaignId, CancellationToken ct)
        => db.Set<Assignment>().AsNoTracking().Where(a => a.CampaignId == campaignId).ToListAsync(ct);

    private async Task<Dictionary<string, Unit>> UnitsAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var list = ids.Where(i => !string.IsNullOrEmpty(i)).Distinct().ToList();
        return await db.Units.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
    }

    /// <summary>A task belongs to the phase it names, or else to the phase its due date falls in.</summary>
    private static bool InPhase(Assignment t, CampaignPhase p) => t.PhaseSeq is { } seq ? seq == p.Seq : p.Covers(t.DueOn);

    private static (int Tasks, int Done, int Overdue) Count(List<Assignment> tasks, DateOnly today)
        => (tasks.Count, tasks.Count(t => t.Status == AssignmentStatus.Done), tasks.Count(t => t.IsOverdue(today)));

    public static double? Rate(int done, int total) => total == 0 ? null : Math.Round((double)done / total, 4);

    public static string Percent(double? rate) => rate is { } r ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(r * 100, 1):0.#}%") : "—";

    private static string Short(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
