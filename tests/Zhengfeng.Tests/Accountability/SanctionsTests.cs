using Zhengfeng.Features.Accountability;
using Zhengfeng.Web;
using static Zhengfeng.Features.Accountability.Sanction;

namespace Zhengfeng.Tests.Accountability;

/// <summary>政务处分法 Arts. 8 and 15 as pure rules.</summary>
public sealed class SanctionsTests
{
    [Theory]
    [InlineData(Warning, 6)]
    [InlineData(Demerit, 12)]
    [InlineData(MajorDemerit, 18)]
    [InlineData(Demotion, 24)]
    [InlineData(Dismissal, 24)]
    public void Each_sanction_has_its_article_8_period(Sanction s, int months)
        => Assert.Equal(months, Sanctions.Months(s));

    [Fact]
    public void Expulsion_has_no_period() => Assert.Null(Sanctions.Months(Expulsion));

    [Theory]
    [InlineData(new[] { Warning, Demerit }, Demerit, 12)]
    [InlineData(new[] { MajorDemerit, Warning, Demerit }, MajorDemerit, 18)]
    [InlineData(new[] { Demotion, Dismissal }, Dismissal, 24)]
    [InlineData(new[] { Warning, Expulsion }, Expulsion, null)]
    [InlineData(new[] { Dismissal, Dismissal }, Dismissal, 24)]
    public void Different_kinds_execute_the_heaviest_with_its_own_period(Sanction[] acts, Sanction executed, int? months)
        => Assert.Equal((executed, months), Sanctions.Combine(acts, null));

    [Theory]
    [InlineData(Warning, 2, 6, 12)]
    [InlineData(Demerit, 3, 12, 36)]
    [InlineData(MajorDemerit, 3, 18, 48)]   // 54 capped at 48
    [InlineData(Demotion, 2, 24, 48)]
    public void Equal_kinds_combine_from_one_period_to_the_sum_capped_at_48(Sanction s, int count, int min, int max)
    {
        Assert.Equal((min, max), Sanctions.CombinedRange(s, count));
        var acts = Enumerable.Repeat(s, count).ToList();
        Assert.Equal((s, (int?)min), Sanctions.Combine(acts, min));
        Assert.Equal((s, (int?)max), Sanctions.Combine(acts, max));
        Assert.Equal("accountability.combined_out_of_range", Assert.Throws<RuleException>(() => Sanctions.Combine(acts, max + 1)).Code);
        Assert.Equal("accountability.combined_out_of_range", Assert.Throws<RuleException>(() => Sanctions.Combine(acts, min - 1)).Code);
        Assert.Equal("accountability.combined_missing", Assert.Throws<RuleException>(() => Sanctions.Combine(acts, null)).Code);
    }
}
