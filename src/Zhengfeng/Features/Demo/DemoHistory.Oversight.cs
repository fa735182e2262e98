using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Accountability;
using Zhengfeng.Features.Assessments;
using Zhengfeng.Features.Bulletins;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Evaluations;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Demo;

/// <summary>
/// What the year's findings led to: a 通报批评 issued from verified clues and a month's ranking, accountability cases in every
/// state (from a clue, from a red supervision notice, on a unit and on a cadre), 容错免责 applications (approved, refused,
/// pending), last year's closed 评议 with its ballots, results and consequences, and last year's 年度考核 of every unit.
/// Uses a seed of its own, so the cases and clues before it stay as they were.
/// </summary>
public sealed partial class DemoHistory
{
    /// <summary>A clock that stands where the demo's history is, for the workflows that read the time themselves.</summary>
    private sealed class HistoryClock : TimeProvider
    {
        public DateTimeOffset At { get; set; }

        public override DateTimeOffset GetUtcNow() => At.ToUniversalTime();
    }

    public sealed record Oversight(int Accountability, int Exemptions, int Ballots, int Assessments, int Bulletins);

    private async Task<Oversight> LoadOversightAsync(DemoCast cast, Actor inspector, Actor leader, Actor admin, DateTimeOffset now, CancellationToken ct)
    {
        var rng = new Random(Seed + 1);
        var clues = await db.Set<Clue>().AsNoTracking()
            .Where(c => c.Source != ClueSource.Case && c.Status == ClueStatus.Verified && c.Result == VerificationResult.True)
            .ToListAsync(ct);
        clues = clues.OrderBy(c => c.VerifiedAt).ToList();
        var bulletins = await IssueBulletinAsync(cast, clues, now, ct);
        var cadres = await db.Cadres.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var cases = await AccountabilityAsync(cast, inspector, clues, cadres, rng, now, ct);
        var exemptions = Exemptions(cast, inspector, leader, cases, cadres, now);
        await SaveAsync(ct);
        var ballots = await EvaluationAsync(cast, rng, now, ct);
        var graded = await AssessmentsAsync(cast, admin, rng, now, ct);
        return new Oversight(cases.Count, exemptions, ballots, graded, bulletins);
    }

    /// <summary>通报批评 of the verified problems of the last quarter and last month's ranking, composed and issued on the month's first working day.</summary>
    private async Task<int> IssueBulletinAsync(DemoCast cast, List<Clue> clues, DateTimeOffset now, CancellationToken ct)
    {
        var today = now.CstDate();
        var issuedOn = calendar.AddWorkdays(new DateOnly(today.Year, today.Month, 1).AddDays(-1), 1);
        var issuedAt = ChinaTime.At(issuedOn, new TimeOnly(15, 0));
        if (issuedAt >= now)
        {
            issuedOn = calendar.AddWorkdays(new DateOnly(today.Year, today.Month, 1).AddMonths(-1).AddDays(-1), 1);
            issuedAt = ChinaTime.At(issuedOn, new TimeOnly(15, 0));
        }
        var cited = clues.Where(c => c.VerifiedAt < issuedAt && c.VerifiedAt >= issuedAt.AddDays(-120)).TakeLast(4).ToList();
        var period = issuedOn.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var body = await composer.ComposeAsync(BulletinKind.Criticism, cited, [], period, ct);
        var head = await letterhead.GetAsync(cast.Units["county"].Id, ct); // the county's own 发文字号, not the city's
        var bulletin = new Bulletin
        {
            Id = Ids.New(), Kind = BulletinKind.Criticism, OrganName = head.OrganName, Prefix = head.Prefix, PrintedBy = head.PrintedBy,
            Title = $"关于{issuedOn.AddMonths(-1).Month}月份作风效能监督情况的通报", Recipients = "各乡镇（街道）党（工）委，县直各单位", Body = body,
            ClueIds = string.Join(",", cited.Select(c => c.Id)), RankingPeriod = period, CreatedBy = cast.Supervisor.Id, CreatedAt = issuedAt.AddHours(-5),
        };
        var last = await db.Set<Bulletin>().Where(b => b.Prefix == head.Prefix && b.Year == issuedOn.Year).MaxAsync(b => b.Serial, ct);
        bulletin.Issue((last ?? 0) + 1, issuedOn, cast.Supervisor.Id, issuedAt);
        db.Add(bulletin);
        return 1;
    }

    /// <summary>问责 opened from true clues and from a red notice, carried as far as their dates allow: decided, investigating, opened, dismissed.</summary>
    private async Task<List<AccountabilityCase>> AccountabilityAsync(DemoCast cast, Actor inspector, List<Clue> clues, Dictionary<string, Cadre> cadres, Random rng,
        DateTimeOffset now, CancellationToken ct)
    {
        var units = cast.Units.Values.ToDictionary(u => u.Id);
        var list = new List<AccountabilityCase>();
        AccountabilityCase Open(Clue? clue, SupervisionNotice? notice, Unit unit, bool onCadre, string facts, DateTimeOffset at)
        {
            var cadreId = onCadre ? unit.DeputyId ?? unit.HeadId : null;
            var item = new AccountabilityCase
            {
                Id = Ids.New(), SubjectType = cadreId is null ? AccountabilitySubject.Unit : AccountabilitySubject.Cadre,
                UnitId = cadreId is null ? unit.Id : null, CadreId = cadreId, HeadId = cadreId is null ? unit.HeadId : null, DeputyId = cadreId is null ? unit.DeputyId : null,
                ClueId = clue?.Id, NoticeId = notice?.Id, CaseId = notice?.CaseId, Facts = facts, OpenedBy = inspector.Id, OpenedAt = at,
            };
            db.Add(item);
            list.Add(item);
            return item;
        }
        // Plans: 0–1 decided on the unit, 2 decided on the cadre, 3 investigating, 4 opened, 5 dismissed; 6 is the cadre of the exemption.
        for (var i = 0; i < Math.Min(7, clues.Count); i++)
        {
            var clue = clues[i];
            var unit = units[clue.UnitId];
            var onCadre = i is 2 or 6 && (unit.DeputyId ?? unit.HeadId) is { } leading && cadres.TryGetValue(leading, out var who) && who.IsLeadingCadre;
            var at = Office(rng, clue.VerifiedAt!.Value.AddDays(5 + rng.Next(5)));
            if (i == 4)
            {
                at = Office(rng, now.AddDays(-6)); // a fresh one, still waiting for its investigation
            }
            if (at >= now)
            {
                continue;
            }
            var item = Open(clue, null, unit, onCadre, $"经核查，{clue.Content.TrimEnd('。')}，问题属实。相关责任人履职不力，按照《中国共产党问责条例》启动问责。", at);
            if (i == 4)
            {
                continue;
            }
            at = Office(rng, at.AddDays(2));
            item.StartInvestigation();
            at = Office(rng, at.AddDays(10 + rng.Next(10)));
            if (at >= now)
            {
                continue;
            }
            item.RecordFindings("经调阅台账、约谈相关人员、听取单位说明，认定上述问题事实清楚，相关单位和人员负有管理责任。", at);
            if (i is 3 or 6)
            {
                continue; // 调查中 (6 waits for its exemption)
            }
            at = Office(rng, at.AddDays(7 + rng.Next(7)));
            if (at >= now)
            {
                continue;
            }
            if (i == 5)
            {
                item.Dismiss("问题发生在机构调整交接期间，相关单位已主动整改，情节轻微，依规不予问责。", inspector.Id, at);
                continue;
            }
            var deputyLeads = item.DeputyId is { } d && cadres.TryGetValue(d, out var deputy) && deputy.IsLeadingCadre;
            IReadOnlyCollection<AccountabilityForm> forms = onCadre ? [AccountabilityForm.Admonition] : [AccountabilityForm.UnitCircular];
            IReadOnlyCollection<AccountabilityForm> deputyForms = !onCadre && deputyLeads ? [AccountabilityForm.Circular] : [];
            // 1 also puts a 函询 to the unit's head, who answers within the 15 working days and is believed.
            IReadOnlyCollection<AccountabilityForm> headForms = i == 1 && item.HeadId is not null ? [AccountabilityForm.Inquiry] : [];
            item.Decide(onCadre ? "对相关领导干部予以诫勉。" : "对该单位予以通报问责，责令作出书面检查并限期整改。" + (headForms.Count > 0 ? "对单位主要负责人函询。" : ""),
                forms, headForms, deputyForms, [], null, at.CstDate(), onCadre ? 2 : 1, inspector.Id, at);
            if (headForms.Count > 0)
            {
                item.ExpectAnswerBy(calendar.AddWorkdays(at.CstDate(), AccountabilityWorkflow.AnswerWorkdays));
                var answeredAt = Office(rng, at.AddDays(8));
                if (answeredAt < now)
                {
                    item.RecordAnswer("收到函询后，本人对照问题逐项自查：群众诉求办理不及时，主要是分工不明确、督促不到位，本人负有主体责任。"
                        + "已召开专题会议重新明确责任分工，建立周调度制度，逐件销号。", answeredAt);
                    var assessedAt = Office(rng, answeredAt.AddDays(3));
                    if (assessedAt < now)
                    {
                        item.AssessAnswer(AnswerAssessment.Accepted, "说明材料如实反映了问题原因，整改措施具体，予以采信，函询了结。", assessedAt);
                    }
                }
            }
        }
        // A unit that kept collecting red supervision notices: 问责 from the last one.
        var red = await db.Set<SupervisionNotice>().AsNoTracking().Where(n => n.Level == NoticeLevel.Red).ToListAsync(ct);
        var worst = red.GroupBy(n => n.UnitId).OrderByDescending(g => g.Count()).ThenBy(g => units.TryGetValue(g.Key, out var u) ? u.Code : g.Key, StringComparer.Ordinal)
            .FirstOrDefault(g => units.ContainsKey(g.Key));
        if (worst is not null)
        {
            var notice = worst.OrderBy(n => n.IssuedAt).Last();
            var at = Office(rng, notice.IssuedAt.AddDays(7));
            if (at < now)
            {
                var item = Open(null, notice, units[worst.Key], false,
                    $"{units[worst.Key].Name}近一年收到红牌督办{worst.Count()}次，{notice.Reason}", at);
                item.StartInvestigation();
            }
        }
        return list;
    }

    /// <summary>容错免责: approved for the cadre whose case waits for it (closing the case), refused for another, one pending.</summary>
    private int Exemptions(DemoCast cast, Actor inspector, Actor leader, List<AccountabilityCase> cases, Dictionary<string, Cadre> cadres, DateTimeOffset now)
    {
        var count = 0;
        Exemption Apply(string cadreId, string? caseId, string facts, bool majorLoss, DateTimeOffset at)
        {
            var e = new Exemption
            {
                Id = Ids.New(), CadreId = cadreId, AccountabilityCaseId = caseId, Facts = facts,
                PublicPurpose = true, PublicPurposeNote = "为推进项目按期完工、保障群众利益。",
                NoPersonalGain = true, NoPersonalGainNote = "未谋取任何私利。",
                NoBreachOfLaw = true, NoBreachOfLawNote = "未违反法律法规和党纪。",
                NoMajorLoss = !majorLoss, NoMajorLossNote = majorLoss ? "造成了一定经济损失。" : "未造成重大损失。",
                TimelyRemedy = true, TimelyRemedyNote = "发现问题后立即采取补救措施。",
                ProcedureFollowed = true, ProcedureFollowedNote = "经班子会议集体研究决定。",
                AppliedBy = cast.StaffOf(cadres[cadreId].UnitId).Id, AppliedAt = at,
            };
            db.Add(e);
            count++;
            return e;
        }
        var waiting = cases.FirstOrDefault(c => c.SubjectType == AccountabilitySubject.Cadre && c.Status == AccountabilityStatus.Investigating);
        if (waiting is not null && waiting.FindingsAt is { } found)
        {
            var at = Office(new Random(Seed + 2), found.AddDays(3));
            if (at < now)
            {
                var e = Apply(waiting.CadreId!, waiting.Id, "为赶在汛期前完成防汛设施改造，在资金拨付前先行组织施工，程序上存在瑕疵。", false, at);
                var decidedAt = Office(new Random(Seed + 3), at.AddDays(10));
                if (decidedAt < now)
                {
                    e.Approve("符合容错免责的六项条件，予以容错免责。", [], leader.Id, decidedAt);
                    waiting.Exempt(e.Id, "符合容错免责的六项条件，予以容错免责。", leader.Id, decidedAt);
                }
            }
        }
        var decided = cases.Where(c => c.SubjectType == AccountabilitySubject.Cadre && c.Status == AccountabilityStatus.Decided && c.DecidedAt is not null).ToList();
        foreach (var (c, i) in decided.Select((c, i) => (c, i)))
        {
            var at = Office(new Random(Seed + 4 + i), c.DecidedAt!.Value.AddDays(-5));
            var e = Apply(c.CadreId!, null, "在推行窗口服务改革中先行先试，因系统切换造成部分群众重复跑腿。", true, at);
            if (i == 0)
            {
                var decidedAt = Office(new Random(Seed + 5), at.AddDays(3));
                if (decidedAt < now)
                {
                    e.Refuse("造成群众多次往返，损失和影响较大，不符合容错免责条件。", ["noMajorLoss"], inspector.Id, decidedAt);
                }
            }
        }
        var pending = cast.Units.Values.Where(u => u.HeadId is not null).OrderBy(u => u.Code, StringComparer.Ordinal).Skip(5).FirstOrDefault();
        if (pending is not null)
        {
            var at = Office(new Random(Seed + 6), now.AddDays(-4));
            Apply(pending.HeadId!, null, "为解决企业开办难题，试行“先照后证”容缺受理，个别材料事后补齐时出现遗漏。", false, at < now ? at : now.AddHours(-1));
        }
        return count;
    }

    /// <summary>Last year's 评议 of ten units by three rater groups, through the evaluation's own workflow at its historical times.</summary>
    private async Task<int> EvaluationAsync(DemoCast cast, Random rng, DateTimeOffset now, CancellationToken ct)
    {
        var year = now.CstDate().Year - 1;
        var history = new HistoryClock { At = ChinaTime.At(new DateOnly(year, 12, 1), new TimeOnly(9, 30)) };
        var flow = new EvaluationWorkflow(db, history, evaluationRules);
        var evaluated = cast.Units.Values.Where(u => u.Kind == UnitKind.Department).OrderBy(u => u.Code, StringComparer.Ordinal).Take(10).ToList();
        var campaign = await flow.CreateAsync(new CreateCampaignRequest
        {
            Name = $"{year}年度政风行风民主评议", Year = year, UnitIds = evaluated.Select(u => u.Id).ToList(),
            Groups = [new() { Group = RaterGroup.Deputies, Weight = 30 }, new() { Group = RaterGroup.Firms, Weight = 30 }, new() { Group = RaterGroup.Public, Weight = 40 }],
        }, ct);
        history.At = history.At.AddDays(4);
        await flow.OpenAsync(campaign.Id, ct);
        var ballots = 0;
        foreach (var group in new[] { RaterGroup.Deputies, RaterGroup.Firms, RaterGroup.Public })
        {
            var codes = await flow.IssueBallotsAsync(campaign.Id, new IssueBallotsRequest { Group = group, Count = 8 }, ct);
            foreach (var code in codes)
            {
                history.At = history.At.AddHours(3 + rng.Next(20));
                var ratings = evaluated.Select(u => new UnitRating
                {
                    UnitId = u.Id,
                    Level = (SlowUnits.Contains(u.Code) ? rng.Next(10) + 3 : rng.Next(10)) switch
                    {
                        < 7 => SatisfactionLevel.Satisfied,
                        < 10 => SatisfactionLevel.Basic,
                        _ => SatisfactionLevel.Unsatisfied,
                    },
                }).ToList();
                await flow.CastAsync(code, new CastBallotRequest { Ratings = ratings }, ct);
                ballots++;
            }
        }
        history.At = ChinaTime.At(new DateOnly(year, 12, 28), new TimeOnly(16, 0));
        await flow.CloseAsync(campaign.Id, ct);
        db.ChangeTracker.Clear();
        return ballots;
    }

    /// <summary>
    /// Last year's 年度考核 of every demo unit: 优秀 only within the unit's quota (none for the demo's small units of two or three
    /// cadres), never for a cadre with a 问责 case; a few 基本称职.
    /// </summary>
    private async Task<int> AssessmentsAsync(DemoCast cast, Actor admin, Random rng, DateTimeOffset now, CancellationToken ct)
    {
        var year = now.CstDate().Year - 1;
        var at = ChinaTime.At(new DateOnly(year + 1, 1, 12), new TimeOnly(10, 0));
        at = at < now ? at : now.AddHours(-1);
        var unitIds = cast.Units.Values.Where(u => !Unit.IsArea(u.Kind)).Select(u => u.Id).ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(c => c.IsActive && unitIds.Contains(c.UnitId)).ToListAsync(ct);
        var touched = (await db.Set<AccountabilityCase>().AsNoTracking().Select(c => new { c.CadreId, c.HeadId, c.DeputyId }).ToListAsync(ct))
            .SelectMany(x => new[] { x.CadreId, x.HeadId, x.DeputyId }).OfType<string>().ToHashSet();
        var count = 0;
        foreach (var unit in cadres.GroupBy(c => c.UnitId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var people = unit.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
            var quota = AssessmentWorkflow.ExcellentQuota(people.Count, assessmentRules.Value.ExcellentQuotaPercent, assessmentRules.Value.MinimumOneFrom);
            var excellent = 0;
            foreach (var cadre in people)
            {
                var roll = rng.Next(100);
                var grade = roll < 30 && excellent < quota && !touched.Contains(cadre.Id) ? AssessmentGrade.Excellent
                    : roll > 96 ? AssessmentGrade.Basic : AssessmentGrade.Competent;
                excellent += grade == AssessmentGrade.Excellent ? 1 : 0;
                var a = new AnnualAssessment { Id = Ids.New(), CadreId = cadre.Id, UnitId = cadre.UnitId, Year = year };
                a.Record(grade, null, admin.Id, at);
                db.Add(a);
                count++;
            }
        }
        await SaveAsync(ct);
        return count;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        db.PendingAction = "demo.load";
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
