using Zhengfeng.Features.TypicalCases;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.TypicalCases;

public sealed class TypicalCaseRulesTests
{
    public static TheoryData<TypicalCaseStatus, TypicalCaseAction> EveryPair()
    {
        var data = new TheoryData<TypicalCaseStatus, TypicalCaseAction>();
        foreach (var s in Enum.GetValues<TypicalCaseStatus>())
        {
            foreach (var a in Enum.GetValues<TypicalCaseAction>())
            {
                data.Add(s, a);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_step_follows_the_table_and_any_other_is_refused_with_409(TypicalCaseStatus from, TypicalCaseAction action)
    {
        var item = At(from);
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));
        if (TypicalCase.Next.TryGetValue((from, action), out var to))
        {
            item.Apply(action, "u2", "审核人", at, "意见");
            Assert.Equal(to, item.Status);
        }
        else
        {
            var e = Assert.Throws<RuleException>(() => item.Apply(action, "u2", "审核人", at, null));
            Assert.Equal(409, e.Status);
            Assert.Equal(from, item.Status);
        }
    }

    [Fact]
    public void Publishing_records_the_reviewer_and_withdrawing_records_who_and_why()
    {
        var item = At(TypicalCaseStatus.PendingReview);
        var at = new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.FromHours(8));
        item.Apply(TypicalCaseAction.Publish, "leader", "县长", at, "同意");
        Assert.Equal(("leader", at, at), (item.ReviewedBy, item.ReviewedAt, item.PublishedAt));
        item.Apply(TypicalCaseAction.Withdraw, "admin", "管理员", at.AddDays(1), "情况变化");
        Assert.Equal(("admin", "情况变化"), (item.WithdrawnBy, item.WithdrawReason));
    }

    [Theory]
    [InlineData("赵大海推诿扯皮", "赵某某推诿扯皮")]
    [InlineData("王五拖延不办", "王某拖延不办")]
    [InlineData("联系电话13800138000", "联系电话138********")]
    [InlineData("身份证11010519491231002X", "身份证110***************")]
    [InlineData("编号20261102", "编号20261102")]
    public void Masking_keeps_the_surname_and_hides_numbers_that_identify_a_person(string text, string masked)
        => Assert.Equal(masked, TypicalCaseWorkflow.Mask(text, ["赵大海", "王五"]));

    private static TypicalCase At(TypicalCaseStatus status)
    {
        var item = new TypicalCase
        {
            Id = "t1", SourceId = "s1", UnitId = "u", DraftedBy = "u1", DraftedByName = "起草人", Kind = TypicalCaseKind.Positive,
        };
        item.Edit("标题标题", "基本案情基本案情基本", "", DateTimeOffset.UnixEpoch);
        var path = status switch
        {
            TypicalCaseStatus.Draft => [],
            TypicalCaseStatus.PendingReview => [TypicalCaseAction.Submit],
            TypicalCaseStatus.Published => [TypicalCaseAction.Submit, TypicalCaseAction.Publish],
            _ => new[] { TypicalCaseAction.Submit, TypicalCaseAction.Publish, TypicalCaseAction.Withdraw },
        };
        foreach (var step in path)
        {
            item.Apply(step, "u2", "审核人", DateTimeOffset.UnixEpoch, null);
        }
        return item;
    }
}
