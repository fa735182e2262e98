using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Zhengfeng.Features.Cases;
using Zhengfeng.Tests.Campaigns;

namespace Zhengfeng.Tests.Cases;

public sealed class CaseLifecycleTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Create_gives_a_tracking_code_and_the_registered_status()
    {
        var s = await CaseScenario.CreateAsync(app);
        var c = await s.CreateCaseAsync();
        Assert.Equal("registered", c.GetProperty("status").GetString());
        Assert.Matches("^[0-9A-Z]{10}$", c.GetProperty("trackingCode").GetString()!);
        Assert.DoesNotContain("13800138000", c.ToString());
    }

    [Fact]
    public async Task Dispatch_sets_deadlines_by_the_working_day_calendar_in_china_time()
    {
        var s = await CaseScenario.CreateAsync(app);
        var c = await s.CreateCaseAsync();
        var d = await s.Dispatcher.PostOkAsync($"/api/v1/cases/{c.Id()}/dispatch", new { leadUnitId = s.LeadUnit });
        Assert.Equal("dispatched", d.GetProperty("status").GetString());
        var handleDue = DateTimeOffset.Parse(d.GetProperty("handleDueAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromHours(8), handleDue.Offset);
        // Dispatched on Monday 2026-11-02 (fake clock, never moved in this class): 5 working days -> Monday 2026-11-09,
        // end of day; counting calendar days would give Saturday 11-07.
        Assert.Equal(new DateTimeOffset(2026, 11, 9, 23, 59, 59, TimeSpan.FromHours(8)), handleDue);
        Assert.Contains("工作日", d.GetProperty("handleDueWhy").GetString());
    }

    [Fact]
    public async Task The_whole_life_sign_extend_reply_bad_rating_rework_good_rating()
    {
        var s = await CaseScenario.CreateAsync(app);
        var (id, code) = await s.DispatchedCaseAsync();
        Assert.Equal("handling", (await s.LeadStaff.PostOkAsync($"/api/v1/cases/{id}/sign", new { })).GetProperty("status").GetString());

        var before = await s.LeadStaff.GetOkAsync($"/api/v1/cases/{id}");
        var ext = await s.LeadStaff.PostOkAsync($"/api/v1/cases/{id}/extension-requests", new { workdays = 3, reason = "需协调供电部门停电施工" });
        var approved = await s.Dispatcher.PostOkAsync($"/api/v1/cases/{id}/extension-requests/{ext.Id()}/decision", new { approve = true });
        Assert.True(DateTimeOffset.Parse(approved.GetProperty("handleDueAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            > DateTimeOffset.Parse(before.GetProperty("handleDueAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("replied", (await s.LeadStaff.PostOkAsync($"/api/v1/cases/{id}/reply", new { content = "已更换井盖。", outcome = "resolved" })).GetProperty("status").GetString());
        var bad = await app.Anonymous().PostOkAsync($"/public/v1/cases/{code}/rating", new { level = 2, comment = "井盖松动" });
        Assert.Equal("reopened", bad.GetProperty("status").GetString());

        await s.LeadStaff.PostOkAsync($"/api/v1/cases/{id}/reply", new { content = "已重新固定井盖并回访。", outcome = "resolved" });
        var good = await app.Anonymous().PostOkAsync($"/public/v1/cases/{code}/rating", new { level = 4 });
        Assert.Equal("closed", good.GetProperty("status").GetString());

        var full = await s.Dispatcher.GetOkAsync($"/api/v1/cases/{id}");
        var actions = full.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["register", "dispatch", "sign", "extension-request", "extension-approve", "reply", "ratebad", "rework", "reply", "rategood"], actions);
        Assert.Equal(2, full.GetProperty("round").GetInt32());
    }

    [Fact]
    public async Task A_foreign_unit_gets_403_on_every_unit_action()
    {
        var s = await CaseScenario.CreateAsync(app);
        var (id, _) = await s.DispatchedCaseAsync();
        await (await s.OtherStaff.PostAsJsonAsync($"/api/v1/cases/{id}/sign", new { })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await s.OtherStaff.PostAsJsonAsync($"/api/v1/cases/{id}/reply", new { content = "不是我们的事情。", outcome = "explained" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await s.OtherStaff.PostAsJsonAsync($"/api/v1/cases/{id}/return-requests", new { reason = "不归我们管" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await s.OtherStaff.PostAsJsonAsync($"/api/v1/cases/{id}/extension-requests", new { workdays = 2, reason = "工作太忙" })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.OtherStaff.GetAsync($"/api/v1/cases/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_reply_before_signing_signs_the_case_on_record_and_rating_twice_is_refused()
    {
        var s = await CaseScenario.CreateAsync(app);
        var (id, _) = await s.DispatchedCaseAsync();
        var early = await s.LeadStaff.PostOkAsync($"/api/v1/cases/{id}/reply", new { content = "已到现场处理完毕，路灯已修复。", outcome = "resolved" });
        Assert.Equal("replied", early.GetProperty("status").GetString());
        var timeline = (await s.Dispatcher.GetOkAsync($"/api/v1/cases/{id}")).GetProperty("timeline").EnumerateArray().ToList();
        var sign = Assert.Single(timeline, e => e.GetProperty("action").GetString() == "sign");
        Assert.Equal("首次答复，视为签收", sign.GetProperty("note").GetString());
        Assert.Equal("reply", timeline[timeline.IndexOf(sign) + 1].GetProperty("action").GetString());

        var (_, code) = await s.RepliedCaseAsync();
        await app.Anonymous().PostOkAsync($"/public/v1/cases/{code}/rating", new { level = 5 });
        var twice = await app.Anonymous().PostAsJsonAsync($"/public/v1/cases/{code}/rating", new { level = 1 });
        Assert.Contains("重复评价", await twice.ProblemAsync(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Returns_are_ruled_by_the_dispatcher_and_bind_after_the_limit()
    {
        var s = await CaseScenario.CreateAsync(app);
        var (id, _) = await s.DispatchedCaseAsync();
        var r1 = await s.LeadStaff.PostOkAsync($"/api/v1/cases/{id}/return-requests", new { reason = "属于交通部门职责" });
        Assert.Equal("return_requested", r1.GetProperty("status").GetString());
        var moved = await s.Dispatcher.PostOkAsync($"/api/v1/cases/{id}/return-requests/{r1.Id()}/decision", new { approve = true, newLeadUnitId = s.OtherUnit });
        Assert.Equal("dispatched", moved.GetProperty("status").GetString());
        Assert.Equal(s.OtherUnit, moved.GetProperty("leadUnitId").GetString());
        Assert.Equal(s.LeadUnit, moved.GetProperty("firstReceiverUnitId").GetString());

        var r2 = await s.OtherStaff.PostOkAsync($"/api/v1/cases/{id}/return-requests", new { reason = "属于城管职责" });
        var kept = await s.Dispatcher.PostOkAsync($"/api/v1/cases/{id}/return-requests/{r2.Id()}/decision", new { approve = false, note = "道路设施归交通" });
        Assert.Equal("handling", kept.GetProperty("status").GetString());
        Assert.Equal(2, kept.GetProperty("returnCount").GetInt32());

        var third = await s.OtherStaff.PostAsJsonAsync($"/api/v1/cases/{id}/return-requests", new { reason = "再退一次" });
        Assert.Contains("最终决定", await third.ProblemAsync(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task A_return_after_the_window_is_refused()
    {
        await using var own = await AppFactory.StartAsync(); // moves its clock: its own app
        var s = await CaseScenario.CreateAsync(own);
        var (id, _) = await s.DispatchedCaseAsync();
        own.Clock.Advance(TimeSpan.FromDays(2)); // Monday's dispatch: the window closed at the end of Tuesday
        var staff = await (await own.AdminAsync()).UserAsync(own, s.LeadUnit, "unit"); // yesterday's tokens have expired
        var late = await staff.PostAsJsonAsync($"/api/v1/cases/{id}/return-requests", new { reason = "不归我们管" });
        Assert.Contains("工作日内", await late.ProblemAsync(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Extensions_are_limited_in_count_and_length()
    {
        var s = await CaseScenario.CreateAsync(app);
        var (id, _) = await s.DispatchedCaseAsync();
        await s.LeadStaff.PostOkAsync($"/api/v1/cases/{id}/sign", new { });
        var tooLong = await s.LeadStaff.PostAsJsonAsync($"/api/v1/cases/{id}/extension-requests", new { workdays = 20, reason = "工程量大" });
        Assert.Contains("15", await tooLong.ProblemAsync(HttpStatusCode.UnprocessableEntity));
        var ext = await s.LeadStaff.PostOkAsync($"/api/v1/cases/{id}/extension-requests", new { workdays = 5, reason = "工程量大" });
        await s.Dispatcher.PostOkAsync($"/api/v1/cases/{id}/extension-requests/{ext.Id()}/decision", new { approve = true });
        var again = await s.LeadStaff.PostAsJsonAsync($"/api/v1/cases/{id}/extension-requests", new { workdays = 2, reason = "还不够" });
        await again.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.LeadStaff.PostAsJsonAsync($"/api/v1/cases/{id}/extension-requests/{ext.Id()}/decision", new { approve = true })).StatusCode);
    }

    [Fact]
    public async Task Unit_staff_see_only_the_phone_while_the_case_is_theirs_and_every_view_is_audited()
    {
        var s = await CaseScenario.CreateAsync(app);
        var (id, _) = await s.DispatchedCaseAsync();
        var asUnit = await s.LeadStaff.GetAsync($"/api/v1/cases/{id}");
        Assert.DoesNotContain("陈某某", await asUnit.Content.ReadAsStringAsync());
        Assert.DoesNotContain("13800138000", await asUnit.Content.ReadAsStringAsync());

        // The lead unit needs the phone to meet its contact deadline: the phone, never the name, and the view is logged.
        var phone = await s.LeadStaff.GetOkAsync($"/api/v1/cases/{id}/reporter");
        Assert.Equal("13800138000", phone.GetProperty("phone").GetString());
        Assert.Equal(JsonValueKind.Null, phone.GetProperty("name").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.OtherStaff.GetAsync($"/api/v1/cases/{id}/reporter")).StatusCode);
        var page = WebUtility.HtmlDecode(await (await CampaignScenario.PostFormAsync(s.LeadStaff, $"/cases/{id}?handler=reveal")).Content.ReadAsStringAsync());
        Assert.Contains("13800138000", page);
        Assert.Contains("已记入审计日志", page);

        var reporter = await s.Operator.GetOkAsync($"/api/v1/cases/{id}/reporter?purpose=回访");
        Assert.Equal("陈某某", reporter.GetProperty("name").GetString());
        var log = (await s.Admin.GetOkAsync("/api/v1/audit?action=case.reveal-reporter&pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        Assert.True(log.Count(e => e.GetProperty("after").GetString()!.Contains(id, StringComparison.Ordinal)) >= 3, "each view, the unit's included");

        // Once the unit has replied the case is no longer in its hands.
        await s.LeadStaff.PostOkAsync($"/api/v1/cases/{id}/sign", new { });
        await s.LeadStaff.PostOkAsync($"/api/v1/cases/{id}/reply", new { content = "已派人到现场处理，井盖已补齐。", outcome = "resolved" });
        Assert.Equal(HttpStatusCode.Forbidden, (await s.LeadStaff.GetAsync($"/api/v1/cases/{id}/reporter")).StatusCode);
    }

    [Fact]
    public async Task The_reporter_is_stored_encrypted_with_the_key_kept_outside_the_database()
    {
        var s = await CaseScenario.CreateAsync(app);
        var id = (await s.CreateCaseAsync()).Id();
        var (name, phone) = ("", "");
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == id);
            (name, phone) = (stored.ReporterNameEnc!, stored.ReporterPhoneEnc!);
        });
        Assert.DoesNotContain("陈某某", name);
        Assert.DoesNotContain("13800138000", phone);

        // The key the app made in its data folder opens the stored values; any other key does not.
        var appKey = IdentityWithKey(File.ReadAllText(Path.Combine(app.DataDir, "keys", ReporterIdentity.FileName)).Trim());
        Assert.Equal("陈某某", appKey.Unprotect(name));
        Assert.Equal("13800138000", appKey.Unprotect(phone));
        var otherKey = IdentityWithKey(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        Assert.ThrowsAny<CryptographicException>(() => otherKey.Unprotect(name));
        Assert.ThrowsAny<CryptographicException>(() => otherKey.Unprotect(phone));
        Assert.NotEqual(appKey.Protect("陈某某"), appKey.Protect("陈某某")); // a fresh nonce each time: equal names do not show as equal values
    }

    private static ReporterIdentity IdentityWithKey(string base64Key)
        => new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["IDENTITY_KEY"] = base64Key }).Build());

    [Fact]
    public async Task The_public_page_shows_progress_and_the_reply_without_names()
    {
        var s = await CaseScenario.CreateAsync(app);
        var (_, code) = await s.RepliedCaseAsync();
        var view = await app.Anonymous().GetOkAsync($"/public/v1/cases/{code}");
        Assert.Equal("replied", view.GetProperty("status").GetString());
        Assert.Contains("井盖", view.GetProperty("reply").GetString());
        Assert.True(view.GetProperty("canRate").GetBoolean());
        Assert.DoesNotContain("陈某某", view.ToString());
        Assert.DoesNotContain("测试用户", view.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/public/v1/cases/ZZZZZZZZZZ")).StatusCode);
    }

    [Fact]
    public async Task The_monthly_ranking_counts_dispatch_response_and_ratings()
    {
        var s = await CaseScenario.CreateAsync(app);
        var (_, code) = await s.RepliedCaseAsync();
        await app.Anonymous().PostOkAsync($"/public/v1/cases/{code}/rating", new { level = 5 });
        var rows = await s.Dispatcher.GetOkAsync("/api/v1/rankings/units?period=2026-11");
        var row = rows.EnumerateArray().Single(r => r.GetProperty("unitId").GetString() == s.LeadUnit);
        Assert.Equal(1, row.GetProperty("dispatched").GetInt32());
        Assert.Equal(1.0, row.GetProperty("responseRate").GetDouble());
        Assert.Equal(1.0, row.GetProperty("satisfactionRate").GetDouble());
        Assert.Equal(100.0, row.GetProperty("score").GetDouble());
        var drill = await s.Dispatcher.GetOkAsync($"/api/v1/rankings/units/{s.LeadUnit}/cases?period=2026-11&metric=satisfied");
        Assert.Single(drill.EnumerateArray());
    }

    [Fact]
    public async Task Bad_case_input_gets_a_400_in_chinese()
    {
        var s = await CaseScenario.CreateAsync(app);
        var unknown = await s.Operator.PostAsJsonAsync("/api/v1/cases", new { kind = "complaint", categoryCode = "nope", content = "内容内容内容" });
        Assert.Contains("分类", await unknown.ProblemAsync(HttpStatusCode.BadRequest));
        var badKind = await s.Operator.PostAsJsonAsync("/api/v1/cases", new { kind = "shout", categoryCode = "roads", content = "内容内容内容" });
        await badKind.ProblemAsync(HttpStatusCode.BadRequest);
        var empty = await s.Operator.PostAsJsonAsync("/api/v1/cases", new { kind = "complaint", categoryCode = "roads", content = "" });
        await empty.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.LeadStaff.PostAsJsonAsync("/api/v1/cases", new { kind = "complaint", categoryCode = "roads", content = "内容内容内容" })).StatusCode);
    }
}
