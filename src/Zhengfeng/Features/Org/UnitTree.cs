using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Zhengfeng.Data;

namespace Zhengfeng.Features.Org;

/// <summary>
/// The unit tree (id -> parent) cached in memory. Changes made here invalidate it at once; another instance's
/// changes show up within a minute.
/// </summary>
public sealed class UnitTree(IMemoryCache cache)
{
    private const string Key = "unit-tree";

    public sealed record Node(string Id, string? ParentId, string Name, UnitKind Kind);

    public async Task<IReadOnlyDictionary<string, Node>> GetAsync(AppDb db, CancellationToken ct)
    {
        if (cache.TryGetValue(Key, out IReadOnlyDictionary<string, Node>? nodes) && nodes is not null)
        {
            return nodes;
        }
        nodes = await db.Units.AsNoTracking()
            .Select(u => new Node(u.Id, u.ParentId, u.Name, u.Kind))
            .ToDictionaryAsync(n => n.Id, ct);
        cache.Set(Key, nodes, TimeSpan.FromMinutes(1));
        return nodes;
    }

    public void Invalidate() => cache.Remove(Key);

    /// <summary>The unit itself and everything below it.</summary>
    public static HashSet<string> Subtree(IReadOnlyDictionary<string, Node> nodes, string rootId)
    {
        var children = nodes.Values.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!);
        var result = new HashSet<string>();
        var stack = new Stack<string>([rootId]);
        while (stack.TryPop(out var id))
        {
            if (result.Add(id))
            {
                foreach (var c in children[id])
                {
                    stack.Push(c.Id);
                }
            }
        }
        return result;
    }

    /// <summary>The area (省、市 or 县（区）) a unit belongs to: the nearest area at or above it; null when there is none.</summary>
    public static string? AreaOf(IReadOnlyDictionary<string, Node> nodes, string? unitId)
    {
        var seen = 0;
        for (var at = unitId; at is not null && nodes.TryGetValue(at, out var n) && seen++ < 50; at = n.ParentId)
        {
            if (Unit.IsArea(n.Kind))
            {
                return n.Id;
            }
        }
        return null;
    }

    /// <summary>True when making <paramref name="parentId"/> the parent of <paramref name="unitId"/> would close a loop.</summary>
    public static bool WouldCycle(IReadOnlyDictionary<string, Node> nodes, string unitId, string parentId)
    {
        var seen = new HashSet<string>();
        for (string? at = parentId; at is not null; at = nodes.TryGetValue(at, out var n) ? n.ParentId : null)
        {
            if (at == unitId || !seen.Add(at))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>"县 / 部门 / 科室" path for display.</summary>
    public static string PathOf(IReadOnlyDictionary<string, Node> nodes, string unitId)
    {
        var parts = new List<string>();
        for (string? at = unitId; at is not null && nodes.TryGetValue(at, out var n) && parts.Count < 20; at = n.ParentId)
        {
            parts.Add(n.Name);
        }
        parts.Reverse();
        return string.Join(" / ", parts);
    }
}
