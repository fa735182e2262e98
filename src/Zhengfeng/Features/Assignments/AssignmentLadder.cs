using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhengfeng.Data;
using Zhengfeng.Features.Calendar;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Assignments;

/// <summary>Configurable steps of the 督办 ladder for assignments (section "Assignments").</summary>
public sealed class AssignmentRules : IValidatableObject
{
    /// <summary>黄牌 once a milestone or the task is this many working days overdue (提醒 on the first day).</summary>
    [Range(1, 60)] public int YellowAfterWorkdays { get; set; } = 3;

    /// <summary>红牌 once it is this many working days overdue.</summary>
    [Range(2, 120)] public int RedAfterWorkdays { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RedAfterWorkdays <= YellowAfterWorkdays)
        {
            yield return new ValidationResult("红牌的逾期工作日数应大于黄牌", [nameof(RedAfterWorkdays)]);
        }
    }
}

/// <summary>
/// The 督办 ladder for an open assignment: each overdue milestone (step = its seq) and the overdue task itself (step 0)
/// climb 提醒 (the first day overdue) → 黄牌 → 红牌, and with the red card a 约谈建议 when the lead unit keeps collecting
/// red notices. The unique (assignment, step, level) key on <see cref="SupervisionNotice"/> issues each notice once.
/// </summary>
public sealed class AssignmentLadder(AppDb db, WorkCalendar calendar, ClueWorkflow clues, IOptions<AssignmentRules> rules, IOptions<SupervisionRules> supervision)
{
    public const string IssuerName = "系统（交办督办）";

    /// <summary>An overdue step: 0 for the task's due date, n for milestone n.</summary>
    public sealed record Step(int Seq, string Subject, DateOnly DueOn, int DaysOverdue, NoticeLevel Level);

    /// <summary>The level a step due on <paramref name="due"/> has reached today, or null while it is not overdue.</summary>
    public NoticeLevel? LevelFor(DateOnly due, DateOnly today)
    {
        if (today <= due)
        {
            return null;
        }
        var workdays = calendar.WorkdaysBetween(due, today);
        return workdays >= rules.Value.RedAfterWorkdays ? NoticeLevel.Red
            : workdays >= rules.Value.YellowAfterWorkdays ? NoticeLevel.Yellow
            : NoticeLevel.Reminder;
    }

    /// <summary>The overdue steps of an open assignment, milestones before its deadline first, each with the level it has reached.</summary>
    public IReadOnlyList<Step> Overdue(Assignment a, DateOnly today)
    {
        if (!a.IsOpen)
        {
            return [];
        }
        var steps = new List<Step>();
        // A milestone due on the deadline itself is the task's own step: one notice, not two for the same day.
        foreach (var m in a.Milestones.Where(m => m.IsOverdue(today) && m.DueOn < a.DueOn))
        {
            steps.Add(new Step(m.Seq, $"交办事项{a.Number}“{a.Title}”施工图节点{m.Seq}“{m.Title}”计划{Day(m.DueOn)}完成", m.DueOn,
                today.DayNumber - m.DueOn.DayNumber, LevelFor(m.DueOn, today)!.Value));
        }
        if (a.IsOverdue(today))
        {
            steps.Add(new Step(0, $"交办事项{a.Number}“{a.Title}”完成期限{Day(a.DueOn)}", a.DueOn, today.DayNumber - a.DueOn.DayNumber, LevelFor(a.DueOn, today)!.Value));
        }
        return steps;
    }

    /// <summary>
    /// The ladder notices an assignment is owed now, added to the caller's unit of work and numbered: for each overdue step
    /// the level it reached, unless that level or a higher one was issued already (a level the ladder skipped is not sent late).
    /// </summary>
    public async Task<IReadOnlyList<SupervisionNotice>> IssueAsync(Assignment a, DateTimeOffset now, CancellationToken ct)
    {
        var steps = Overdue(a, now.CstDate());
        if (steps.Count == 0)
        {
            return [];
        }
        var issued = await db.Set<SupervisionNotice>().AsNoTracking().Where(n => n.AssignmentId == a.Id && n.AssignmentStep != null)
            .Select(n => new { Step = n.AssignmentStep!.Value, n.Level }).ToListAsync(ct);
        var s = supervision.Value;
        var notices = new List<SupervisionNotice>();
        foreach (var step in steps)
        {
            if (issued.Any(n => n.Step == step.Seq && n.Level >= step.Level))
            {
                continue;
            }
            notices.Add(New(a, step, step.Level, Reason(step), now));
            if (step.Level == NoticeLevel.Red)
            {
                var since = now.AddDays(-s.InterviewWindowDays);
                var reds = await db.Set<SupervisionNotice>().AsNoTracking()
                    .CountAsync(n => n.UnitId == a.LeadUnitId && n.Level == NoticeLevel.Red && n.IssuedAt >= since, ct);
                if (reds >= s.InterviewAfterRedNotices)
                {
                    var why = $"该单位近{s.InterviewWindowDays}天已收到红牌督办{reds}次，{step.Subject}，已逾期{step.DaysOverdue}天，再次严重逾期。建议约谈单位主要负责人。";
                    notices.Add(New(a, step, NoticeLevel.Interview, why, now));
                    clues.AddSystemClue(ClueSource.Task, a.LeadUnitId, "delay", why + "请核查是否存在拖沓延误、慢作为问题。", null).JoinCampaign(a.CampaignId);
                }
            }
        }
        db.AddRange(notices);
        await SupervisionWorkflow.NumberAsync(db, notices, ct);
        return notices;
    }

    /// <summary>The level a hand-issued notice should take next: one above the highest the assignment already has.</summary>
    public static NoticeLevel NextLevel(IEnumerable<NoticeLevel> had)
        => had.DefaultIfEmpty((NoticeLevel)(-1)).Max() switch
        {
            < NoticeLevel.Reminder => NoticeLevel.Reminder,
            NoticeLevel.Reminder => NoticeLevel.Yellow,
            NoticeLevel.Yellow => NoticeLevel.Red,
            _ => NoticeLevel.Interview,
        };

    /// <summary>The reason of a hand-issued notice, from the overdue milestones and due date.</summary>
    public string SuggestedReason(Assignment a, DateOnly today)
    {
        var steps = Overdue(a, today);
        return steps.Count == 0
            ? $"交办事项{a.Number}“{a.Title}”完成期限{Day(a.DueOn)}，推进缓慢。请说明进展情况，按施工图抓紧推进并及时报告。"
            : string.Join("；", steps.Select(s => $"{s.Subject}，已逾期{s.DaysOverdue}天")) + "。请说明逾期原因、落实责任人并限期完成。";
    }

    private static string Reason(Step step) => step.Level switch
    {
        NoticeLevel.Reminder => $"{step.Subject}，已逾期仍未报告完成。请抓紧推进并及时报告进展。",
        NoticeLevel.Yellow => $"{step.Subject}，已逾期{step.DaysOverdue}天仍未报告完成。请说明逾期原因并限期完成。",
        _ => $"{step.Subject}，已逾期{step.DaysOverdue}天仍未报告完成。请书面说明原因、落实责任人并限期完成。",
    };

    private SupervisionNotice New(Assignment a, Step step, NoticeLevel level, string reason, DateTimeOffset now)
    {
        var workdays = supervision.Value.ReplyWorkdays;
        var notice = new SupervisionNotice
        {
            Id = Ids.New(), Year = now.ToCst().Year, UnitId = a.LeadUnitId, AssignmentId = a.Id, AssignmentStep = step.Seq, Level = level, Reason = reason,
            IssuedBy = SupervisionNotice.SystemIssuer, IssuedByName = IssuerName, IssuedAt = now, ReplyWorkdays = workdays,
        };
        notice.JoinCampaign(a.CampaignId);
        notice.StartReplyClock(calendar.WorkdayDeadline(now, workdays));
        return notice;
    }

    private static string Day(DateOnly d) => AssignmentWorkflow.Day(d);
}
