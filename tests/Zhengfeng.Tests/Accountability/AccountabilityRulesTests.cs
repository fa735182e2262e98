using Zhengfeng.Features.Accountability;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Accountability;

/// <summary>The guards that need only the case's or the application's own data live in their action methods.</summary>
public sealed class AccountabilityRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static AccountabilityCase Investigating(AccountabilitySubject subject, string? headId = null)
    {
        var item = new AccountabilityCase
        {
            Id = "a1", SubjectType = subject, UnitId = subject == AccountabilitySubject.Unit ? "u1" : null,
            CadreId = subject == AccountabilitySubject.Cadre ? "c1" : null, HeadId = headId, Facts = "推诿扯皮", OpenedBy = "u", OpenedAt = At,
        };
        item.StartInvestigation();
        return item;
    }

    private static RuleException Refusal(Action action) => Assert.ThrowsAny<RuleException>(action);

    [Fact]
    public void A_sanction_is_refused_on_a_unit_and_forms_for_leaders_are_refused_on_a_cadre()
    {
        var unit = Investigating(AccountabilitySubject.Unit, headId: "h1");
        var e = Refusal(() => unit.Decide("通报", [AccountabilityForm.UnitCircular], [], [], [Sanction.Warning], null, new DateOnly(2026, 11, 2), 1, "u", At));
        Assert.Equal(("accountability.sanction_for_cadre", 400), (e.Code, e.Status));
        var cadre = Investigating(AccountabilitySubject.Cadre);
        e = Refusal(() => cadre.Decide("诫勉", [AccountabilityForm.Admonition], [AccountabilityForm.Admonition], [], [], null, new DateOnly(2026, 11, 2), 1, "u", At));
        Assert.Equal("accountability.leader_forms", e.Code);
        Assert.Equal(AccountabilityStatus.Investigating, cadre.Status);
    }

    [Fact]
    public void A_decision_without_any_form_or_sanction_is_refused_and_a_case_not_yet_investigated_is_refused_by_the_table_first()
    {
        var cadre = Investigating(AccountabilitySubject.Cadre);
        Assert.Equal("accountability.no_form", Refusal(() => cadre.Decide("无", [], [], [], [], null, new DateOnly(2026, 11, 2), 1, "u", At)).Code);
        var opened = new AccountabilityCase { Id = "a2", SubjectType = AccountabilitySubject.Cadre, CadreId = "c1", Facts = "推诿扯皮", OpenedBy = "u", OpenedAt = At };
        var e = Refusal(() => opened.Decide("无", [], [], [], [], null, new DateOnly(2026, 11, 2), 1, "u", At));
        Assert.Equal(("accountability.illegal_transition", 409), (e.Code, e.Status));
        Assert.Contains("已立项", e.Message);
    }

    [Fact]
    public void A_sanction_runs_from_its_first_day_for_its_period()
    {
        var cadre = Investigating(AccountabilitySubject.Cadre);
        cadre.Decide("记过", [], [], [], [Sanction.Demerit], null, new DateOnly(2026, 11, 2), 2, "u", At);
        Assert.Equal((new DateOnly(2026, 11, 2), new DateOnly(2027, 11, 2), 12), (cadre.SanctionFrom!.Value, cadre.SanctionUntil!.Value, cadre.SanctionMonths!.Value));
        Assert.True(cadre.SanctionInEffect(new DateOnly(2027, 11, 1)));
        Assert.False(cadre.SanctionInEffect(new DateOnly(2027, 11, 2)));
    }

    [Fact]
    public void An_exemption_is_approved_only_when_all_six_conditions_hold_and_refused_only_with_a_reason()
    {
        Exemption Applied(bool gain) => new()
        {
            Id = "x1", CadreId = "c1", Facts = "先行先试", AppliedBy = "u", AppliedAt = At,
            PublicPurpose = true, NoPersonalGain = gain, NoBreachOfLaw = true, NoMajorLoss = true, TimelyRemedy = true, ProcedureFollowed = true,
        };
        var e = Refusal(() => Applied(gain: false).Approve("同意", [], "u", At));
        Assert.Equal(("exemption.criteria_not_met", 422), (e.Code, e.Status));
        Assert.Contains("未谋取私利", e.Message);
        Assert.Equal("exemption.refusal_without_criteria", Refusal(() => Applied(gain: true).Refuse("不同意", [], "u", At)).Code);
        Assert.Equal("exemption.bad_criterion", Refusal(() => Applied(gain: true).Refuse("不同意", ["luck"], "u", At)).Code);
        var refused = Applied(gain: false);
        refused.Refuse("谋取私利", [], "u", At);
        Assert.Equal((ExemptionStatus.Refused, "noPersonalGain"), (refused.Status, refused.RefusedCriteria));
    }
}
