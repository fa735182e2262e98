using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Zhengfeng.Jobs;
using Zhengfeng.Tests.Campaigns;

namespace Zhengfeng.Tests.Cases;

/// <summary>The clerk's day: signing implied by the first reply or contact, unit phrases, the unit head's 承办人, the inbox as a workplace.</summary>
public sealed class UnitWorkTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static List<JsonElement> Timeline(JsonElement c) => c.GetProperty("timeline").EnumerateArray().ToList();

    private static string? Note(JsonElement c, string action) => Timeline(c).Single(e => e.GetProperty("action").GetString() == action).GetProperty("note").GetString();

    [Fact]
    public async Task Recording_the_first_contact_on_an_unsigned_case_signs_it_on_record()
    {
        var s = await CaseScenario.CreateAsync(app);
        var (id, _) = await s.DispatchedCaseAsync();
        var contacted = await s.LeadStaff.PostOkAsync($"/api/v1/cases/{id}/contact", new { note = "已电话联系，约定明早现场查看" });
        Assert.Equal("handling", contacted.GetProperty("status").GetString());
        var c = await s.Dispatcher.GetOkAsync($"/api/v1/cases/{id}");
        Assert.Equal("联系诉求人，视为签收", Note(c, "sign"));
        Assert.Equal("已电话联系，约定明早现场查看", Note(c, "contact"));
    }

    [Fact]
    public async Task A_reply_made_only_of_the_units_phrases_is_refused_and_one_in_its_own_words_goes_through()
    {
        var s = await CaseScenario.CreateAsync(app);
        const string greeting = "您好，感谢您对我局工作的支持。";
        const string hours = "如有疑问请在工作日致电0000-1234567。";
        await s.LeadStaff.PostOkAsync("/api/v1/phrases", new { text = greeting }, HttpStatusCode.Created);
        await s.LeadStaff.PostOkAsync("/api/v1/phrases", new { text = hours }, HttpStatusCode.Created);
        var tooLong = await s.LeadStaff.PostAsJsonAsync("/api/v1/phrases", new { text = new string('办', 101) });
        Assert.Contains("不是整篇答复", await tooLong.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Empty((await s.OtherStaff.GetOkAsync("/api/v1/phrases")).EnumerateArray()); // another unit's phrases are its own
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Dispatcher.GetAsync("/api/v1/phrases")).StatusCode);

        var (id, _) = await s.DispatchedCaseAsync();
        var canned = await s.LeadStaff.PostAsJsonAsync($"/api/v1/cases/{id}/reply", new { content = greeting + "已办理。" + hours, outcome = "resolved" });
        Assert.Contains("不能只由常用语组成", await canned.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal("dispatched", (await s.Dispatcher.GetOkAsync($"/api/v1/cases/{id}")).GetProperty("status").GetString()); // nothing signed by the refusal

        var own = await s.LeadStaff.PostOkAsync($"/api/v1/cases/{id}/reply",
            new { content = greeting + "11月3日已派维修队更换幸福路井盖并设置警示桩。" + hours, outcome = "resolved" });
        Assert.Equal("replied", own.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_unit_head_gives_a_case_to_a_person_who_alone_is_told_and_the_timeline_names_them()
    {
        var s = await CaseScenario.CreateAsync(app);
        var headName = app.Unique("head");
        await s.Admin.PostOkAsync("/api/v1/users", new
        {
            username = headName, password = AppFactory.Password, displayName = "王科长", unitId = s.LeadUnit, roles = new[] { "unit" }, isUnitHead = true,
        }, HttpStatusCode.Created);
        var head = await app.LoginAsync(headName, AppFactory.Password);

        // the head opens an account for a clerk of the unit; the unit and the role are the head's
        var clerkName = app.Unique("clerk");
        var clerkAccount = await head.PostOkAsync("/api/v1/unit-staff", new { username = clerkName, password = AppFactory.Password, displayName = "李承办" },
            HttpStatusCode.Created);
        Assert.Equal(s.LeadUnit, clerkAccount.GetProperty("unitId").GetString());
        Assert.Equal(["unit"], clerkAccount.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var clerk = await app.LoginAsync(clerkName, AppFactory.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.LeadStaff.GetAsync("/api/v1/unit-staff")).StatusCode); // not a head
        var otherUnitsClerk = (await s.OtherStaff.GetOkAsync("/api/v1/auth/me")).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsJsonAsync($"/api/v1/unit-staff/{otherUnitsClerk}/disable", new { })).StatusCode);

        var (id, _) = await s.DispatchedCaseAsync();
        var byStaff = await s.LeadStaff.PostAsJsonAsync($"/api/v1/cases/{id}/assign", new { assigneeId = clerkAccount.Id() });
        Assert.Contains("单位负责人", await byStaff.ProblemAsync(HttpStatusCode.Forbidden));
        var outside = await head.PostAsJsonAsync($"/api/v1/cases/{id}/assign", new { assigneeId = otherUnitsClerk });
        Assert.Contains("承办账号", await outside.ProblemAsync(HttpStatusCode.BadRequest));

        await head.PostOkAsync($"/api/v1/cases/{id}/assign", new { assigneeId = clerkAccount.Id() });
        await clerk.PostOkAsync($"/api/v1/cases/{id}/reply", new { content = "李承办已到现场核实并更换井盖，诉求人确认。", outcome = "resolved" });
        var c = await s.Dispatcher.GetOkAsync($"/api/v1/cases/{id}");
        Assert.Equal("指定承办人：李承办", Note(c, "assign"));
        var reply = Timeline(c).Single(e => e.GetProperty("action").GetString() == "reply");
        Assert.Equal(clerkAccount.Id(), reply.GetProperty("actorId").GetString());

        static async Task<List<string?>> Kinds(HttpClient who) => (await who.GetOkAsync("/api/v1/notifications")).GetProperty("items").EnumerateArray()
            .Select(n => n.GetProperty("kind").GetString()).ToList();
        Assert.Contains("assign", await Kinds(clerk));
        Assert.DoesNotContain("assign", await Kinds(s.LeadStaff)); // a message for one person is not the unit's

        var mine = WebUtility.HtmlDecode(await clerk.GetStringAsync("/inbox?box=done&mine=true"));
        Assert.Contains("人行道井盖缺失", mine);
        Assert.Contains("承办人 李承办", mine);
        Assert.DoesNotContain("人行道井盖缺失", WebUtility.HtmlDecode(await head.GetStringAsync("/inbox?box=done&mine=true")));
    }

    [Fact]
    public async Task The_clerk_signs_and_replies_from_the_inbox_row_and_a_refused_reply_keeps_the_text()
    {
        var s = await CaseScenario.CreateAsync(app);
        await s.LeadStaff.PostOkAsync("/api/v1/phrases", new { text = "感谢您的监督。" }, HttpStatusCode.Created);
        var (id, _) = await s.DispatchedCaseAsync();
        var page = WebUtility.HtmlDecode(await s.LeadStaff.GetStringAsync("/inbox?box=ToSign"));
        Assert.Contains("答复（同时签收）", page);
        Assert.Contains("data-insert=\"感谢您的监督。\"", page);

        var refused = await CampaignScenario.PostFormAsync(s.LeadStaff, "/inbox?box=ToSign&handler=Reply",
            ("caseId", id), ("reply.Content", "感谢您的监督。"), ("reply.Outcome", "resolved"));
        var again = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("不能只由常用语组成", again);
        Assert.Contains("<details open", again);

        var ok = await CampaignScenario.PostFormAsync(s.LeadStaff, "/inbox?box=ToSign&handler=Reply",
            ("caseId", id), ("reply.Content", "已更换井盖并在周边设置警示标志。感谢您的监督。"), ("reply.Outcome", "resolved"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var c = await s.Dispatcher.GetOkAsync($"/api/v1/cases/{id}");
        Assert.Equal("replied", c.GetProperty("status").GetString());
        Assert.Equal("首次答复，视为签收", Note(c, "sign"));
    }

    [Fact]
    public async Task Merge_return_visit_and_rating_appeal_each_have_their_form_on_the_case_page()
    {
        var s = await CaseScenario.CreateAsync(app);
        var supervisor = await s.Admin.UserAsync(app, await s.Admin.RootUnitIdAsync(), "supervisor");
        // A reporter of their own: the fixture's other tests file the same text from the same phone many times over.
        async Task<string> FiledAsync() => (await s.Operator.PostOkAsync("/api/v1/cases", new
        {
            kind = "complaint", categoryCode = "roads", title = "和平巷井盖松动", content = "和平巷十二号门前的井盖松动，车辆经过时哐当作响，夜里吵得睡不着。",
            channel = "hotline", address = "和平巷十二号", reporter = new { name = "周某某", phone = "13700137012" },
        }, HttpStatusCode.Created)).Id();
        var mainId = await FiledAsync();
        await s.Dispatcher.PostOkAsync($"/api/v1/cases/{mainId}/dispatch", new { leadUnitId = s.LeadUnit });
        var repeat = await s.Dispatcher.GetOkAsync($"/api/v1/cases/{await FiledAsync()}");
        var mainNumber = await s.NumberAsync(mainId);
        var page = WebUtility.HtmlDecode(await s.Dispatcher.GetStringAsync($"/cases/{repeat.Id()}"));
        Assert.Contains($"并入 {mainNumber}", page); // same reporter's phone: offered as a candidate

        var merged = await CampaignScenario.PostFormAsync(s.Dispatcher, $"/cases/{repeat.Id()}?handler=Merge", ("intoNumber", mainNumber));
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal("merged", (await s.Dispatcher.GetOkAsync($"/api/v1/cases/{repeat.Id()}")).GetProperty("status").GetString());
        var typo = await CampaignScenario.PostFormAsync(s.Dispatcher, $"/cases/{mainId}?handler=Merge", ("intoNumber", "20260101-ABCDEF"));
        Assert.Contains("没有找到工单编号为 20260101-ABCDEF 的工单", WebUtility.HtmlDecode(await typo.Content.ReadAsStringAsync()));

        var (id, code) = await s.RepliedCaseAsync();
        await app.Anonymous().PostOkAsync($"/public/v1/cases/{code}/rating", new { level = 1, comment = "没人来修" });
        Assert.Contains(await s.NumberAsync(id), await s.Operator.GetStringAsync("/return-visits"));
        var visit = await CampaignScenario.PostFormAsync(s.Operator, $"/cases/{id}?handler=ReturnVisit", ("visit.Reason", "回访诉求人：井盖已换，但警示桩未撤，已转单位"));
        Assert.Equal(HttpStatusCode.Redirect, visit.StatusCode);
        Assert.DoesNotContain(await s.NumberAsync(id), await s.Operator.GetStringAsync("/return-visits"));

        var appeal = await CampaignScenario.PostFormAsync(s.LeadStaff, $"/cases/{id}?handler=Appeal", ("appeal.Reason", "诉求人评价与事实不符，现场照片为证"));
        Assert.Equal(HttpStatusCode.Redirect, appeal.StatusCode);
        Assert.Contains("评价申诉复核", WebUtility.HtmlDecode(await supervisor.GetStringAsync($"/cases/{id}")));
        var decided = await CampaignScenario.PostFormAsync(supervisor, $"/cases/{id}?handler=DecideAppeal", ("decision.Approve", "false"), ("decision.Note", "照片不能证明已修复"));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var c = await s.Dispatcher.GetOkAsync($"/api/v1/cases/{id}");
        Assert.Contains(Timeline(c), e => e.GetProperty("action").GetString() == "rating-appeal-decision");
    }

    [Fact]
    public async Task The_dispatcher_picks_from_units_named_with_their_township_and_the_categorys_usual_unit_first()
    {
        var s = await CaseScenario.CreateAsync(app);
        var township = await s.Admin.CreateUnitAsync(app, "township", null, "青禾镇" + app.Unique("t"));
        var office = await s.Admin.CreateUnitAsync(app, "office", township, "党政综合办公室");
        var (answered, _) = await s.DispatchedCaseAsync("food");
        await s.LeadStaff.PostOkAsync($"/api/v1/cases/{answered}/reply", new { content = "已会同市场监管所现场检查并责令整改。", outcome = "resolved" });
        var fresh = await s.CreateCaseAsync("food");

        var page = WebUtility.HtmlDecode(await s.Dispatcher.GetStringAsync($"/cases/{fresh.Id()}"));
        var usual = page[page.IndexOf("本类诉求常派", StringComparison.Ordinal)..page.IndexOf("按名称查找", StringComparison.Ordinal)];
        Assert.Contains($"data-pick=\"{s.LeadUnit}\"", usual);
        Assert.DoesNotContain(s.OtherUnit, usual);
        Assert.Contains($"<option value=\"{office}\">青禾镇", page);
        Assert.Contains("/ 党政综合办公室</option>", page);
    }

    [Fact]
    public async Task The_bell_counts_unread_messages_and_read_all_clears_it()
    {
        var s = await CaseScenario.CreateAsync(app);
        await s.DispatchedCaseAsync();
        await s.DispatchedCaseAsync();
        Assert.Contains("消息提醒，2条未读", WebUtility.HtmlDecode(await s.LeadStaff.GetStringAsync("/")));
        var read = await CampaignScenario.PostFormAsync(s.LeadStaff, "/messages?handler=ReadAll");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        var home = WebUtility.HtmlDecode(await s.LeadStaff.GetStringAsync("/"));
        Assert.DoesNotContain("条未读", home);
    }
}

/// <summary>每日待办: one message per person per working day from 08:00, only when something is due.</summary>
public sealed class DailyDigestTests
{
    [Fact]
    public async Task Each_unit_account_with_work_due_gets_one_digest_a_working_day()
    {
        await using var app = await AppFactory.StartAsync();
        var s = await CaseScenario.CreateAsync(app);
        await s.DispatchedCaseAsync();
        var digest = app.Services.GetRequiredService<DailyDigest>();

        Assert.Equal(1, await digest.RunOnceAsync(CancellationToken.None)); // Monday 09:00: the lead unit's clerk; the other unit has nothing due
        Assert.Equal(0, await digest.RunOnceAsync(CancellationToken.None));
        var items = (await s.LeadStaff.GetOkAsync("/api/v1/notifications")).GetProperty("items").EnumerateArray().ToList();
        var text = items.Single(n => n.GetProperty("kind").GetString() == "digest").GetProperty("text").GetString();
        Assert.Equal("每日待办（本单位）：待签收1件，请及时办理", text);
        Assert.DoesNotContain((await s.OtherStaff.GetOkAsync("/api/v1/notifications")).GetProperty("items").EnumerateArray(),
            n => n.GetProperty("kind").GetString() == "digest");

        app.Clock.Advance(TimeSpan.FromHours(18)); // Tuesday 03:00: not yet
        Assert.Equal(0, await digest.RunOnceAsync(CancellationToken.None));
        app.Clock.Advance(TimeSpan.FromHours(5)); // Tuesday 08:00
        Assert.Equal(1, await digest.RunOnceAsync(CancellationToken.None));
        app.Clock.Advance(TimeSpan.FromDays(4)); // Saturday: no digest
        Assert.Equal(0, await digest.RunOnceAsync(CancellationToken.None));
    }
}
