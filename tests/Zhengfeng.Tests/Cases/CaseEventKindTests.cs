using Zhengfeng.Features.Audit;
using Zhengfeng.Features.Cases;

namespace Zhengfeng.Tests.Cases;

public sealed class CaseEventKindTests
{
    [Theory]
    [InlineData(CaseEventKind.Register, "register")]
    [InlineData(CaseEventKind.RequestReturn, "requestreturn")]
    [InlineData(CaseEventKind.DirectAnswer, "directanswer")]
    [InlineData(CaseEventKind.ExtensionRequest, "extension-request")]
    [InlineData(CaseEventKind.MergeIn, "merge-in")]
    [InlineData(CaseEventKind.ReturnVisit, "return-visit")]
    [InlineData(CaseEventKind.RatingAppealDecision, "rating-appeal-decision")]
    [InlineData(CaseEventKind.YellowCard, "yellowcard")]
    [InlineData(CaseEventKind.Escalate, "escalate")]
    public void Timeline_kinds_keep_the_codes_already_stored_and_sent(CaseEventKind kind, string code)
    {
        Assert.Equal(code, CaseEvents.Code(kind));
        Assert.Equal(kind, CaseEvents.Parse(code));
    }

    [Fact]
    public void Every_timeline_kind_has_its_own_code_and_a_chinese_label()
    {
        var kinds = Enum.GetValues<CaseEventKind>();
        Assert.Equal(kinds.Length, kinds.Select(CaseEvents.Code).Distinct().Count());
        Assert.Equal(kinds.Length, kinds.Select(CaseEvents.Label).Distinct().Count());
        Assert.All(kinds, k => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}+$", CaseEvents.Label(k)));
        Assert.All(Enum.GetValues<CaseAction>(), a => Assert.Equal(a.ToString(), CaseEvents.Of(a).ToString()));
    }

    [Theory]
    [InlineData("case.overdue-yellowcard", "黄牌督办")]
    [InlineData("accountability.decide", "作出问责决定")]
    [InlineData("rectification.follow-up-reopen", "回头看重新整改")]
    [InlineData("case.create", "新增工单")]
    [InlineData("ratingappeal.update", "其他操作")]
    public void Audit_actions_read_in_chinese(string code, string label)
        => Assert.Equal(label, AuditActions.Label(code));
}
