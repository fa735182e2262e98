using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Accounts;
using Zhengfeng.Features.Assists;
using Zhengfeng.Features.Calendar;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Notifications;
using Zhengfeng.Web;

namespace Zhengfeng.Jobs;

/// <summary>
/// 每日待办: from 08:00 China time on each working day, every active unit account gets one message of what is due — cases to sign,
/// cases due today, overdue cases, assist duties due — counted for the person when the unit's head gave them cases, else for the
/// unit. A person with nothing due gets nothing. Each message's key is (person, day), so a second run or a second instance adds none.
/// </summary>
public sealed class DailyDigest(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DailyDigest> log, JobLeases leases)
    : RecurringJob(clock, log, leases)
{
    public override string Name => "daily-digest";

    public override TimeSpan Interval { get; } = TimeSpan.FromMinutes(10);
    public static readonly TimeOnly SendFrom = new(8, 0);

    protected override string? Describe(int done) => done > 0 ? $"sent the digest to {done} people" : null;

    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = Clock.GetUtcNow();
        var today = now.CstDate();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        if (TimeOnly.FromDateTime(now.ToCst().DateTime) < SendFrom || !scope.ServiceProvider.GetRequiredService<WorkCalendar>().IsWorkday(today))
        {
            return 0;
        }
        var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var done = (await db.Set<Notification>().AsNoTracking().Where(n => n.Kind == "digest" && n.Key != null && n.Key.EndsWith(":" + day))
            .Select(n => n.UserId).ToListAsync(ct)).ToHashSet();
        // Only the columns needed; the stored role list is narrowed in SQL, then read exactly.
        var people = (await db.Users.AsNoTracking().Where(u => u.IsActive && u.Roles.Contains(Roles.Unit))
                .Select(u => new Person(u.Id, u.UnitId, u.Roles)).ToListAsync(ct))
            .Where(u => u.Roles.Split(',').Contains(Roles.Unit) && !done.Contains(u.Id)).ToList();
        var assigned = (await db.Set<Case>().AsNoTracking()
            .Where(c => c.AssigneeId != null && CaseSearch.OpenStatuses.Contains(c.Status)).Select(c => c.AssigneeId!).Distinct().ToListAsync(ct))
            .ToHashSet();
        var endOfDay = ChinaTime.EndOfDay(today);
        var unitTexts = new Dictionary<string, string?>(); // a unit's figures are counted once, for all its people without cases of their own
        var sent = 0;
        foreach (var person in people)
        {
            string? text;
            if (assigned.Contains(person.Id))
            {
                text = await DigestAsync(db, person.UnitId, person.Id, now, endOfDay, ct);
            }
            else if (!unitTexts.TryGetValue(person.UnitId, out text))
            {
                unitTexts[person.UnitId] = text = await DigestAsync(db, person.UnitId, null, now, endOfDay, ct);
            }
            if (text is null)
            {
                continue;
            }
            db.ChangeTracker.Clear();
            scope.ServiceProvider.GetRequiredService<Notifier>().Notify(person.UnitId, "digest", text, null, person.Id, $"digest:{person.Id}:{day}");
            db.PendingAction = "notification.digest";
            try
            {
                await db.SaveChangesAsync(ct);
                sent++;
            }
            catch (Exception e) when (SaveConflict.Is(e))
            {
                db.ChangeTracker.Clear(); // another instance sent this person's digest first
            }
        }
        return sent;
    }

    private sealed record Person(string Id, string UnitId, string Roles);

    /// <summary>The unit's open cases, or only those given to <paramref name="assigneeId"/> when the head gave them some.</summary>
    private static async Task<string?> DigestAsync(AppDb db, string unitId, string? assigneeId, DateTimeOffset now, DateTimeOffset endOfDay, CancellationToken ct)
    {
        var cases = db.Set<Case>().AsNoTracking().Where(c => c.LeadUnitId == unitId && CaseSearch.OpenStatuses.Contains(c.Status));
        if (assigneeId is not null)
        {
            cases = cases.Where(c => c.AssigneeId == assigneeId);
        }
        var toSign = await cases.CountAsync(c => c.Status == CaseStatus.Dispatched, ct);
        var dueToday = await cases.CountAsync(c => c.HandleDueAt >= now && c.HandleDueAt <= endOfDay, ct);
        var overdue = await cases.CountAsync(c => c.HandleDueAt < now, ct);
        var assists = await db.Set<AssistDuty>().AsNoTracking()
            .CountAsync(a => a.UnitId == unitId && a.Status == AssistStatus.Pending && a.DueAt <= endOfDay, ct);
        if (toSign + dueToday + overdue + assists == 0)
        {
            return null;
        }
        var parts = new List<string>();
        if (toSign > 0) { parts.Add($"待签收{toSign}件"); }
        if (dueToday > 0) { parts.Add($"今日到期{dueToday}件"); }
        if (overdue > 0) { parts.Add($"已超期{overdue}件"); }
        if (assists > 0) { parts.Add($"协办今日到期{assists}件"); }
        return $"每日待办（{(assigneeId is not null ? "交您办理的" : "本单位")}）：{string.Join("，", parts)}，请及时办理";
    }
}
