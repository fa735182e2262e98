using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Assignments;
using Zhengfeng.Features.Notifications;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Web;

namespace Zhengfeng.Jobs;

/// <summary>
/// The 督办 ladder for assigned work: every open assignment with an overdue milestone or past its due date gets the
/// notices of <see cref="AssignmentLadder"/> (提醒 → 黄牌 → 红牌 → 约谈建议), and its lead unit a message. The unique
/// (assignment, step, level) key on the notices keeps several app instances from issuing one twice.
/// </summary>
public sealed class AssignmentSweep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AssignmentSweep> log, JobLeases leases)
    : RecurringJob(clock, log, leases)
{
    public override string Name => "assignment-sweep";

    public override TimeSpan Interval { get; } = TimeSpan.FromMinutes(10);

    protected override string? Describe(int done) => done > 0 ? $"issued {done} supervision notices" : null;

    /// <summary>One pass over the open assignments; returns the number of notices issued.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var ladder = scope.ServiceProvider.GetRequiredService<AssignmentLadder>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var now = Clock.GetUtcNow();
        var today = now.CstDate();
        var candidates = await db.Set<Assignment>().AsNoTracking()
            .Where(a => (a.Status == AssignmentStatus.Assigned || a.Status == AssignmentStatus.InProgress)
                && (a.DueOn < today || a.Milestones.Any(m => m.DoneOn == null && m.DueOn < today)))
            .OrderBy(a => a.DueOn).Select(a => a.Id).Take(500).ToListAsync(ct);
        var issued = 0;
        foreach (var id in candidates)
        {
            // One assignment per unit of work: a notice another instance issued first drops only this assignment's batch.
            db.ChangeTracker.Clear();
            var a = await db.Set<Assignment>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (a is null)
            {
                continue;
            }
            var notices = await ladder.IssueAsync(a, now, ct);
            if (notices.Count == 0)
            {
                continue;
            }
            foreach (var n in notices)
            {
                notifier.Notify(n.UnitId, "supervision",
                    $"收到{SupervisionNotice.Label(n.Level)}督办单{n.Number}：{SupervisionWorkflow.Short(n.Reason)}，请于{ChinaTime.Format(n.ReplyDueAt)}前回复", null);
            }
            db.PendingAction = "task.overdue-notice";
            try
            {
                await db.SaveChangesAsync(ct);
                issued += notices.Count;
            }
            catch (Exception e) when (SaveConflict.Is(e))
            {
                // Another instance issued this step (or took the notice number) first: drop ours; what is still owed is issued next tick.
                db.ChangeTracker.Clear();
            }
        }
        db.ChangeTracker.Clear();
        return issued;
    }
}
