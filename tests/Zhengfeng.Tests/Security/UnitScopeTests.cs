using System.Net;
using System.Text.Json;
using Zhengfeng.Tests.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Security;

/// <summary>
/// What a unit must never get: the 查询码 that lets it rate (its own cases or a case it handed on), the handling of a case
/// that is now another unit's, and a phone number in a title made from the content.
/// </summary>
public sealed class UnitScopeTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_unit_never_gets_a_tracking_code_and_a_case_it_handed_on_shows_no_reply()
    {
        var s = await CaseScenario.CreateAsync(app);
        var (id, code) = await s.DispatchedCaseAsync();
        var number = await s.NumberAsync(id);

        var own = await s.LeadStaff.GetOkAsync($"/api/v1/cases/{id}");
        Assert.False(own.TryGetProperty("trackingCode", out _));
        Assert.Equal(number, own.GetProperty("number").GetString());
        var listed = await s.LeadStaff.GetOkAsync("/api/v1/cases?pageSize=200");
        Assert.All(listed.GetProperty("items").EnumerateArray(), c => Assert.False(c.TryGetProperty("trackingCode", out _)));
        var inbox = await s.LeadStaff.GetOkAsync("/api/v1/inbox?box=tosign");
        Assert.DoesNotContain(code, inbox.ToString());
        var page = await s.LeadStaff.GetStringAsync($"/cases/{id}");
        Assert.DoesNotContain(code, page);
        Assert.Contains(number, page);
        Assert.Contains(code, await s.Dispatcher.GetStringAsync($"/cases/{id}")); // the hotline reads it to the caller
        var byNumber = await s.LeadStaff.GetOkAsync($"/api/v1/cases?q={number}");
        Assert.Equal(id, Assert.Single(byNumber.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(0, (await s.LeadStaff.GetOkAsync($"/api/v1/cases?q=19990101-{number[^6..]}")).GetProperty("total").GetInt32());

        // The unit asks to return it; the case goes to another unit, which replies. The returning unit's drill-down counts
        // the return but neither the tracking code nor the other unit's reply.
        var request = await s.LeadStaff.PostOkAsync($"/api/v1/cases/{id}/return-requests", new { reason = "不属于本单位职责" });
        await s.Dispatcher.PostOkAsync($"/api/v1/cases/{id}/return-requests/{request.Id()}/decision", new { approve = true, newLeadUnitId = s.OtherUnit });
        await s.OtherStaff.PostOkAsync($"/api/v1/cases/{id}/sign", new { });
        await s.OtherStaff.PostOkAsync($"/api/v1/cases/{id}/reply", new { content = "交通局已修复井盖，答复诉求人。", outcome = "resolved" });
        var drill = await s.LeadStaff.GetOkAsync($"/api/v1/rankings/units/{s.LeadUnit}/cases?period=2026-11&metric=returns");
        var handedOn = Assert.Single(drill.EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        Assert.False(handedOn.TryGetProperty("trackingCode", out _));
        Assert.Equal(JsonValueKind.Null, handedOn.GetProperty("replyContent").ValueKind);
        Assert.DoesNotContain("交通局已修复井盖", drill.ToString());
    }

    [Fact]
    public async Task A_title_made_from_the_content_hides_phone_and_id_numbers()
    {
        var s = await CaseScenario.CreateAsync(app);
        var created = await s.Operator.PostOkAsync("/api/v1/cases", new
        {
            kind = "complaint", categoryCode = "roads", content = "请回电１３８ ００１３ ８０００，身份证110101199003071234，门口井盖丢失", channel = "hotline",
        }, HttpStatusCode.Created);
        var title = created.GetProperty("title").GetString()!;
        Assert.DoesNotContain("8000", title);
        Assert.DoesNotContain("1234", title);
        Assert.StartsWith("请回电138", title);
    }

    [Theory]
    [InlineData("陈\u200b某某", "陈某某")]
    [InlineData("陈 某\ufeff某", "陈某某")]
    [InlineData("ＡＢＣ", "ABC")]
    public void Names_are_compared_without_invisible_characters_or_full_width_forms(string written, string folded)
        => Assert.Equal(folded, PersonalText.ForComparison(written));

    [Theory]
    [InlineData("电话１３８００１３８０００", "13800138000")]
    [InlineData("电话138 0013-8000", "13800138000")]
    [InlineData("电话1380\u200b0138000", "13800138000")]
    public void Phone_numbers_are_compared_and_hidden_however_they_are_written(string written, string digits)
    {
        Assert.Equal(digits, PersonalText.Digits(written));
        var hidden = PersonalText.HideNumbers(written);
        Assert.StartsWith("电话138", hidden);
        Assert.DoesNotContain("8000", hidden);
    }
}
