using Microsoft.EntityFrameworkCore;

namespace Zhengfeng.Features.Evaluations;

/// <summary>参评情况 of one rater group: ballots issued and cast.</summary>
public sealed record GroupTurnout(RaterGroup Group, int Weight, int Issued, int Cast)
{
    /// <summary>Cast ÷ issued in percent, one decimal; 0 when nothing was issued.</summary>
    public double Percent => Issued == 0 ? 0 : Math.Round(100.0 * Cast / Issued, 1);
}

public sealed partial class EvaluationWorkflow
{
    /// <summary>Turnout per rater group of the campaign, in the order of <see cref="RaterGroup"/>. Counts only; nothing about who voted.</summary>
    public async Task<List<GroupTurnout>> TurnoutAsync(string id, CancellationToken ct)
    {
        var groups = await GroupsAsync(id, ct);
        var counts = await db.Set<Ballot>().AsNoTracking().Where(b => b.CampaignId == id)
            .GroupBy(b => b.Group)
            .Select(g => new { Group = g.Key, Issued = g.Count(), Cast = g.Count(b => b.CastAt != null) })
            .ToListAsync(ct);
        return groups.OrderBy(g => g.Group).Select(g =>
        {
            var c = counts.FirstOrDefault(x => x.Group == g.Group);
            return new GroupTurnout(g.Group, g.Weight, c?.Issued ?? 0, c?.Cast ?? 0);
        }).ToList();
    }

    /// <summary>Mean points per unit and rater group (满意 100, 基本满意 60, 不满意 0), to show how each group saw a unit.</summary>
    public async Task<Dictionary<(string UnitId, RaterGroup Group), double>> GroupMeansAsync(string id, CancellationToken ct)
    {
        var counts = await db.Set<BallotRating>().AsNoTracking().Where(r => r.CampaignId == id)
            .GroupBy(r => new { r.UnitId, r.Group, r.Level })
            .Select(g => new { g.Key.UnitId, g.Key.Group, g.Key.Level, Count = g.Count() })
            .ToListAsync(ct);
        return counts.GroupBy(c => (c.UnitId, c.Group))
            .ToDictionary(g => g.Key, g => Math.Round((double)g.Sum(c => c.Count * EvaluationCampaign.Points(c.Level)) / g.Sum(c => c.Count), 2));
    }
}
