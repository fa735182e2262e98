using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhengfeng.Data;
using Zhengfeng.Features.Calendar;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Supervision;

/// <summary>
/// The notices the overdue ladder issues by itself: 黄牌 at the deadline, 红牌 after the grace period, and on a red card
/// for a unit that keeps collecting them, a 约谈建议 plus a problem clue for accountability. Everything is added to the
/// sweeper's unit of work, so it is saved with the case's <see cref="CaseAlert"/> or not at all.
/// </summary>
public sealed class SupervisionLadder(AppDb db, WorkCalendar calendar, ClueWorkflow clues, IOptions<SupervisionRules> options, IOptions<CaseRules> caseRules)
{
    public async Task<IReadOnlyList<SupervisionNotice>> IssueAsync(Case c, OverdueLevel step, DateTimeOffset now, CancellationToken ct)
    {
        if (c.LeadUnitId is not { } unitId || step < OverdueLevel.YellowCard)
        {
            return [];
        }
        var rules = options.Value;
        var due = ChinaTime.Format(c.HandleDueAt);
        var subject = $"工单“{c.Title}”（工单编号{c.Number}）办理期限{due}";
        var notices = new List<SupervisionNotice>();
        if (step == OverdueLevel.YellowCard)
        {
            notices.Add(New(c, unitId, NoticeLevel.Yellow, $"{subject}，已到期仍未办结。请说明超期原因并尽快办结。", now));
        }
        else
        {
            notices.Add(New(c, unitId, NoticeLevel.Red,
                $"{subject}，超期已逾{caseRules.Value.RedCardWorkdays}个工作日仍未办结。请书面说明原因、落实责任人并限期办结。", now));
            var since = now.AddDays(-rules.InterviewWindowDays);
            var reds = await db.Set<SupervisionNotice>().AsNoTracking()
                .CountAsync(n => n.UnitId == unitId && n.Level == NoticeLevel.Red && n.IssuedAt >= since, ct);
            if (reds >= rules.InterviewAfterRedNotices)
            {
                var why = $"该单位近{rules.InterviewWindowDays}天已收到红牌督办{reds}次，{subject}，再次严重超期。建议约谈单位主要负责人。";
                notices.Add(New(c, unitId, NoticeLevel.Interview, why, now));
                clues.AddSystemClue(ClueSource.Case, unitId, "delay", why + "请核查是否存在拖沓延误、慢作为问题。", c.Id);
            }
        }
        db.AddRange(notices);
        await SupervisionWorkflow.NumberAsync(db, notices, ct);
        return notices;
    }

    private SupervisionNotice New(Case c, string unitId, NoticeLevel level, string reason, DateTimeOffset now)
    {
        var workdays = options.Value.ReplyWorkdays;
        var notice = new SupervisionNotice
        {
            Id = Ids.New(), Year = now.ToCst().Year, UnitId = unitId, CaseId = c.Id, CaseRound = c.Round, Level = level, Reason = reason,
            IssuedBy = SupervisionNotice.SystemIssuer, IssuedByName = "系统（超期督办）", IssuedAt = now, ReplyWorkdays = workdays,
        };
        notice.StartReplyClock(calendar.WorkdayDeadline(now, workdays));
        return notice;
    }
}
