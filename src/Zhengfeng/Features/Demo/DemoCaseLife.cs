using Zhengfeng.Data;
using Zhengfeng.Features.Calendar;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Demo;

/// <summary>Who acts in the demo's history: the hotline's staff, a supervisor, and each unit's shared account.</summary>
public sealed record DemoCast(Actor Operator, Actor Dispatcher, Actor Supervisor, IReadOnlyDictionary<string, Unit> Units,
    IReadOnlyDictionary<string, Actor> UnitStaff, IReadOnlyDictionary<string, Category> Categories)
{
    public Actor StaffOf(string unitId) => UnitStaff.TryGetValue(unitId, out var a) ? a : new Actor("unit", "承办单位", unitId);
}

/// <summary>
/// Lives one demo case from registration to its end, or to "now" when its next step would lie in the future. Every step
/// calls the case's own method at its historical time, with the deadlines the workflow computes (<see cref="CaseWorkflow.Deadlines"/>);
/// before each step the overdue ladder is swept as <c>OverdueSweep</c> would have done at that moment, with its alerts and notices.
/// The records that go with a step (ratings, return and extension requests, alerts, notices, clues) are collected in <see cref="Added"/>.
/// </summary>
public sealed class DemoCaseLife(WorkCalendar calendar, CaseRules rules, SupervisionRules supervision, DemoCast cast, DateTimeOffset now, Random rng)
{
    public List<object> Added { get; } = [];
    /// <summary>The ladder's notices, kept apart so that they can be numbered in the order they were issued.</summary>
    public List<SupervisionNotice> Notices { get; } = [];

    private readonly Dictionary<string, List<DateTimeOffset>> _redNotices = [];

    /// <summary>One case on its way: the time of its last step and the ladder steps already raised (unique per round and level).</summary>
    private sealed class Run(Case c, DateTimeOffset at)
    {
        public Case Case { get; } = c;
        public DateTimeOffset T { get; set; } = at;
        public HashSet<(int Round, OverdueLevel Level)> Alerts { get; } = [];
        public string? MergedNumber { get; set; }
    }

    /// <summary>How a unit behaves: slow units sign and reply late more often.</summary>
    public sealed record Habits(double LateSign, double LateReply, bool Stuck);

    /// <summary>Lives <paramref name="c"/> (already registered at its <c>RegisteredAt</c>) led by <paramref name="lead"/>.</summary>
    public void Live(Case c, Unit lead, Habits habits, Func<Case, Unit, DateTimeOffset, bool> escalateRepeat)
    {
        var r = new Run(c, c.RegisteredAt);
        try
        {
            LiveUntilNow(r, lead, habits, escalateRepeat);
        }
        finally
        {
            Sweep(r, now);
        }
    }

    private void LiveUntilNow(Run r, Unit lead, Habits habits, Func<Case, Unit, DateTimeOffset, bool> escalateRepeat)
    {
        var c = r.Case;
        if (c.Kind == CaseKind.Consultation && rng.NextDouble() < 0.4)
        {
            if (!Step(r, r.T.AddMinutes(rng.Next(3, 20))))
            {
                return;
            }
            c.DirectAnswer(cast.Operator, r.T, "已按现行政策向诉求人作了解答，并告知了办理地点、所需材料和咨询电话。", r.T.AddDays(rules.RatingWindowDays));
            Feedback(r, lead, habits);
            return;
        }
        if (!Step(r, Office(r.T.AddMinutes(rng.Next(5, 60)))))
        {
            return;
        }
        Dispatch(r, lead, null);
        if (escalateRepeat(c, lead, r.T))
        {
            c.RecordEscalation(r.T, "重复投诉，已转为问题线索");
        }
        if (rng.NextDouble() < 0.02)
        {
            // 改派 before the unit signed: the dispatcher picked a better unit.
            var better = OtherUnit(c, lead);
            if (!Step(r, r.T.AddMinutes(rng.Next(15, 50))))
            {
                return;
            }
            Dispatch(r, better, "经进一步了解，改由属地办理");
            lead = better;
        }
        if (rng.NextDouble() < 0.05 && !c.Urgent)
        {
            var (ok, newLead) = Return(r, lead);
            if (!ok)
            {
                return;
            }
            lead = newLead;
        }
        if (c.Status == CaseStatus.Dispatched && !Sign(r, habits))
        {
            return;
        }
        if (!c.Anonymous && rng.NextDouble() < 0.85)
        {
            if (!Step(r, Office(r.T.AddMinutes(rng.Next(20, 300)), c.Urgent)))
            {
                return;
            }
            c.RecordContact(cast.StaffOf(lead.Id), r.T, "已电话联系诉求人，了解具体情况");
        }
        if (rng.NextDouble() < 0.015 && !MergeRepeat(r))
        {
            return;
        }
        if (!c.Urgent && rng.NextDouble() < 0.06 && !Extension(r, lead))
        {
            return;
        }
        Reply(r, lead, habits, firstRound: true);
    }

    private void Reply(Run r, Unit lead, Habits habits, bool firstRound)
    {
        var c = r.Case;
        var due = c.HandleDueAt!.Value;
        if (habits.Stuck && firstRound)
        {
            return; // the unit never answers: open and overdue, climbing the ladder to today
        }
        DateTimeOffset at;
        if (rng.NextDouble() < habits.LateReply && firstRound)
        {
            at = Office(due.AddHours(1 + (rng.NextDouble() * 24 * (1 + rng.Next(6)))), c.Urgent);
        }
        else
        {
            var span = (due - r.T).TotalMinutes;
            at = Office(r.T.AddMinutes(span * (0.1 + (0.75 * Math.Pow(rng.NextDouble(), 1.3)))), c.Urgent);
            if (at > due.AddMinutes(-10))
            {
                at = due.AddMinutes(-10 - rng.Next(120));
            }
        }
        if (!Step(r, at))
        {
            return;
        }
        var outcome = firstRound ? PickOutcome() : (rng.NextDouble() < 0.85 ? ReplyOutcome.Resolved : ReplyOutcome.Partial);
        var staff = cast.StaffOf(lead.Id);
        c.Reply(staff, r.T, ReplyText(outcome, firstRound), outcome, r.T.AddDays(rules.RatingWindowDays));
        if (r.MergedNumber is { } merged)
        {
            c.RecordMergedAnswer(staff, r.T, [merged]);
        }
        Feedback(r, lead, habits);
    }

    /// <summary>The reporter rates within the window, or the hotline closes the case once it passed (often after a return visit).</summary>
    private void Feedback(Run r, Unit lead, Habits habits)
    {
        var c = r.Case;
        var window = rules.RatingWindowDays * 24 * 60;
        if (rng.NextDouble() < (c.Round == 1 ? 0.72 : 0.85))
        {
            if (!Step(r, r.T.AddMinutes(60 + (Math.Pow(rng.NextDouble(), 2.5) * (window - 120)))))
            {
                return;
            }
            // An answer given on the spot is never rated down here: with no lead unit, nobody could rework it.
            var level = c.LeadUnitId is null ? Math.Max(3, PickLevel(c.Outcome, false, c.Round)) : PickLevel(c.Outcome, c.WasOverdue, c.Round);
            var resolved = c.Outcome == ReplyOutcome.Resolved ? level >= 3 : c.Outcome == ReplyOutcome.Partial && level >= 4;
            var bad = level <= 2;
            var comment = rng.NextDouble() < 0.4 ? Pick(bad ? DemoCaseTexts.BadComments : DemoCaseTexts.GoodComments) : null;
            var rating = new Rating { Id = Ids.New(), CaseId = c.Id, Round = c.Round, Level = level, Resolved = resolved, Comment = comment, At = r.T, UnitId = c.LeadUnitId };
            Added.Add(rating);
            c.Rate(r.T, level, resolved, comment, calendar.WorkdayDeadline(r.T, rules.ReworkWorkdays));
            if (!bad)
            {
                return;
            }
            if (c.Round > 2 && c.LeadUnitId is not null)
            {
                AddClue(ClueSource.Case, c.LeadUnitId, "shirking", $"工单 {c.Number}“{c.Title}”重办后再次差评（{Case.RatingLabel(level)}）", c.Id, r.T);
                c.RecordEscalation(r.T, "重办后再次差评，已转为问题线索");
            }
            if (rng.NextDouble() < 0.12 && !Appeal(r, rating, lead))
            {
                return;
            }
            if (!Step(r, Office(r.T.AddMinutes(rng.Next(30, 900)))))
            {
                return;
            }
            c.RecordReturnVisit(cast.Dispatcher, r.T, $"回访诉求人，了解不满意原因：{comment ?? "认为问题未得到实质解决"}。已督促承办单位重办。");
            Reply(r, lead, habits, firstRound: false);
            return;
        }
        if (rng.NextDouble() < 0.3)
        {
            if (!Step(r, Office(r.T.AddDays(2 + rng.Next(4)))))
            {
                return;
            }
            c.RecordReturnVisit(cast.Dispatcher, r.T, rng.NextDouble() < 0.5 ? "回访诉求人，对办理结果表示认可，未进行评价。" : "回访电话两次未接通。");
        }
        if (!Step(r, Office(c.FeedbackDueAt!.Value.AddMinutes(rng.Next(10, 2880)))))
        {
            return;
        }
        c.Close(cast.Dispatcher, r.T, null, rules.RatingWindowDays);
    }

    /// <summary>申诉复核: the unit believes a bad rating malicious; the supervisor upholds a few appeals, with the reason.</summary>
    private bool Appeal(Run r, Rating rating, Unit lead)
    {
        var c = r.Case;
        if (!Step(r, Office(r.T.AddMinutes(rng.Next(60, 600)))))
        {
            return false;
        }
        const string reason = "诉求人所提要求超出政策规定，我单位已依法依规办理并多次解释，评价不能反映办理情况。";
        rating.AppealReason = reason;
        rating.AppealDecision = RequestDecision.Pending;
        c.RecordRatingAppeal(cast.StaffOf(lead.Id), r.T, reason);
        if (!Step(r, Office(r.T.AddMinutes(rng.Next(120, 1440)))))
        {
            return false;
        }
        var upheld = rng.NextDouble() < 0.4;
        var note = upheld ? "经调阅录音和办理记录，诉求人要求明显超出政策范围，认定该评价不计入满意率。" : "办理过程存在不足，评价予以保留。";
        rating.AppealDecision = upheld ? RequestDecision.Approved : RequestDecision.Rejected;
        rating.AppealDecisionNote = note;
        rating.Excluded = upheld;
        c.RecordAppealDecision(cast.Supervisor, r.T, upheld, note);
        return true;
    }

    private void Dispatch(Run r, Unit lead, string? note)
    {
        var c = r.Case;
        var deadlines = CaseWorkflow.Deadlines(calendar, rules, c.Urgent, cast.Categories[c.CategoryCode], r.T);
        c.Dispatch(cast.Dispatcher, r.T, lead.Id, lead.Name, [], deadlines, note);
    }

    private bool Sign(Run r, Habits habits)
    {
        var c = r.Case;
        var due = c.ResponseDueAt!.Value;
        DateTimeOffset at;
        if (c.Urgent)
        {
            var limit = Math.Max(10, (int)(due - r.T).TotalMinutes);
            at = r.T.AddMinutes(rng.NextDouble() < habits.LateSign ? limit + rng.Next(20, 240) : rng.Next(5, limit));
        }
        else if (rng.NextDouble() < habits.LateSign)
        {
            at = Office(due.AddMinutes(rng.Next(30, 1200)));
        }
        else
        {
            at = Office(r.T.AddMinutes(rng.Next(10, 240)));
            if (at > due)
            {
                at = due.AddMinutes(-rng.Next(5, 180));
            }
        }
        if (!Step(r, at))
        {
            return false;
        }
        c.Sign(cast.StaffOf(c.LeadUnitId!), r.T);
        return true;
    }

    /// <summary>退单 within the window after dispatch; the dispatcher approves it (改派) or rules that the unit handles it.</summary>
    private (bool Ok, Unit Lead) Return(Run r, Unit lead)
    {
        var c = r.Case;
        var window = calendar.WorkdayDeadline(c.DispatchedAt!.Value, rules.ReturnWindowWorkdays).DueAt;
        var at = Office(r.T.AddMinutes(rng.Next(20, 240)));
        if (at > window)
        {
            return (true, lead);
        }
        if (!Step(r, at))
        {
            return (false, lead);
        }
        var staff = cast.StaffOf(lead.Id);
        var reason = Pick(DemoCaseTexts.ReturnReasons);
        c.RequestReturn(staff, r.T, reason, rules, window);
        var request = new ReturnRequest { Id = Ids.New(), CaseId = c.Id, UnitId = lead.Id, Reason = reason, RequestedBy = staff.Id, RequestedAt = r.T };
        Added.Add(request);
        if (!Step(r, Office(r.T.AddMinutes(rng.Next(20, 300)))))
        {
            return (false, lead); // 退单中: waits for the dispatcher's ruling
        }
        request.DecidedBy = cast.Dispatcher.Id;
        request.DecidedAt = r.T;
        if (rng.NextDouble() < 0.65)
        {
            var next = OtherUnit(c, lead);
            const string note = "经核实，改由职责单位办理";
            request.Decision = RequestDecision.Approved;
            request.DecisionNote = note;
            request.NewLeadUnitId = next.Id;
            c.ApproveReturn(cast.Dispatcher, r.T, next.Id, next.Name, CaseWorkflow.Deadlines(calendar, rules, c.Urgent, cast.Categories[c.CategoryCode], r.T), note);
            return (true, next);
        }
        const string ruling = "经核实，该事项属于本单位职责，请抓紧办理";
        request.Decision = RequestDecision.Rejected;
        request.DecisionNote = ruling;
        c.RejectReturn(cast.Dispatcher, r.T, ruling);
        return (true, lead);
    }

    /// <summary>延期: asked while handling, approved (the handling deadline moves) or refused by the dispatcher.</summary>
    private bool Extension(Run r, Unit lead)
    {
        var c = r.Case;
        var at = Office(r.T.AddMinutes((c.HandleDueAt!.Value - r.T).TotalMinutes * (0.3 + (0.4 * rng.NextDouble()))));
        if (!Step(r, at))
        {
            return false;
        }
        var workdays = rng.Next(3, 11);
        var reason = Pick(DemoCaseTexts.ExtensionReasons);
        var staff = cast.StaffOf(lead.Id);
        c.RequestExtension(staff, r.T, workdays, reason, rules);
        var request = new ExtensionRequest { Id = Ids.New(), CaseId = c.Id, UnitId = lead.Id, Workdays = workdays, Reason = reason, RequestedBy = staff.Id, RequestedAt = r.T };
        Added.Add(request);
        if (!Step(r, Office(r.T.AddMinutes(rng.Next(30, 600)))))
        {
            return false; // 延期待审批
        }
        request.DecidedBy = cast.Dispatcher.Id;
        request.DecidedAt = r.T;
        if (rng.NextDouble() < 0.75)
        {
            var from = c.HandleDueAt!.Value;
            var due = calendar.WorkdayDeadline(from, workdays);
            request.Decision = RequestDecision.Approved;
            c.ApproveExtension(cast.Dispatcher, r.T, workdays, due with { Explanation = $"原期限{ChinaTime.Format(from)}延期{workdays}个工作日：{due.Explanation}" }, null);
        }
        else
        {
            const string note = "理由不充分，请按原期限办结";
            request.Decision = RequestDecision.Rejected;
            request.DecisionNote = note;
            c.RejectExtension(cast.Dispatcher, r.T, note);
        }
        return true;
    }

    /// <summary>并单: the same reporter calls again about the open case; the repeat joins it and gets its answer.</summary>
    private bool MergeRepeat(Run r)
    {
        var c = r.Case;
        var registered = r.T.AddMinutes(rng.Next(60, 1440));
        var mergeAt = Office(registered.AddMinutes(rng.Next(10, 120)));
        if (mergeAt >= now || mergeAt >= c.HandleDueAt)
        {
            return true;
        }
        var repeat = new Case
        {
            Id = Ids.New(), TrackingCode = CaseWorkflow.NewTrackingCode(), Kind = c.Kind, CategoryCode = c.CategoryCode, Title = c.Title,
            Content = "再次反映：" + c.Content, Channel = "hotline", Address = c.Address, Anonymous = true, RegisteredAt = registered,
        };
        repeat.PlaceIn(c.AreaId);
        repeat.Register(cast.Operator, registered, $"{CaseWorkflow.ChannelLabel("hotline")}受理，{Case.KindLabel(c.Kind)}，{cast.Categories[c.CategoryCode].Name}");
        if (!Step(r, mergeAt))
        {
            return false;
        }
        repeat.MergeInto(c, cast.Dispatcher, r.T);
        r.MergedNumber = repeat.Number;
        Added.Add(repeat);
        return true;
    }

    /// <summary>Moves the case's clock to <paramref name="at"/> (after its last step), sweeping the ladder on the way; false when that is in the future.</summary>
    private bool Step(Run r, DateTimeOffset at)
    {
        if (at <= r.T)
        {
            at = r.T.AddMinutes(1 + rng.Next(10));
        }
        if (at >= now)
        {
            return false;
        }
        Sweep(r, at);
        if (at <= r.T)
        {
            at = r.T.AddMinutes(1);
        }
        r.T = at;
        return true;
    }

    /// <summary>What <c>OverdueSweep</c> does each minute: 预警 a day before the deadline, 黄牌 at it, 红牌 after the grace period.</summary>
    private void Sweep(Run r, DateTimeOffset until)
    {
        var c = r.Case;
        if (!c.IsOpen || c.HandleDueAt is not { } due)
        {
            return;
        }
        var red = calendar.WorkdayDeadline(due, rules.RedCardWorkdays).DueAt;
        foreach (var (level, threshold) in new[] { (OverdueLevel.Warning, due.AddHours(-rules.WarningHours)), (OverdueLevel.YellowCard, due), (OverdueLevel.RedCard, red) })
        {
            var at = (threshold > r.T ? threshold : r.T).AddMinutes(1);
            if (at >= until)
            {
                return;
            }
            if (level <= c.OverdueLevel || !r.Alerts.Add((c.Round, level)))
            {
                continue; // the unique (case, round, level) key: a step is raised once per round
            }
            r.T = at;
            Added.Add(new CaseAlert { Id = Ids.New(), CaseId = c.Id, Round = c.Round, Level = level, At = at });
            var notices = Issue(c, level, at);
            var text = level switch
            {
                OverdueLevel.Warning => $"即将超期：{c.Title}（{c.Number}）办理期限{ChinaTime.Format(due)}",
                OverdueLevel.YellowCard => $"已超期（黄牌）：{c.Title}（{c.Number}）办理期限{ChinaTime.Format(due)}",
                _ => $"严重超期（红牌）：{c.Title}（{c.Number}）办理期限{ChinaTime.Format(due)}",
            };
            var issued = notices.Count == 0 ? "" : $"；已下发{string.Join("、", notices.Select(n => SupervisionNotice.Label(n.Level) + "督办单"))}，请于{ChinaTime.Format(notices[0].ReplyDueAt)}前回复";
            c.RaiseOverdue(level, at, text + issued);
        }
    }

    /// <summary>The notices <see cref="SupervisionLadder"/> issues for a yellow or red step, answered by the unit and judged when time allows.</summary>
    private List<SupervisionNotice> Issue(Case c, OverdueLevel step, DateTimeOffset at)
    {
        if (c.LeadUnitId is not { } unitId || step < OverdueLevel.YellowCard)
        {
            return [];
        }
        var subject = $"工单“{c.Title}”（工单编号{c.Number}）办理期限{ChinaTime.Format(c.HandleDueAt)}";
        var notices = new List<SupervisionNotice>();
        if (step == OverdueLevel.YellowCard)
        {
            notices.Add(Notice(c, unitId, NoticeLevel.Yellow, $"{subject}，已到期仍未办结。请说明超期原因并尽快办结。", at));
        }
        else
        {
            notices.Add(Notice(c, unitId, NoticeLevel.Red, $"{subject}，超期已逾{rules.RedCardWorkdays}个工作日仍未办结。请书面说明原因、落实责任人并限期办结。", at));
            var reds = _redNotices.TryGetValue(unitId, out var list) ? list : _redNotices[unitId] = [];
            var count = reds.Count(x => x >= at.AddDays(-supervision.InterviewWindowDays));
            if (count >= supervision.InterviewAfterRedNotices)
            {
                var why = $"该单位近{supervision.InterviewWindowDays}天已收到红牌督办{count}次，{subject}，再次严重超期。建议约谈单位主要负责人。";
                notices.Add(Notice(c, unitId, NoticeLevel.Interview, why, at));
                AddClue(ClueSource.Case, unitId, "delay", why + "请核查是否存在拖沓延误、慢作为问题。", c.Id, at);
            }
            reds.Add(at);
        }
        foreach (var n in notices)
        {
            var replyAt = Office(at.AddHours(4 + rng.Next(60)));
            if (n.Level != NoticeLevel.Interview && replyAt < n.ReplyDueAt && replyAt < now && rng.NextDouble() < 0.85)
            {
                n.Reply(cast.StaffOf(unitId).Id, replyAt, "已查明超期原因：承办人员对办理时限把握不严。已落实专人跟进，限期办结，并在单位内部通报。");
                var judgedAt = Office(replyAt.AddHours(2 + rng.Next(30)));
                if (judgedAt < now)
                {
                    n.Accept(cast.Supervisor.Id, judgedAt, "原因说明清楚，整改措施可行。");
                }
            }
        }
        Notices.AddRange(notices);
        return notices;
    }

    private SupervisionNotice Notice(Case c, string unitId, NoticeLevel level, string reason, DateTimeOffset at)
    {
        var notice = new SupervisionNotice
        {
            Id = Ids.New(), Year = at.ToCst().Year, UnitId = unitId, CaseId = c.Id, CaseRound = c.Round, Level = level, Reason = reason,
            IssuedBy = SupervisionNotice.SystemIssuer, IssuedByName = "系统（超期督办）", IssuedAt = at, ReplyWorkdays = supervision.ReplyWorkdays,
        };
        notice.StartReplyClock(calendar.WorkdayDeadline(at, supervision.ReplyWorkdays));
        return notice;
    }

    public Clue AddClue(ClueSource source, string unitId, string problemType, string content, string? caseId, DateTimeOffset at)
    {
        var clue = new Clue { Id = Ids.New(), Source = source, UnitId = unitId, ProblemType = problemType, Content = content, CaseId = caseId, RegisteredBy = "system", RegisteredAt = at };
        Added.Add(clue);
        return clue;
    }

    /// <summary>Office hours (08:30–17:30 on working days), where unit staff and dispatchers act; urgent cases are handled around the clock.</summary>
    private DateTimeOffset Office(DateTimeOffset t, bool urgent = false)
    {
        if (urgent)
        {
            return t;
        }
        var cst = t.ToCst();
        var day = DateOnly.FromDateTime(cst.DateTime);
        var time = TimeOnly.FromDateTime(cst.DateTime);
        if (calendar.IsWorkday(day) && time >= new TimeOnly(8, 30) && time < new TimeOnly(17, 30))
        {
            return t;
        }
        if (!calendar.IsWorkday(day) || time >= new TimeOnly(17, 30))
        {
            day = calendar.AddWorkdays(day, 1);
        }
        return ChinaTime.At(day, new TimeOnly(8, 30)).AddMinutes(rng.Next(5, 120));
    }

    private Unit OtherUnit(Case c, Unit lead)
    {
        var plan = DemoCaseTexts.Categories.First(p => p.Code == c.CategoryCode);
        var others = plan.Units.Where(code => cast.Units[code].Id != lead.Id).Distinct().ToList();
        var code = others.Count > 0 ? others[rng.Next(others.Count)] : "t-0" + (1 + rng.Next(9));
        return cast.Units[code].Id == lead.Id ? cast.Units["d-office"] : cast.Units[code];
    }

    private ReplyOutcome PickOutcome() => rng.Next(100) switch
    {
        < 70 => ReplyOutcome.Resolved,
        < 82 => ReplyOutcome.Partial,
        < 95 => ReplyOutcome.Explained,
        _ => ReplyOutcome.Unresolved,
    };

    private string ReplyText(ReplyOutcome outcome, bool firstRound) => firstRound
        ? Pick(outcome switch
        {
            ReplyOutcome.Resolved => DemoCaseTexts.ResolvedReplies,
            ReplyOutcome.Partial => DemoCaseTexts.PartialReplies,
            ReplyOutcome.Explained => DemoCaseTexts.ExplainedReplies,
            _ => DemoCaseTexts.UnresolvedReplies,
        })
        : "重办：单位负责人带队再次到现场核实，" + Pick(DemoCaseTexts.ResolvedReplies);

    /// <summary>满意度 levels 5 to 1 by the outcome; a late answer costs a little. Rework mostly satisfies.</summary>
    private int PickLevel(ReplyOutcome? outcome, bool late, int round)
    {
        int[] weights = outcome switch
        {
            _ when round > 1 => [35, 30, 20, 10, 5],
            ReplyOutcome.Resolved => [62, 25, 9, 3, 1],
            ReplyOutcome.Partial => [22, 30, 28, 12, 8],
            ReplyOutcome.Explained => [38, 30, 20, 8, 4],
            _ => [5, 12, 30, 30, 23],
        };
        var roll = rng.Next(weights.Sum() + (late ? 15 : 0));
        for (var i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i])
            {
                return 5 - i;
            }
            roll -= weights[i];
        }
        return 2;
    }

    private string Pick(IReadOnlyList<string> items) => items[rng.Next(items.Count)];
}
