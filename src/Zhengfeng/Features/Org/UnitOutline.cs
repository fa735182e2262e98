namespace Zhengfeng.Features.Org;

/// <summary>
/// The units in tree order (each parent before its children) for the pages: the nested tree, and drop-downs whose
/// labels are full paths, because many units share a name ("办公室" sits under every department).
/// </summary>
public sealed class UnitOutline
{
    public sealed record Entry(Unit Unit, int Depth, string Path);

    private readonly ILookup<string, Unit> _children;
    private readonly Dictionary<string, Entry> _byId;

    private UnitOutline(IReadOnlyList<Unit> units)
    {
        var ids = units.Select(u => u.Id).ToHashSet();
        // A unit whose parent is missing is shown as a root rather than hidden.
        _children = units.ToLookup(u => u.ParentId is { } p && ids.Contains(p) ? p : "");
        var entries = new List<Entry>();
        var stack = new Stack<Entry>(_children[""].Reverse().Select(u => new Entry(u, 0, u.Name)));
        var seen = new HashSet<string>();
        while (stack.TryPop(out var entry))
        {
            if (!seen.Add(entry.Unit.Id))
            {
                continue;
            }
            entries.Add(entry);
            foreach (var child in _children[entry.Unit.Id].Reverse())
            {
                stack.Push(new Entry(child, entry.Depth + 1, entry.Path + " / " + child.Name));
            }
        }
        Entries = entries;
        _byId = entries.ToDictionary(e => e.Unit.Id);
    }

    /// <summary>Every unit reachable from a root, depth first, in sort order.</summary>
    public IReadOnlyList<Entry> Entries { get; }

    public static UnitOutline Of(IReadOnlyList<Unit> units) => new(units);

    public IEnumerable<Unit> Roots => _children[""];

    public IEnumerable<Unit> ChildrenOf(string id) => _children[id];

    public string PathOf(string? id) => id is not null && _byId.TryGetValue(id, out var e) ? e.Path : "";

    public string NameOf(string? id) => id is not null && _byId.TryGetValue(id, out var e) ? e.Unit.Name : "";

    /// <summary>The given units and all their ancestors, so that search hits can be shown in place in the tree.</summary>
    public HashSet<string> WithAncestors(IEnumerable<string> ids)
    {
        var result = new HashSet<string>();
        foreach (var id in ids)
        {
            for (string? at = id; at is not null && _byId.TryGetValue(at, out var e) && result.Add(at);)
            {
                at = e.Unit.ParentId;
            }
        }
        return result;
    }
}

/// <summary>What the shared cadre fields partial needs: the values so far and the units to choose from.</summary>
public sealed record CadreFields(CadreRequest? Input, IReadOnlyList<UnitOutline.Entry> Units, string? DefaultUnitId);
