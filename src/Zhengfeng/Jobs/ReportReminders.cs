using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Assignments;
using Zhengfeng.Features.Campaigns;
using Zhengfeng.Features.Notifications;
using Zhengfeng.Web;

namespace Zhengfeng.Jobs;

/// <summary>
/// Reporting cycles: when a period of a running campaign's cycle opens, each participating unit is asked once for its
/// report, and the lead unit of an open assignment with a cycle is asked for its progress report. Each ask is a
/// <see cref="ReportDue"/> row, unique per (owner, unit, period), so a unit is never asked more often than the plan's
/// cycle however many instances run; the burden meter counts these rows.
/// </summary>
public sealed class ReportReminders(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReportReminders> log, JobLeases leases)
    : RecurringJob(clock, log, leases)
{
    public const string CampaignOwner = "campaign";
    public const string AssignmentOwner = "assignment";

    public override string Name => "report-reminders";

    public override TimeSpan Interval { get; } = TimeSpan.FromMinutes(15);

    protected override string? Describe(int done) => done > 0 ? $"asked {done} reports" : null;

    /// <summary>One pass: asks for the current period of every running campaign and open assignment that has a cycle; returns the rows written.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var now = Clock.GetUtcNow();
        var today = now.CstDate();
        var asked = 0;

        var campaigns = await db.Set<Campaign>().AsNoTracking()
            .Where(c => c.Status == CampaignStatus.Running && c.ReportCycle != ReportCycle.None && c.StartsOn <= today && c.EndsOn >= today)
            .OrderBy(c => c.StartsOn).ToListAsync(ct);
        foreach (var c in campaigns)
        {
            var period = ReportPeriods.Of(c.ReportCycle, today);
            var due = Min(ReportPeriods.Range(c.ReportCycle, period)!.Value.End, c.EndsOn);
            var filed = await db.Set<CampaignReport>().AsNoTracking().Where(r => r.CampaignId == c.Id && r.Period == period).Select(r => r.UnitId).ToListAsync(ct);
            var units = c.UnitIds.Except(filed).ToList();
            asked += await AskAsync(db, CampaignOwner, c.Id, units, period, due, now, unitId => notifier.Notify(unitId, "report",
                $"请报送专项整治“{Short(c.Name)}”{ReportPeriods.Label(period)}的情况（{Campaign.Label(c.ReportCycle)}报送），截止{Day(due)}，填报：/campaigns/{c.Id}/report", null), ct);
        }

        var assignments = await db.Set<Assignment>().AsNoTracking()
            .Where(a => (a.Status == AssignmentStatus.Assigned || a.Status == AssignmentStatus.InProgress) && a.ReportCycle != ReportCycle.None && a.DueOn >= today)
            .OrderBy(a => a.DueOn).Take(2000).ToListAsync(ct);
        foreach (var a in assignments)
        {
            var period = ReportPeriods.Of(a.ReportCycle, today);
            var due = Min(ReportPeriods.Range(a.ReportCycle, period)!.Value.End, a.DueOn);
            var reported = await db.Set<ProgressEntry>().AsNoTracking().AnyAsync(e => e.AssignmentId == a.Id && e.UnitId == a.LeadUnitId && e.Period == period, ct);
            asked += await AskAsync(db, AssignmentOwner, a.Id, reported ? [] : [a.LeadUnitId], period, due, now, unitId => notifier.Notify(unitId, "report",
                $"请报告交办事项{a.Number}“{Short(a.Title)}”{ReportPeriods.Label(period)}的进展（{Campaign.Label(a.ReportCycle)}汇报），截止{Day(due)}，填报：/assignments/{a.Id}", null), ct);
        }
        db.ChangeTracker.Clear();
        return asked;
    }

    /// <summary>Asks the units not yet asked for the period, in one unit of work per owner; another instance that asked first wins.</summary>
    private static async Task<int> AskAsync(AppDb db, string ownerType, string ownerId, List<string> unitIds, string period, DateOnly due,
        DateTimeOffset now, Action<string> notify, CancellationToken ct)
    {
        if (unitIds.Count == 0)
        {
            return 0;
        }
        db.ChangeTracker.Clear();
        var already = await db.Set<ReportDue>().AsNoTracking().Where(r => r.OwnerType == ownerType && r.OwnerId == ownerId && r.Period == period)
            .Select(r => r.UnitId).ToListAsync(ct);
        var units = unitIds.Except(already).ToList();
        if (units.Count == 0)
        {
            return 0;
        }
        foreach (var unitId in units)
        {
            db.Add(new ReportDue { Id = Ids.New(), OwnerType = ownerType, OwnerId = ownerId, UnitId = unitId, Period = period, DueOn = due, AskedAt = now });
            notify(unitId);
        }
        db.PendingAction = "report.remind";
        try
        {
            await db.SaveChangesAsync(ct);
            return units.Count;
        }
        catch (Exception e) when (SaveConflict.Is(e))
        {
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Day(DateOnly d) => AssignmentWorkflow.Day(d);

    private static string Short(string text) => AssignmentWorkflow.Short(text);
}
