using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhengfeng.Data;
using Zhengfeng.Features.Calendar;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Notifications;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Web;

namespace Zhengfeng.Jobs;

/// <summary>
/// Marks open cases on the overdue ladder: 预警 before the deadline, 黄牌 at it, 红牌 after the grace period.
/// Each step is a <see cref="CaseAlert"/> row with a unique (case, round, level) key, so several app instances
/// sweeping at once never raise the same step twice. The yellow and red steps also issue supervision notices
/// (<see cref="SupervisionLadder"/>), saved in the same unit of work as the alert.
/// </summary>
public sealed class OverdueSweep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OverdueSweep> log, JobLeases leases)
    : RecurringJob(clock, log, leases)
{
    public override string Name => "overdue-sweep";

    public override TimeSpan Interval { get; } = TimeSpan.FromMinutes(1);

    protected override string? Describe(int done) => done > 0 ? $"raised {done} alerts" : null;

    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var calendar = scope.ServiceProvider.GetRequiredService<WorkCalendar>();
        var rules = scope.ServiceProvider.GetRequiredService<IOptions<CaseRules>>().Value;
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var ladder = scope.ServiceProvider.GetRequiredService<SupervisionLadder>();
        var now = Clock.GetUtcNow();
        var horizon = now.AddHours(rules.WarningHours);
        var candidates = await db.Set<Case>().AsNoTracking()
            .Where(c => CaseSearch.OpenStatuses.Contains(c.Status) && c.HandleDueAt < horizon && c.OverdueLevel != OverdueLevel.RedCard)
            .OrderBy(c => c.HandleDueAt).Select(c => c.Id).Take(500).ToListAsync(ct);
        var raised = 0;
        foreach (var id in candidates)
        {
            // One case per unit of work: a step another instance won is dropped without touching the next case.
            db.ChangeTracker.Clear();
            var c = await db.Set<Case>().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (c?.HandleDueAt is not { } due || !c.IsOpen)
            {
                continue;
            }
            var level = now > calendar.For(c.AreaId).WorkdayDeadline(due, rules.RedCardWorkdays).DueAt ? OverdueLevel.RedCard
                : now > due ? OverdueLevel.YellowCard
                : OverdueLevel.Warning;
            if (level <= c.OverdueLevel)
            {
                continue;
            }
            db.Add(new CaseAlert { Id = Ids.New(), CaseId = c.Id, Round = c.Round, Level = level, At = now });
            var text = level switch
            {
                OverdueLevel.Warning => $"即将超期：{c.Title}（{c.Number}）办理期限{ChinaTime.Format(due)}",
                OverdueLevel.YellowCard => $"已超期（黄牌）：{c.Title}（{c.Number}）办理期限{ChinaTime.Format(due)}",
                _ => $"严重超期（红牌）：{c.Title}（{c.Number}）办理期限{ChinaTime.Format(due)}",
            };
            var notices = await ladder.IssueAsync(c, level, now, ct);
            var issued = notices.Count == 0 ? ""
                : "；已下发" + string.Join("、", notices.Select(n => $"{SupervisionNotice.Label(n.Level)}督办单{n.Number}"))
                    + $"，请于{ChinaTime.Format(notices[0].ReplyDueAt)}前回复";
            c.RaiseOverdue(level, now, text + issued);
            if (c.LeadUnitId is not null)
            {
                notifier.Notify(c.LeadUnitId, level == OverdueLevel.Warning ? "warning" : "overdue", text + issued, c.Id);
            }
            db.PendingAction = "case.overdue-" + level.ToString().ToLowerInvariant();
            try
            {
                await db.SaveChangesAsync(ct);
                raised++;
            }
            catch (Exception e) when (SaveConflict.Is(e))
            {
                // Another instance raised this step (or took the notice number) first: drop ours; a lost number is retried next tick.
                db.ChangeTracker.Clear();
            }
        }
        db.ChangeTracker.Clear();
        return raised;
    }
}
