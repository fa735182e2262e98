using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Suggestions;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>
/// What the dispatcher picks from: every active unit named with its parents (twelve "党政综合办公室" are told apart by their
/// township), grouped under the unit below the county they belong to, and first the units that usually handle the category.
/// </summary>
public sealed class DispatchChoices(AppDb db, UnitTree tree, TimeProvider clock, DispatchSuggester suggester, CurrentUser user)
{
    public const int UsualCount = 5;

    public sealed record Choice(string Id, string Name, string Path, string Group)
    {
        /// <summary>The unit its group is named after (a department or township, not a section below one).</summary>
        public bool IsTop => !Path.Contains(" / ", StringComparison.Ordinal);
    }

    /// <summary>A unit the suggestion model proposes for this case's text, with its probability.</summary>
    public sealed record Suggested(Choice Unit, double Score);

    /// <param name="Suggested">推荐承办单位, best first (none while the model has no history).</param>
    /// <param name="Reasons">The words of the case that weighed most for the first suggestion.</param>
    public sealed record Picker(IReadOnlyList<Choice> Usual, IReadOnlyList<Choice> All, IReadOnlyList<Suggested> Suggested, IReadOnlyList<string> Reasons)
    {
        public IEnumerable<IGrouping<string, Choice>> Groups => All.GroupBy(c => c.Group);
    }

    public async Task<Picker> ForAsync(Case c, CancellationToken ct)
    {
        var all = await AllAsync(ct);
        var byId = all.ToDictionary(x => x.Id);
        var since = clock.GetUtcNow().AddDays(-365);
        // the unit that finally kept and answered the case: a case returned and re-dispatched counts for the second unit only
        var usual = await db.Set<Case>().AsNoTracking()
            .Where(x => x.CategoryCode == c.CategoryCode && x.RepliedAt != null && x.RegisteredAt >= since && x.LeadUnitId != null)
            .GroupBy(x => x.LeadUnitId!).Select(g => new { UnitId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).Take(UsualCount * 2).ToListAsync(ct);
        var suggestion = suggester.Suggest(c.Title, c.Content); // in memory, a millisecond: the page never waits on training
        var suggested = suggestion.Units.Where(u => byId.ContainsKey(u.Label)).Select(u => new Suggested(byId[u.Label], u.Score)).ToList();
        return new Picker(usual.Where(u => byId.ContainsKey(u.UnitId)).Select(u => byId[u.UnitId]).Take(UsualCount).ToList(), all,
            suggested, suggested.Count > 0 ? suggestion.UnitReasons : []);
    }

    /// <summary>
    /// Every active unit that takes work (in a district's hands, the district's own), named with its parents and grouped under
    /// its top unit, in the organisation's order.
    /// </summary>
    public async Task<List<Choice>> AllAsync(CancellationToken ct)
    {
        var nodes = await tree.GetAsync(db, ct);
        var area = await user.AreaScopeAsync(ct);
        var units = (await db.Units.AsNoTracking().Where(u => u.IsActive).Where(Unit.TakesWork)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Where(u => area is null || area.Contains(u.Id)).ToList();
        // each group in its top unit's place, the top unit first, then the units below it in their order
        var described = units.Select((u, i) => (Choice: Describe(nodes, u.Id, u.Name, districts: area is null), Index: i)).ToList();
        var tops = described.Where(x => x.Choice.IsTop).GroupBy(x => x.Choice.Group).ToDictionary(g => g.Key, g => g.First().Index);
        return described.OrderBy(x => tops.GetValueOrDefault(x.Choice.Group, x.Index)).ThenBy(x => x.Choice.IsTop ? 0 : 1).ThenBy(x => x.Index)
            .Select(x => x.Choice).ToList();
    }

    /// <summary>
    /// A unit's path below its area ("城关镇 / 党政综合办公室") and the top unit it is grouped under; at the top of a city, a
    /// district's units are grouped under the district too ("东城区 / 城市管理局").
    /// </summary>
    private static Choice Describe(IReadOnlyDictionary<string, UnitTree.Node> nodes, string id, string name, bool districts)
    {
        var chain = new List<string>();
        var node = nodes.GetValueOrDefault(id);
        for (; node is not null && !Unit.IsArea(node.Kind); node = node.ParentId is null ? null : nodes.GetValueOrDefault(node.ParentId))
        {
            chain.Insert(0, node.Name);
        }
        if (chain.Count == 0)
        {
            chain.Add(name);
        }
        var group = districts && node is { ParentId: not null } district ? $"{district.Name} / {chain[0]}" : chain[0];
        return new Choice(id, name, string.Join(" / ", chain), group);
    }
}
