using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Calendar;

namespace Zhengfeng.Features.Cases;

/// <summary>After a calendar change, running working-day deadlines are computed again from their start.</summary>
public sealed class DeadlineRescheduler(AppDb db, WorkCalendar calendar, TimeProvider clock) : ICalendarListener
{
    public async Task CalendarChangedAsync(CancellationToken ct)
    {
        var categories = await db.Set<Category>().AsNoTracking().ToDictionaryAsync(c => c.Code, ct);
        // Urgent cases run on clock hours; extended or reworked deadlines keep their approved length.
        var running = await db.Set<Case>()
            .Where(c => CaseSearch.OpenStatuses.Contains(c.Status) && !c.Urgent && c.ExtensionCount == 0 && c.Round == 1 && c.DispatchedAt != null)
            .ToListAsync(ct);
        foreach (var c in running)
        {
            var start = c.DispatchedAt!.Value;
            var days = calendar.For(c.AreaId);
            var handle = days.WorkdayDeadline(start, categories[c.CategoryCode].HandleWorkdays);
            var response = c.Status == CaseStatus.Dispatched ? days.WorkdayDeadline(start, 1) : null;
            if (handle.DueAt != c.HandleDueAt || (response is not null && response.DueAt != c.ResponseDueAt))
            {
                c.Reschedule(clock.GetUtcNow(), response, handle);
            }
        }
        if (db.ChangeTracker.HasChanges())
        {
            db.PendingAction = "case.reschedule";
            await db.SaveChangesAsync(ct);
        }
    }
}
