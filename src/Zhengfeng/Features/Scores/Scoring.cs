using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Rankings;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Scores;

/// <summary>One deduction (negative points) or addition of a unit's year, with the record it comes from.</summary>
public sealed record ScoreItem(decimal Points, string Reason, string SourceType, string SourceId, string Url, ScoreKind Kind, string RuleName, DateTimeOffset At);

/// <summary>A unit's score for the year: the base score plus every item; rank 1 is the best score (ties share a rank).</summary>
public sealed record UnitScore(string UnitId, string UnitName, UnitKind UnitKind, decimal Score, int Rank, decimal Deductions, decimal Additions,
    IReadOnlyList<ScoreItem> Items);

/// <summary>Every unit's score for one year, best first, as of <see cref="AsOf"/>.</summary>
public sealed record ScoreBoard(int Year, decimal BaseScore, DateTimeOffset AsOf, IReadOnlyList<UnitScore> Units)
{
    public UnitScore? For(string unitId) => Units.FirstOrDefault(u => u.UnitId == unitId);

    /// <summary>The board of some units only, ranked among themselves (a district's units against each other).</summary>
    public ScoreBoard Within(IReadOnlySet<string>? units) => units is null ? this
        : this with { Units = CompetitionRank.Assign(Units.Where(u => units.Contains(u.UnitId)).ToList(), s => s.Score, (s, rank) => s with { Rank = rank }) };
}

/// <summary>A district's year beside the others': its units' average and lowest score and their points; rank 1 is the best average.</summary>
public sealed record DistrictScore(string AreaId, string Name, int Units, decimal Average, decimal Lowest, decimal Deductions, decimal Additions, int Items, int Rank);

/// <summary>
/// 综合考核: turns the year's records into points by the rule table (<see cref="ScoreRule"/>). Each record counts in the year
/// of its own date in China time (an assignment's or item's due date, a notice's reply deadline, a decision's date, ...);
/// disabled rules are skipped and each rule's yearly cap is applied per unit in the order the records happened.
/// </summary>
public sealed partial class Scoring(AppDb db, TimeProvider clock, RankingService rankings, IOptions<ScoringRules> options, IMemoryCache cache,
    Attendance.AttendanceFigures attendance, CurrentUser user, UnitTree tree)
{
    public const int FirstYear = 2000;

    /// <summary>The year asked for, or this year; anything else than a year from 2000 to this year is a 400.</summary>
    public int Year(string? text)
    {
        var current = clock.GetUtcNow().CstDate().Year;
        if (string.IsNullOrWhiteSpace(text))
        {
            return current;
        }
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < FirstYear || year > current)
        {
            throw new RuleException("score.bad_year", $"考核年度“{text}”无效，应为{FirstYear}年至{current}年之间的年份，如 {current}", StatusCodes.Status400BadRequest);
        }
        return year;
    }

    /// <summary>Whether a year can be scored: from 2000 to this year.</summary>
    public bool Covers(int year) => year >= FirstYear && year <= clock.GetUtcNow().CstDate().Year;

    /// <summary>The board for a year as the user sees it: a district's units ranked among themselves, every unit at the top.</summary>
    public async Task<ScoreBoard> YearAsync(int year, CancellationToken ct) => (await WholeYearAsync(year, ct)).Within(await user.AreaUnitsAsync(ct));

    /// <summary>
    /// The districts (县（区）, or the cities of a province) right below the user's area, side by side: each one's units' average and
    /// lowest score. Empty where there are none.
    /// </summary>
    public async Task<IReadOnlyList<DistrictScore>> DistrictsAsync(int year, CancellationToken ct)
    {
        var nodes = await tree.GetAsync(db, ct);
        var mine = await user.AreaIdAsync(ct);
        var districts = nodes.Values.Where(n => Unit.IsArea(n.Kind) && n.Id != mine && UnitTree.AreaOf(nodes, n.ParentId) == mine).ToList();
        if (districts.Count == 0)
        {
            return [];
        }
        var board = await WholeYearAsync(year, ct);
        var rows = new List<DistrictScore>();
        foreach (var d in districts)
        {
            var units = UnitTree.Subtree(nodes, d.Id);
            var scores = board.Units.Where(u => units.Contains(u.UnitId)).ToList();
            rows.Add(scores.Count == 0
                ? new DistrictScore(d.Id, d.Name, 0, 0, 0, 0, 0, 0, 0)
                : new DistrictScore(d.Id, d.Name, scores.Count, Math.Round(scores.Average(s => s.Score), 2), scores.Min(s => s.Score),
                    scores.Sum(s => s.Deductions), scores.Sum(s => s.Additions), scores.Sum(s => s.Items.Count), 0));
        }
        var sorted = rows.OrderByDescending(r => r.Units > 0).ThenByDescending(r => r.Average).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        return CompetitionRank.Assign(sorted, r => (r.Units > 0, r.Average), (r, rank) => r with { Rank = r.Units > 0 ? rank : 0 });
    }

    /// <summary>
    /// The board for a year over every unit. Every save appends to the audit chain, so the chain's head (with the minute) tells whether the
    /// records may have changed: pages that show the board several times (dashboard, assessments) compute it once.
    /// </summary>
    private async Task<ScoreBoard> WholeYearAsync(int year, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var head = await db.AuditEntries.AsNoTracking().MaxAsync(a => (long?)a.Seq, ct) ?? 0;
        var key = (nameof(Scoring), year, head, now.ToUnixTimeSeconds() / 60);
        if (cache.TryGetValue(key, out ScoreBoard? board) && board is not null)
        {
            return board;
        }
        board = await ComputeAsync(year, now, ct);
        cache.Set(key, board, TimeSpan.FromMinutes(2));
        return board;
    }

    private async Task<ScoreBoard> ComputeAsync(int year, DateTimeOffset now, CancellationToken ct)
    {
        var rules = (await db.Set<ScoreRule>().AsNoTracking().ToListAsync(ct)).Where(r => r.Enabled).ToDictionary(r => r.Kind);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).Where(Unit.TakesWork).ToDictionaryAsync(u => u.Id, ct);
        var span = new YearSpan(year, now);
        var hits = new List<Hit>();
        bool On(params ScoreKind[] kinds) => kinds.Any(rules.ContainsKey);
        if (On(ScoreKind.AssignmentOverdue))
        {
            hits.AddRange(await AssignmentsAsync(span, ct));
        }
        if (On(ScoreKind.NoticeOverdue, ScoreKind.RedNotice))
        {
            hits.AddRange(await NoticesAsync(span, ct));
        }
        if (On(ScoreKind.CriticismBulletin, ScoreKind.PraiseBulletin))
        {
            hits.AddRange(await BulletinsAsync(span, ct));
        }
        if (On(ScoreKind.AccountabilityUnit, ScoreKind.AccountabilityCadre))
        {
            hits.AddRange(await AccountabilityAsync(span, ct));
        }
        if (On(ScoreKind.AssistFailure))
        {
            hits.AddRange(await AssistsAsync(span, ct));
        }
        if (On(ScoreKind.EvaluationPoor, ScoreKind.EvaluationGood))
        {
            hits.AddRange(await EvaluationsAsync(span, ct));
        }
        if (On(ScoreKind.SatisfactionBottom, ScoreKind.SatisfactionTop))
        {
            hits.AddRange(await RankingsAsync(span, units, ct));
        }
        if (On(ScoreKind.RectificationOverdue))
        {
            hits.AddRange(await RectificationsAsync(span, ct));
        }
        if (On(ScoreKind.PositiveTypical))
        {
            hits.AddRange(await TypicalCasesAsync(span, ct));
        }
        if (On(ScoreKind.Honour))
        {
            hits.AddRange(await HonoursAsync(span, ct));
        }
        if (On(ScoreKind.AttendanceAbsence))
        {
            hits.AddRange(await AttendanceAsync(span, units.Keys, ct));
        }
        var byUnit = hits.Where(h => rules.ContainsKey(h.Kind) && units.ContainsKey(h.UnitId)).ToLookup(h => h.UnitId);
        var baseScore = options.Value.BaseScore;
        var scored = units.Values
            .Where(u => u.Kind is UnitKind.Department or UnitKind.Township || byUnit.Contains(u.Id))
            .Select(u =>
            {
                var items = Capped(byUnit[u.Id], rules).OrderBy(i => i.At).ThenBy(i => i.Kind).ToList();
                var minus = items.Where(i => i.Points < 0).Sum(i => i.Points);
                var plus = items.Where(i => i.Points > 0).Sum(i => i.Points);
                return new UnitScore(u.Id, u.Name, u.Kind, baseScore + minus + plus, 0, minus, plus, items);
            })
            .OrderByDescending(s => s.Score).ThenBy(s => s.UnitName, StringComparer.Ordinal).ToList();
        var ranked = CompetitionRank.Assign(scored, s => s.Score, (s, rank) => s with { Rank = rank });
        return new ScoreBoard(year, baseScore, now, ranked);
    }

    /// <summary>
    /// A rule's cap counts the points of the unit's records of that kind in the order they happened; the record that reaches
    /// the cap says so, and later ones are listed with no points, so the unit sees why they did not count.
    /// </summary>
    internal static IEnumerable<ScoreItem> Capped(IEnumerable<Hit> hits, IReadOnlyDictionary<ScoreKind, ScoreRule> rules)
    {
        foreach (var group in hits.GroupBy(h => h.Kind))
        {
            var rule = rules[group.Key];
            var used = 0m;
            foreach (var hit in group.OrderBy(h => h.At).ThenBy(h => h.SourceId, StringComparer.Ordinal))
            {
                var points = Math.Abs(rule.Points);
                var reason = hit.Reason;
                if (rule.YearCap is { } cap)
                {
                    var left = cap - used;
                    var verb = rule.IsAddition ? "加" : "扣";
                    if (left <= 0)
                    {
                        points = 0;
                        reason += $"（“{rule.Name}”本年度已{verb}满{Points(cap)}分上限，本条不再{verb}分）";
                    }
                    else if (points >= left)
                    {
                        reason += points > left
                            ? $"（本条只计{Points(left)}分：“{rule.Name}”本年度累计{verb}分达到{Points(cap)}分上限）"
                            : $"（“{rule.Name}”本年度累计{verb}分达到{Points(cap)}分上限）";
                        points = left;
                    }
                    used += points;
                }
                yield return new ScoreItem(rule.IsAddition ? points : -points, reason, ScoreRuleTable.SourceType(hit.Kind), hit.SourceId, hit.Url, hit.Kind, rule.Name, hit.At);
            }
        }
    }

    /// <summary>Points as the pages and reasons show them: 0.5, 2, 97.5.</summary>
    public static string Points(decimal points) => points.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Points with their sign: +1, -0.5.</summary>
    public static string Signed(decimal points) => (points > 0 ? "+" : "") + Points(points);

    /// <summary>A record that a rule turns into points for a unit, before caps.</summary>
    internal sealed record Hit(string UnitId, ScoreKind Kind, string Reason, string SourceId, string Url, DateTimeOffset At);

    /// <summary>
    /// The year in China time and the moment things are judged at: a deadline counts as missed once it has passed, today for
    /// this year and now for earlier years too (work still open after its year is still overdue).
    /// </summary>
    internal sealed record YearSpan(int Year, DateTimeOffset Now)
    {
        public DateOnly First => new(Year, 1, 1);
        public DateOnly Last => new(Year, 12, 31);
        public DateTimeOffset Start => ChinaTime.At(First, TimeOnly.MinValue);
        public DateTimeOffset End => ChinaTime.At(First.AddYears(1), TimeOnly.MinValue);
        public DateOnly Today => Now.CstDate();

        public bool Contains(DateTimeOffset? at) => at >= Start && at < End;
    }
}
