using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Assignments;
using Zhengfeng.Features.Assists;
using Zhengfeng.Features.Calendar;
using Zhengfeng.Features.Campaigns;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Demo;

/// <summary>
/// The demo county's year of 作风办 work: one running 专项整治 with its phases, units, monthly reports and clues, and a
/// year of assigned work (交办事项) with milestones, assist units, progress, acceptance and the 督办 notices on the late
/// ones, so the campaign, assignment, assist and score pages are not empty. Runs once: it stops when the campaign exists.
/// </summary>
public sealed class DemoWork(AppDb db, TimeProvider clock, WorkCalendar calendar)
{
    public const string CampaignName = "2026年不作为慢作为乱作为专项整治";

    private const int Seed = 20261127;

    private static readonly string[] CampaignUnits =
        ["d-edu", "d-urban", "d-housing", "d-market", "d-land", "d-eco", "d-hr", "d-civil", "d-transport", "d-health", "t-01", "t-02", "t-03", "t-04"];

    private static readonly (string Title, string Lead, string[] Assists, AssignmentSource Source, string Note)[] Works =
    [
        ("老旧小区改造第二批项目开工", "d-housing", ["d-urban", "t-01"], AssignmentSource.Meeting, "县政府常务会议2026年第3次会议纪要"),
        ("城区背街小巷路灯修复", "d-urban", ["d-housing"], AssignmentSource.Leader, "县长在《群众来信摘报》第12期上的批示"),
        ("校园周边交通秩序整治", "d-edu", ["d-transport", "t-01"], AssignmentSource.Campaign, "县作发〔2026〕5号 责任清单第3项"),
        ("农贸市场食品安全“两个责任”落实", "d-market", ["t-02"], AssignmentSource.Campaign, "县作发〔2026〕5号 责任清单第7项"),
        ("农民工工资拖欠问题清零", "d-hr", ["d-housing", "d-transport"], AssignmentSource.Superior, "市政府办公室《关于做好欠薪治理的通知》"),
        ("违法占地图斑整改销号", "d-land", ["t-03", "t-04"], AssignmentSource.Superior, "市自然资源和规划局督办函"),
        ("城区餐饮油烟扰民整治", "d-eco", ["d-urban", "d-market"], AssignmentSource.Campaign, "县作发〔2026〕5号 责任清单第9项"),
        ("低保对象动态核查", "d-civil", ["t-01", "t-02"], AssignmentSource.Meeting, "县委常委会2026年第8次会议议定事项"),
        ("乡镇卫生院“一老一小”服务提升", "d-health", ["t-03"], AssignmentSource.Leader, "分管副县长调研讲话要求"),
        ("政务服务“好差评”差评整改", "d-market", ["d-hr"], AssignmentSource.Campaign, "县作发〔2026〕5号 责任清单第11项"),
        ("集镇“脏乱差”环境整治", "t-01", ["d-urban", "d-eco"], AssignmentSource.Campaign, "县作发〔2026〕5号 责任清单第14项"),
        ("公交站台候车亭维修", "d-transport", ["d-urban"], AssignmentSource.Leader, "县长热线工作例会要求"),
        ("学生资助资金发放核查", "d-edu", ["d-civil"], AssignmentSource.Superior, "市教育局转办函"),
        ("村级道路安全隐患排查", "t-04", ["d-transport"], AssignmentSource.Meeting, "县安委会2026年第2次全体会议纪要"),
        ("不动产登记“一窗受理”压缩时限", "d-land", ["d-housing"], AssignmentSource.Campaign, "县作发〔2026〕5号 责任清单第5项"),
        ("河道“四乱”问题清理", "t-02", ["d-eco"], AssignmentSource.Superior, "市河长办督办单"),
    ];

    public async Task LoadAsync(CancellationToken ct)
    {
        if (await db.Set<Campaign>().AnyAsync(c => c.Name == CampaignName, ct))
        {
            return;
        }
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var supervisor = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Username == "supervisor", ct);
        if (supervisor is null || !CampaignUnits.All(units.ContainsKey))
        {
            return;
        }
        var accounts = (await db.Users.AsNoTracking().Where(u => u.Roles == Roles.Unit).OrderBy(u => u.Username).ToListAsync(ct))
            .GroupBy(u => u.UnitId).ToDictionary(g => g.Key, g => (g.First().Id, g.First().DisplayName));
        var rng = new Random(Seed);
        var now = clock.GetUtcNow();
        var today = now.CstDate();
        var year = today.Year;
        var leaders = (await db.Cadres.AsNoTracking().Where(c => c.UnitId == units["county"]).ToListAsync(ct))
            .OrderBy(c => Precedence(c.Post)).ThenBy(c => c.CreatedAt).Take(3).ToList();

        var campaign = Campaign.Plan(Ids.New(), new CampaignPlan(CampaignName, $"县作发〔{year}〕5号",
            "集中整治推诿扯皮、办事拖沓、服务冷漠、吃拿卡要等作风顽疾，建立责任清单，定期通报整改完成率。",
            new DateOnly(year, 3, 1), new DateOnly(year, 12, 31), ReportCycle.Monthly,
            [
                new PhasePlan("动员部署", new DateOnly(year, 3, 1), new DateOnly(year, 3, 31)),
                new PhasePlan("自查自纠", new DateOnly(year, 4, 1), new DateOnly(year, 6, 30)),
                new PhasePlan("集中整治", new DateOnly(year, 7, 1), new DateOnly(year, 10, 31)),
                new PhasePlan("总结提升", new DateOnly(year, 11, 1), new DateOnly(year, 12, 31)),
            ],
            [.. leaders.Select((c, i) => new LeaderPlan(c.Name, c.Post, i == 0 ? "组长" : "副组长")), new LeaderPlan(supervisor.DisplayName, "县作风办主任", "办公室主任")],
            [.. CampaignUnits.Select(code => units[code])]), supervisor.Id, supervisor.DisplayName, new DateTimeOffset(year, 2, 26, 9, 0, 0, TimeSpan.FromHours(8)));
        db.Add(campaign);

        // Monthly reports: most units report every month; t-03 skips the summer months (零报告), d-market reports 无问题 in August
        // while the inspection tour found a problem about it in the same month (flagged).
        foreach (var code in CampaignUnits)
        {
            var unitId = units[code];
            foreach (var period in campaign.PeriodsUntil(today.AddMonths(-1)))
            {
                var range = ReportPeriods.Range(ReportCycle.Monthly, period)!.Value;
                if ((code == "t-03" && range.Start.Month is >= 6 and <= 8) || rng.Next(12) == 0)
                {
                    continue;
                }
                var noProblem = code == "d-market" && range.Start.Month == 8;
                var at = Cst(range.End.AddDays(-rng.Next(3)), 16);
                db.Add(new CampaignReport
                {
                    Id = Ids.New(), CampaignId = campaign.Id, UnitId = unitId, Period = period, PhaseSeq = campaign.PhaseOn(range.Start)?.Seq, NoProblem = noProblem,
                    Content = noProblem ? "本月自查未发现作风方面问题。" : $"本月开展自查{rng.Next(2, 6)}次，查摆问题{rng.Next(1, 4)}个，已整改{rng.Next(1, 3)}个，其余按期推进。",
                    ReportedBy = accounts.GetValueOrDefault(unitId).Id ?? supervisor.Id, ReportedByName = accounts.GetValueOrDefault(unitId).DisplayName ?? "单位填报", ReportedAt = at,
                });
            }
        }
        AddClue(campaign, units["d-market"], ClueSource.Tour, "laxity", "巡查发现县市场监管局窗口工作人员在岗玩手机，群众排队等候超过40分钟无人引导。", Cst(new DateOnly(year, 8, 19), 10), supervisor.Id);
        AddClue(campaign, units["d-housing"], ClueSource.Mystery, "delay", "暗访发现物业维修资金申请材料被要求重复提交三次，办理超过承诺时限。", Cst(new DateOnly(year, 7, 9), 15), supervisor.Id);
        AddClue(campaign, units["t-01"], ClueSource.Self, "shirking", "自查发现集镇环境卫生保洁责任区划分不清，存在推诿现象。", Cst(new DateOnly(year, 4, 22), 11), supervisor.Id);

        var seq = await db.Set<Assignment>().Where(a => a.Year == year).MaxAsync(a => (int?)a.Seq, ct) ?? 0;
        var notices = new List<SupervisionNotice>();
        for (var i = 0; i < Works.Length * 2; i++)
        {
            var (title, lead, assists, source, note) = Works[i % Works.Length];
            var assigned = new DateOnly(year, 1, 6).AddDays(i * 10 + rng.Next(5));
            if (assigned > today.AddDays(-3))
            {
                break;
            }
            var due = assigned.AddDays(25 + rng.Next(30));
            var inCampaign = source == AssignmentSource.Campaign && assigned >= campaign.StartsOn;
            var a = new Assignment
            {
                Id = Ids.New(), Year = year, Title = i < Works.Length ? title : $"{title}（第二批）", Content = $"按照{note}要求，{title}，明确责任人和完成时限，按节点推进并报送进展。",
                Source = inCampaign || source != AssignmentSource.Campaign ? source : AssignmentSource.Meeting, SourceNote = note,
                CampaignId = inCampaign ? campaign.Id : null, PhaseSeq = inCampaign ? campaign.PhaseOn(due)?.Seq : null,
                LeadUnitId = units[lead], ResponsibleName = lead.StartsWith("t-", StringComparison.Ordinal) ? "分管副镇长（副主任）" : "分管副局长", DueOn = due, ReportCycle = ReportCycle.None,
                AssignedBy = supervisor.Id, AssignedByName = supervisor.DisplayName, AssignedAt = Cst(assigned, 10),
            };
            a.AssignNumber(++seq);
            var third = (due.DayNumber - assigned.DayNumber) / 3;
            a.PlanMilestones([("制定工作方案、明确责任人", assigned.AddDays(third)), ("完成主体工作", assigned.AddDays(2 * third)), ("验收总结", due)]);
            db.Add(a);
            var dutyDue = Cst(calendar.WorkdayDeadline(Cst(assigned, 10), 5).DueAt.CstDate(), 18);
            foreach (var code in assists)
            {
                var duty = new AssistDuty
                {
                    Id = Ids.New(), OwnerType = AssistOwner.Assignment, OwnerId = a.Id, Round = 1, LeadUnitId = a.LeadUnitId, UnitId = units[code],
                    Part = $"配合提供{title}相关资料并落实本单位职责范围内事项", DueAt = dutyDue, CreatedAt = a.AssignedAt,
                };
                db.Add(duty);
                var answer = rng.Next(10);
                var (staffId, staffName) = accounts.GetValueOrDefault(duty.UnitId, (supervisor.Id, "配合单位"));
                if (dutyDue < now)
                {
                    if (answer == 0 && i > 3)
                    {
                        duty.Refuse(staffId, staffName, dutyDue.AddHours(-30), "该事项不属本单位职责，建议由属地乡镇负责。");
                    }
                    else if (answer >= 2)
                    {
                        duty.Give(staffId, staffName, dutyDue.AddHours(answer == 9 ? 50 : -rng.Next(8, 60)), "已按要求提供资料并安排专人对接。");
                    }
                }
            }
            var (leadId, leadName) = accounts.GetValueOrDefault(a.LeadUnitId, (supervisor.Id, "牵头单位"));
            Walk(a, (assigned, due, today), rng, (leadId, leadName), (supervisor.Id, supervisor.DisplayName), notices);
        }
        await SupervisionWorkflow.NumberAsync(db, notices, ct);
        db.PendingAction = "demo.load";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Moves one assignment through its year: milestones, progress, completion and acceptance, or the ladder when it is late.</summary>
    private void Walk(Assignment a, (DateOnly Assigned, DateOnly Due, DateOnly Today) days, Random rng, (string Id, string Name) lead, (string Id, string Name) supervisor,
        List<SupervisionNotice> notices)
    {
        var (assigned, due, today) = days;
        var late = a.Seq % 5 == 2 || a.Title.StartsWith("河道", StringComparison.Ordinal);
        foreach (var m in a.Milestones)
        {
            var doneOn = m.DueOn.AddDays(late && m.Seq > 1 ? 12 : -rng.Next(1, 4));
            if (doneOn >= today || (m.Seq == 3 && (late || due >= today)))
            {
                break;
            }
            db.Add(a.CompleteMilestone(m.Seq, lead.Id, lead.Name, Cst(doneOn, 17), $"已按施工图完成“{m.Title}”。"));
        }
        var finished = due.AddDays(late ? 15 : -rng.Next(1, 5));
        var stillOpen = late ? due > today.AddDays(-100) : finished >= today.AddDays(-2);
        if (!stillOpen)
        {
            db.Add(a.Complete(lead.Id, lead.Name, Cst(finished, 16), "各项节点任务已完成，佐证材料已上传。"));
            if (!late && due >= today.AddDays(-12))
            {
                return; // 已报完成, waiting for the supervisor's acceptance
            }
            db.Add(a.Accept(supervisor.Id, supervisor.Name, Cst(finished.AddDays(2), 10), "经实地核验，完成情况属实，同意验收。"));
            return;
        }
        if (a.Milestones.All(m => m.DoneOn is null) && assigned < today.AddDays(-7))
        {
            db.Add(a.Progress(a.LeadUnitId, lead.Id, lead.Name, Cst(assigned.AddDays(5), 15), "已召开专题会议部署，正在制定工作方案。", null));
        }
        if (due < today)
        {
            var dueAt = Cst(due, 18);
            var overdueDays = today.DayNumber - due.DayNumber;
            NoticeLevel[] levels = overdueDays switch
            {
                > 30 => [NoticeLevel.Reminder, NoticeLevel.Yellow, NoticeLevel.Red],
                > 14 => [NoticeLevel.Reminder, NoticeLevel.Yellow],
                _ => [NoticeLevel.Reminder],
            };
            foreach (var (level, n) in levels.Select((l, n) => (l, n)))
            {
                var issued = dueAt.AddDays(1 + (n * 7));
                var notice = new SupervisionNotice
                {
                    Id = Ids.New(), Year = issued.ToCst().Year, UnitId = a.LeadUnitId, AssignmentId = a.Id, AssignmentStep = 0, Level = level,
                    Reason = $"交办事项{a.Number}“{a.Title}”完成期限{due:yyyy-MM-dd}已过，仍未报告完成。请说明原因并限期办结。",
                    IssuedBy = SupervisionNotice.SystemIssuer, IssuedByName = "系统（交办事项逾期督办）", IssuedAt = issued, ReplyWorkdays = 3,
                };
                notice.JoinCampaign(a.CampaignId);
                notice.StartReplyClock(calendar.WorkdayDeadline(issued, 3));
                notices.Add(notice);
                db.Add(notice);
            }
        }
    }

    private void AddClue(Campaign campaign, string unitId, ClueSource source, string type, string content, DateTimeOffset at, string by)
    {
        var clue = new Clue { Id = Ids.New(), Source = source, UnitId = unitId, ProblemType = type, Content = content, RegisteredBy = by, RegisteredAt = at };
        clue.JoinCampaign(campaign.Id);
        db.Add(clue);
    }

    private static DateTimeOffset Cst(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));

    /// <summary>The county's leaders in protocol order: 书记, 县长, 副书记, 常务副县长, 副县长 (the 组长 heads the leading group).</summary>
    private static int Precedence(string? post) => post switch
    {
        null => 9,
        _ when post.Contains("县委书记", StringComparison.Ordinal) => 0,
        _ when post.Contains("县长", StringComparison.Ordinal) && !post.Contains("副县长", StringComparison.Ordinal) => 1,
        _ when post.Contains("副书记", StringComparison.Ordinal) => 2,
        _ when post.Contains("常务副县长", StringComparison.Ordinal) => 3,
        _ => 4,
    };
}
