using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Rankings;

/// <summary>
/// 四类排名: each unit is ranked against its own kind, as 接诉即办 ranks its districts, its streets and townships, its city
/// departments and its state-owned service enterprises, each group on its own.
/// </summary>
public enum RankingGroup { Districts, Townships, Departments, Enterprises }

public static class RankingGroups
{
    /// <summary>The groups in the order the ranking pages list them.</summary>
    public static readonly IReadOnlyList<RankingGroup> All = [RankingGroup.Townships, RankingGroup.Departments, RankingGroup.Enterprises, RankingGroup.Districts];

    public static string Label(RankingGroup group) => group switch
    {
        RankingGroup.Districts => "区县",
        RankingGroup.Townships => "街道乡镇",
        RankingGroup.Departments => "部门",
        _ => "国有企业",
    };

    public static string Code(RankingGroup group) => WireEnum.Name(group);

    /// <summary>
    /// The group a unit is ranked in: that of its own kind, or for a section or office, that of the nearest unit above it
    /// with one (a street's office is ranked with the streets). A district is ranked with the districts; an office right
    /// under a level of government (a county's own office) is in no group and is ranked only in the list of all units.
    /// </summary>
    public static RankingGroup? Of(IReadOnlyDictionary<string, UnitTree.Node> nodes, string unitId)
    {
        var start = nodes.GetValueOrDefault(unitId);
        if (start?.Kind == UnitKind.County)
        {
            return RankingGroup.Districts;
        }
        for (var node = start; node is not null; node = node.ParentId is null ? null : nodes.GetValueOrDefault(node.ParentId))
        {
            switch (node.Kind)
            {
                case UnitKind.Township: return RankingGroup.Townships;
                case UnitKind.Department: return RankingGroup.Departments;
                case UnitKind.Enterprise: return RankingGroup.Enterprises;
                case var kind when Unit.IsArea(kind): return null;
            }
        }
        return null;
    }
}
