using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhengfeng.Data;
using Zhengfeng.Features.Assessments;
using Zhengfeng.Features.Bulletins;
using Zhengfeng.Features.Calendar;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Evaluations;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Rectification;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Demo;

/// <summary>
/// The demo county's last twelve months (接诉即办 and what follows from it): some 4,000 cases across the demo's units, channels,
/// kinds and categories, each lived through the case's own methods at historical times (<see cref="DemoCaseLife"/>), then clues,
/// rectification, notices, a bulletin, accountability, exemptions, an evaluation and assessments (<c>DemoHistory.Records.cs</c>).
/// Deterministic from <see cref="Seed"/> for a given "now" (ids and tracking codes are fresh). Runs once, in one transaction:
/// it does nothing when a demo unit already leads a case.
/// </summary>
public sealed partial class DemoHistory(AppDb db, TimeProvider clock, WorkCalendar calendar, ReporterIdentity identity,
    IOptions<CaseRules> caseRules, IOptions<SupervisionRules> supervisionRules, IOptions<RectificationRules> rectificationRules,
    IOptions<EvaluationRules> evaluationRules, IOptions<AssessmentRules> assessmentRules, BulletinComposer composer, LetterheadSettings letterhead,
    ILogger<DemoHistory> log)
{
    public const int Seed = 20261201;
    private const int BatchSize = 400;
    private const int RepeatCallers = 8;

    private static readonly string[] SlowUnits = ["t-03", "d-housing", "d-land", "t-09"];
    private static readonly string[] BusyTowns = ["t-01", "d-urban", "d-edu"];

    /// <summary>What was loaded, for the start-up line and the tests.</summary>
    public sealed record Loaded(int Cases, int Clues, TimeSpan Took, Oversight Records);

    public async Task<Loaded?> LoadAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, ct);
        if (!DemoCounty.AllUnits.All(u => units.ContainsKey(u.Code)) || !DemoCaseTexts.Categories.SelectMany(p => p.Units).All(units.ContainsKey))
        {
            return null;
        }
        var demoUnitIds = DemoCounty.AllUnits.Select(u => units[u.Code].Id).ToList();
        if (await db.Set<Case>().AnyAsync(c => c.LeadUnitId != null && demoUnitIds.Contains(c.LeadUnitId), ct))
        {
            return null;
        }
        var users = await db.Users.AsNoTracking().ToListAsync(ct);
        var staff = users.Where(u => u.Roles == Roles.Unit).OrderBy(u => u.Username, StringComparer.Ordinal).GroupBy(u => u.UnitId)
            .ToDictionary(g => g.Key, g => new Actor(g.First().Id, g.First().DisplayName, g.Key));
        Actor Person(string username) => users.FirstOrDefault(u => u.Username == username) is { } u ? new Actor(u.Id, u.DisplayName, u.UnitId) : Actor.System;
        var categories = await db.Set<Category>().AsNoTracking().ToDictionaryAsync(c => c.Code, ct);
        if (!DemoCaseTexts.Categories.All(p => categories.ContainsKey(p.Code)))
        {
            return null;
        }
        var cast = new DemoCast(Person("operator"), Person("dispatcher"), Person("supervisor"), units, staff, categories);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rng = new Random(Seed);
        var now = clock.GetUtcNow();
        var life = new DemoCaseLife(calendar, caseRules.Value, supervisionRules.Value, cast, now, rng);
        var cases = await LoadCasesAsync(cast, life, rng, now, ct);
        var clues = await LoadRecordsAsync(cast, life, rng, now, ct);
        var records = await LoadOversightAsync(cast, Person("inspector"), Person("leader"), Person("admin"), now, ct);
        await LoadReportsAsync(cast, Person("inspector"), now, ct);
        LoadInterventions(cast, now);
        await SaveAsync(ct);
        await LoadServicesAsync(cast, now, ct);
        await LoadAttendanceAsync(cast, now, ct);
        await LoadInspectionsAsync(cast, Person("visitor"), now, ct);
        await tx.CommitAsync(ct);
        var loaded = new Loaded(cases, clues, watch.Elapsed, records);
        log.LogInformation("Demo history loaded: {Cases} cases, {Clues} clues, {Records} in {Seconds:0.0} s", cases, clues, records, loaded.Took.TotalSeconds);
        return loaded;
    }

    private sealed record Caller(string Name, string Phone, string Category, string Place, string UnitCode);

    private async Task<int> LoadCasesAsync(DemoCast cast, DemoCaseLife life, Random rng, DateTimeOffset now, CancellationToken ct)
    {
        var rules = caseRules.Value;
        var today = now.CstDate();
        var callers = Enumerable.Range(0, RepeatCallers).Select(_ =>
        {
            var plan = PickCategory(rng);
            return new Caller(NewName(rng), NewPhone(rng), plan.Code, DemoCaseTexts.Places[rng.Next(DemoCaseTexts.Places.Count)], plan.Units[rng.Next(plan.Units.Length)]);
        }).ToList();
        var repeats = new Dictionary<(string Phone, string Category), List<Case>>();
        var count = 0;
        var pending = 0;
        for (var day = today.AddDays(-364); day <= today; day = day.AddDays(1))
        {
            var perDay = calendar.IsWorkday(day) ? 13 : 6;
            perDay += day.Month is >= 6 and <= 8 ? 2 : 0; // summer: water, noise and heat
            var n = Math.Max(1, perDay + rng.Next(-4, 5));
            var times = Enumerable.Range(0, n).Select(_ => ChinaTime.At(day, new TimeOnly(7, 0)).AddMinutes(rng.Next(15 * 60))).Order().ToList();
            foreach (var at in times)
            {
                if (at >= now)
                {
                    break;
                }
                var caller = rng.NextDouble() < 0.025 ? callers[rng.Next(callers.Count)] : null;
                var (c, lead) = NewCase(cast, rng, at, caller);
                var recent = (today.DayNumber - day.DayNumber) < 90;
                var slow = SlowUnits.Contains(lead.Code);
                var habits = new DemoCaseLife.Habits(slow ? 0.2 : 0.06, slow ? 0.15 : 0.05, recent && rng.NextDouble() < (slow ? 0.05 : 0.012));
                life.Live(c, lead, habits, (x, unit, when) => IsThirdRepeat(repeats, x, unit, when, rules));
                db.Add(c);
                count++;
                if (++pending >= BatchSize)
                {
                    await SaveAsync(life, ct);
                    pending = 0;
                }
            }
        }
        await SaveAsync(life, ct);
        var notices = life.Notices.OrderBy(n => n.IssuedAt).ToList();
        life.Notices.Clear();
        foreach (var chunk in notices.Chunk(BatchSize))
        {
            await SupervisionWorkflow.NumberAsync(db, chunk, ct);
            life.Added.AddRange(chunk);
            await SaveAsync(life, ct);
        }
        return count;
    }

    /// <summary>
    /// 重复投诉 as <c>CaseWorkflow</c> sees it at dispatch: the third request from one phone in one category to one unit within
    /// the window becomes a problem clue about the unit.
    /// </summary>
    private static bool IsThirdRepeat(Dictionary<(string, string), List<Case>> repeats, Case c, Unit lead, DateTimeOffset at, CaseRules rules)
    {
        if (c.ReporterPhoneHash is not { } phone)
        {
            return false;
        }
        var earlier = repeats.TryGetValue((phone, c.CategoryCode), out var list) ? list : repeats[(phone, c.CategoryCode)] = [];
        var since = at.AddDays(-rules.RepeatWindowDays);
        var third = earlier.Count(x => x.LeadUnitId == lead.Id && x.RegisteredAt >= since) + 1 == rules.RepeatThreshold;
        earlier.Add(c);
        return third;
    }

    private (Case Case, Unit Lead) NewCase(DemoCast cast, Random rng, DateTimeOffset at, Caller? caller)
    {
        var plan = caller is null ? PickCategory(rng) : DemoCaseTexts.Categories.First(p => p.Code == caller.Category);
        var kind = caller is not null ? CaseKind.Complaint : rng.Next(100) switch
        {
            < 36 => CaseKind.Complaint,
            < 46 => CaseKind.Report,
            < 64 => CaseKind.Help,
            < 80 => CaseKind.Consultation,
            < 93 => CaseKind.Suggestion,
            _ => CaseKind.Praise,
        };
        var leadCode = caller?.UnitCode ?? (rng.NextDouble() < 0.12 ? BusyTowns[rng.Next(BusyTowns.Length)] : plan.Units[rng.Next(plan.Units.Length)]);
        if (leadCode == "d-edu" && plan.Code != "education" && caller is null)
        {
            plan = DemoCaseTexts.Categories.First(p => p.Code == "education");
        }
        var lead = cast.Units[leadCode];
        var channel = rng.Next(100) switch
        {
            < 50 => "hotline",
            < 62 => "web",
            < 74 => "wechat",
            < 78 => "mailbox",
            < 81 => "letter",
            < 86 => "visit",
            < 90 => "open311",
            < 94 => "import",
            < 97 => "inspection",
            _ => "api",
        };
        var place = caller?.Place ?? DemoCaseTexts.Places[rng.Next(DemoCaseTexts.Places.Count)];
        var topic = plan.Topics[rng.Next(plan.Topics.Length)];
        var (title, content) = kind switch
        {
            CaseKind.Praise => ($"表扬{lead.Name}工作人员", $"前些天反映{place}的问题，{lead.Name}的工作人员当天就到现场处理，态度热情、办事利落，特此表扬。"),
            CaseKind.Suggestion => ($"建议：{topic.Title}问题建立长效机制", topic.Content.Replace("{0}", place, StringComparison.Ordinal) + "建议相关部门建立长效管理机制。"),
            CaseKind.Consultation => ($"咨询：{topic.Title}", topic.Content.Replace("{0}", place, StringComparison.Ordinal) + "想咨询一下应该找哪个部门、怎么办理。"),
            _ => (topic.Title, topic.Content.Replace("{0}", place, StringComparison.Ordinal)),
        };
        var urgent = kind != CaseKind.Consultation && kind != CaseKind.Praise && rng.NextDouble() < plan.Code switch { "safety" => 0.4, "utilities" => 0.15, _ => 0.02 };
        var anonymous = caller is null && rng.NextDouble() < (kind == CaseKind.Report ? 0.4 : 0.08);
        var name = caller?.Name ?? NewName(rng);
        var phone = caller?.Phone ?? NewPhone(rng);
        var external = channel switch
        {
            "open311" => $"OPEN-{at.ToCst():yyyyMMddHHmm}-{rng.Next(1000, 9999)}",
            "import" => $"SJ12345-{at.ToCst():yyyyMMdd}-{rng.Next(10000, 99999)}",
            _ => null,
        };
        var c = new Case
        {
            Id = Ids.New(), TrackingCode = CaseWorkflow.NewTrackingCode(), Kind = kind, CategoryCode = plan.Code, Title = title, Content = content,
            Channel = channel, Address = place, Urgent = urgent, Anonymous = anonymous,
            ReporterNameEnc = anonymous ? null : identity.Protect(name), ReporterPhoneEnc = anonymous ? null : identity.Protect(phone),
            ReporterPhoneHash = anonymous ? null : identity.PhoneHash(phone), ExternalId = external, RegisteredAt = at,
        };
        var registrar = channel switch
        {
            "web" or "wechat" or "open311" => Actor.Public,
            "api" => Actor.System,
            "inspection" => cast.Supervisor,
            _ => cast.Operator,
        };
        c.PlaceIn(cast.Units["county"].Id); // the county's hotline took it in
        c.Register(registrar, at, $"{CaseWorkflow.ChannelLabel(channel)}受理，{Case.KindLabel(kind)}，{cast.Categories[plan.Code].Name}{(urgent ? "，紧急" : "")}");
        return (c, lead);
    }

    private async Task SaveAsync(DemoCaseLife life, CancellationToken ct)
    {
        db.AddRange(life.Added);
        life.Added.Clear();
        db.PendingAction = "demo.load";
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static DemoCaseTexts.CategoryPlan PickCategory(Random rng)
    {
        var roll = rng.Next(DemoCaseTexts.Categories.Sum(p => p.Weight));
        foreach (var plan in DemoCaseTexts.Categories)
        {
            if (roll < plan.Weight)
            {
                return plan;
            }
            roll -= plan.Weight;
        }
        return DemoCaseTexts.Categories[^1];
    }

    private static string NewName(Random rng) => string.Concat(
        DemoNames.Surnames[rng.Next(DemoNames.Surnames.Length)], DemoNames.GivenFirst[rng.Next(DemoNames.GivenFirst.Length)],
        DemoNames.GivenSecond[rng.Next(DemoNames.GivenSecond.Length)]);

    private static string NewPhone(Random rng) => $"1{"3578"[rng.Next(4)]}{rng.Next(100_000_000, 999_999_999)}";
}
