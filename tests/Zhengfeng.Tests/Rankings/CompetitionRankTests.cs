using Zhengfeng.Features.Rankings;

namespace Zhengfeng.Tests.Rankings;

public sealed class CompetitionRankTests
{
    [Fact]
    public void Equal_scores_share_a_rank_and_the_next_score_counts_every_row_above_it()
    {
        (string Unit, double Score, int Rank)[] rows = [("甲", 92.5, 0), ("乙", 88, 0), ("丙", 88, 0), ("丁", 71.25, 0), ("戊", 71.25, 0), ("己", 60, 0)];
        var ranked = CompetitionRank.Assign(rows, r => r.Score, (r, rank) => r with { Rank = rank });
        Assert.Equal([1, 2, 2, 4, 4, 6], ranked.Select(r => r.Rank));
        Assert.Equal(rows.Select(r => r.Unit), ranked.Select(r => r.Unit)); // the order is kept
        Assert.Empty(CompetitionRank.Assign(Array.Empty<(string, double, int)>(), r => r.Item2, (r, _) => r));
    }
}
