using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Hotspots;

// 同一地点同类问题 (热点) Hotspot · 统计窗口 Window · 前一窗口 PreviousWindow · 新出现 New · 上升 Rising · 持平 Steady · 下降 Falling

/// <summary>The settings of section <c>Hotspots</c>.</summary>
public sealed class HotspotRules
{
    /// <summary>How many cases of one topic at one place within the window make a cluster.</summary>
    [Range(2, 50)] public int MinCases { get; set; } = 3;

    /// <summary>The side of the grid cell, in metres, that joins cases by their coordinates.</summary>
    [Range(50, 2000)] public int CellMeters { get; set; } = 300;

    /// <summary>Also split a place's cases of one category by their titles (路灯不亮 apart from 井盖缺失, both 道路交通与市政设施).</summary>
    public bool SplitByTitle { get; set; }

    /// <summary>The share of title character pairs two cases must have in common to stay together when <see cref="SplitByTitle"/> is on.</summary>
    [Range(0.05, 1.0)] public double TitleSimilarity { get; set; } = 0.3;
}

public enum HotspotTrend { New, Rising, Steady, Falling }

public sealed record HotspotCase(string Id, string Number, string Title, string? Address, DateTimeOffset RegisteredAt, CaseStatus Status, string StatusLabel,
    string? UnitName, bool Answered);

/// <summary>One cluster: <c>Daily</c> counts the cases of each 24 hours of the window, oldest first; <c>Cases</c> newest first.</summary>
public sealed record Hotspot(string Place, IReadOnlyList<string> Addresses, string CategoryCode, string Category, int Count, int PreviousCount,
    HotspotTrend Trend, string TrendLabel, IReadOnlyList<int> Daily, IReadOnlyList<string> Units, int Open, int Answered, HotspotCase Newest,
    IReadOnlyList<HotspotCase> Cases);

/// <summary>The window [From, To] and the one before it [PreviousFrom, From), and the clusters of the page asked for, biggest first.</summary>
public sealed record HotspotReport(int Days, int MinCases, DateTimeOffset PreviousFrom, DateTimeOffset From, DateTimeOffset To, Page<Hotspot> Clusters);

/// <summary>
/// 同一地点同类问题: cases of one category at one place within the last 7, 14 or 30 days. The topic is the case's category
/// (the catalogue is one level deep, so that is also the first level); a place is the address's <see cref="PlaceKey"/> or, for
/// cases with coordinates, a grid cell: two cases meet when they share either, so a pin and a typed address of one spot join.
/// Merged duplicates (并单) and praise are left out. One query reads the two windows' cases through the RegisteredAt index;
/// the grouping is done in memory, a few thousand rows at most even for 30 days of a busy county.
/// </summary>
public sealed class HotspotFinder(AppDb db, TimeProvider clock, IOptions<HotspotRules> rules, CurrentUser user)
{
    public static readonly IReadOnlyList<int> Windows = [7, 14, 30];
    public const int PageSize = 20;

    public int DefaultMinCases => rules.Value.MinCases;

    private sealed record Row(string Id, DateTimeOffset RegisteredAt, string CategoryCode, string Title, string? Address, double? Lat, double? Lon,
        CaseStatus Status, string? LeadUnitId);

    /// <summary>One page of <see cref="PageSize"/> clusters.</summary>
    public Task<HotspotReport> FindAsync(int? days, int? minCases, int page, CancellationToken ct)
        => BuildAsync(days, minCases, Paging.Check(page, PageSize).Page, PageSize, ct);

    /// <summary>Every cluster of the window on one page (the export).</summary>
    public Task<HotspotReport> AllAsync(int? days, int? minCases, CancellationToken ct) => BuildAsync(days, minCases, 1, int.MaxValue, ct);

    private async Task<HotspotReport> BuildAsync(int? days, int? minCases, int number, int pageSize, CancellationToken ct)
    {
        var window = days ?? Windows[0];
        if (!Windows.Contains(window))
        {
            throw new RuleException("bad_value", "字段“days”：统计窗口应为 7、14 或 30 天", StatusCodes.Status400BadRequest);
        }
        var min = minCases ?? rules.Value.MinCases;
        if (min is < 2 or > 50)
        {
            throw new RuleException("bad_value", "字段“minCases”：最少件数应在 2 至 50 之间", StatusCodes.Status400BadRequest);
        }
        var to = clock.GetUtcNow();
        var from = to.AddDays(-window);
        var previousFrom = from.AddDays(-window);

        var cases = db.Set<Case>().AsNoTracking()
            .Where(c => c.RegisteredAt >= previousFrom && c.RegisteredAt <= to && c.MergedIntoId == null && c.Status != CaseStatus.Merged && c.Kind != CaseKind.Praise);
        if (await user.AreaScopeAsync(ct) is { } area) // a district's own places only
        {
            cases = cases.Where(Case.LedOrPlacedIn([.. area]));
        }
        var rows = await cases
            .Select(c => new Row(c.Id, c.RegisteredAt, c.CategoryCode, c.Title, c.Address, c.Lat, c.Lon, c.Status, c.LeadUnitId))
            .ToListAsync(ct);

        var groups = Group(rows).Where(g => g.Count(r => r.RegisteredAt >= from) >= min).ToList();
        var categories = await db.Set<Category>().AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var clusters = groups.Select(g => Describe(g, from, window, categories, units))
            .OrderByDescending(h => h.Count).ThenBy(h => h.Trend).ThenByDescending(h => h.Newest.RegisteredAt).ToList();
        var items = clusters.Skip((number - 1) * pageSize).Take(pageSize).ToList();
        return new HotspotReport(window, min, previousFrom, from, to, new Page<Hotspot>(items, clusters.Count, number, Math.Min(pageSize, Math.Max(clusters.Count, 1))));
    }

    /// <summary>Per category, the cases joined by a shared place key or grid cell (union–find), then split by title if asked.</summary>
    private IEnumerable<List<Row>> Group(List<Row> rows)
    {
        var r = rules.Value;
        foreach (var topic in rows.GroupBy(x => x.CategoryCode))
        {
            var cases = topic.OrderBy(x => x.RegisteredAt).ToList();
            var parent = Enumerable.Range(0, cases.Count).ToArray();
            int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            var placed = new List<int>(cases.Count);
            for (var i = 0; i < cases.Count; i++)
            {
                foreach (var key in Keys(cases[i], r.CellMeters))
                {
                    if (first.TryGetValue(key, out var j))
                    {
                        parent[Root(i)] = Root(j);
                    }
                    else
                    {
                        first[key] = i;
                    }
                    placed.Add(i);
                }
            }
            var groups = placed.Distinct().GroupBy(Root).Select(g => g.Select(i => cases[i]).ToList());
            foreach (var group in groups)
            {
                foreach (var part in r.SplitByTitle ? SplitByTitle(group, r.TitleSimilarity) : [group])
                {
                    yield return part;
                }
            }
        }
    }

    /// <summary>The place key of the address and the grid cell of the coordinates, whichever the case has; none leaves it out.</summary>
    private static IEnumerable<string> Keys(Row c, int cellMeters)
    {
        if (PlaceKey.Of(c.Address) is { } place)
        {
            yield return "p:" + place;
        }
        if (c is { Lat: { } lat, Lon: { } lon })
        {
            yield return "g:" + PlaceKey.Cell(lat, lon, cellMeters);
        }
    }

    /// <summary>Each case joins the first part whose first title shares enough character pairs with its own, oldest first.</summary>
    private static IEnumerable<List<Row>> SplitByTitle(List<Row> group, double threshold)
    {
        var parts = new List<(HashSet<string> Pairs, List<Row> Rows)>();
        foreach (var c in group)
        {
            var pairs = TextLikeness.Pairs(c.Title);
            var part = parts.FirstOrDefault(p => pairs.Count == 0 || p.Pairs.Count == 0 || TextLikeness.Dice(p.Pairs, pairs) >= threshold);
            if (part.Rows is null)
            {
                parts.Add((pairs, [c]));
            }
            else
            {
                part.Rows.Add(c);
            }
        }
        return parts.Select(p => p.Rows);
    }

    private static Hotspot Describe(List<Row> group, DateTimeOffset from, int days, Dictionary<string, string> categories, Dictionary<string, string> units)
    {
        var current = group.Where(c => c.RegisteredAt >= from).OrderByDescending(c => c.RegisteredAt).ToList();
        var previous = group.Count - current.Count;
        var addresses = current.Where(c => !string.IsNullOrWhiteSpace(c.Address)).GroupBy(c => c.Address!.Trim())
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Length).Select(g => g.Key).ToList();
        var daily = new int[days];
        foreach (var c in current)
        {
            daily[Math.Clamp((int)((c.RegisteredAt - from).Ticks / TimeSpan.TicksPerDay), 0, days - 1)]++;
        }
        var trend = previous == 0 ? HotspotTrend.New : current.Count > previous ? HotspotTrend.Rising : current.Count == previous ? HotspotTrend.Steady : HotspotTrend.Falling;
        var cases = current.Select(c => new HotspotCase(c.Id, Case.NumberOf(c.Id, c.RegisteredAt), c.Title, c.Address, c.RegisteredAt, c.Status,
            CaseTransitions.Label(c.Status), c.LeadUnitId is null ? null : units.GetValueOrDefault(c.LeadUnitId, c.LeadUnitId), IsAnswered(c.Status))).ToList();
        return new Hotspot(addresses.FirstOrDefault() ?? "（按坐标聚集）", addresses, group[0].CategoryCode, categories.GetValueOrDefault(group[0].CategoryCode, group[0].CategoryCode),
            current.Count, previous, trend, Label(trend), daily, [.. cases.Select(c => c.UnitName).OfType<string>().Distinct()],
            cases.Count(c => !c.Answered), cases.Count(c => c.Answered), cases[0], cases);
    }

    /// <summary>答复 given: replied (awaiting rating) or closed; anything else is still waiting for the unit or the dispatcher.</summary>
    public static bool IsAnswered(CaseStatus s) => s is CaseStatus.Replied or CaseStatus.Closed;

    public static string Label(HotspotTrend t) => t switch
    {
        HotspotTrend.New => "新出现",
        HotspotTrend.Rising => "上升",
        HotspotTrend.Steady => "持平",
        _ => "下降",
    };
}
