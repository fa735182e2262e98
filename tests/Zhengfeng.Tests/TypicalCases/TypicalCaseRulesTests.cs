using Zhengfeng.Features.TypicalCases;
using Zhengfeng.Tests.Workflows;

namespace Zhengfeng.Tests.TypicalCases;

public sealed class TypicalCaseRulesTests
{
    [Fact]
    public void Publishing_records_the_reviewer_and_freezes_the_masked_text_and_withdrawing_records_who_and_why()
    {
        var item = TypicalCaseDriver.New();
        item.Submit("u1", DateTimeOffset.UnixEpoch);
        var at = new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.FromHours(8));
        item.Publish("leader", "县长", at, "同意", text => text.Replace("标题", "题目", StringComparison.Ordinal));
        Assert.Equal(("leader", at, at), (item.ReviewedBy, item.ReviewedAt, item.PublishedAt));
        Assert.Equal(("标题标题", "题目题目"), (item.Title, item.PublicTitle));
        item.Withdraw("admin", "管理员", at.AddDays(1), "情况变化");
        Assert.Equal(("admin", "情况变化"), (item.WithdrawnBy, item.WithdrawReason));
    }

    [Fact]
    public void Returning_a_draft_keeps_the_reviewers_note_and_lets_the_drafter_edit_again()
    {
        var item = TypicalCaseDriver.New();
        item.Submit("u1", DateTimeOffset.UnixEpoch);
        item.Return("leader", "县长", DateTimeOffset.UnixEpoch, "补充整改成效");
        Assert.Equal((TypicalCaseStatus.Draft, "补充整改成效", (DateTimeOffset?)null), (item.Status, item.ReviewNote, item.PublishedAt));
        item.Edit("新标题新标题", "新的基本案情新的基本案情", "", DateTimeOffset.UnixEpoch);
        Assert.Equal("新标题新标题", item.Title);
    }

    [Theory]
    [InlineData("赵大海推诿扯皮", "赵某某推诿扯皮")]
    [InlineData("王五拖延不办", "王某拖延不办")]
    [InlineData("联系电话13800138000", "联系电话138********")]
    [InlineData("身份证11010519491231002X", "身份证110***************")]
    [InlineData("编号20261102", "编号20261102")]
    public void Masking_keeps_the_surname_and_hides_numbers_that_identify_a_person(string text, string masked)
        => Assert.Equal(masked, TypicalCaseWorkflow.Mask(text, ["赵大海", "王五"]));
}
