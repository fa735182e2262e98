namespace Zhengfeng.Features.Rankings;

/// <summary>Ranks as league tables do (1, 2, 2, 4): equal scores share a rank, and the next score's rank counts every row above it.</summary>
public static class CompetitionRank
{
    /// <summary>Gives each row its rank; the rows must already be sorted by score, highest first. One pass, however many units.</summary>
    public static List<T> Assign<T, TScore>(IReadOnlyList<T> sortedByScore, Func<T, TScore> score, Func<T, int, T> withRank)
        where TScore : IEquatable<TScore>
    {
        var ranked = new List<T>(sortedByScore.Count);
        var rank = 0;
        for (var i = 0; i < sortedByScore.Count; i++)
        {
            if (i == 0 || !score(sortedByScore[i]).Equals(score(sortedByScore[i - 1])))
            {
                rank = i + 1;
            }
            ranked.Add(withRank(sortedByScore[i], rank));
        }
        return ranked;
    }
}
