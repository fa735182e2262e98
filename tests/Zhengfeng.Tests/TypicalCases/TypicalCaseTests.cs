using System.Net;
using System.Net.Http.Json;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.TypicalCases;

public sealed class TypicalCaseTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record People(CaseScenario S, HttpClient Supervisor, HttpClient Inspector, HttpClient Leader, string Root);

    private async Task<People> PeopleAsync()
    {
        var s = await CaseScenario.CreateAsync(app);
        var root = await s.Admin.RootUnitIdAsync();
        return new People(s, await s.Admin.UserAsync(app, root, "supervisor"), await s.Admin.UserAsync(app, root, "inspector"),
            await s.Admin.UserAsync(app, root, "leader"), root);
    }

    /// <summary>A case handled by the lead unit, rated 非常满意 by the reporter and so closed.</summary>
    private static async Task<string> SatisfiedCaseAsync(People p)
    {
        var (id, code) = await p.S.RepliedCaseAsync();
        await p.S.App.Anonymous().PostOkAsync($"/public/v1/cases/{code}/rating", new { level = 5, comment = "处理很快" });
        return id;
    }

    private static async Task<string> DecidedCadreCaseAsync(People p, string cadreName)
    {
        var cadre = (await p.S.Admin.PostOkAsync("/api/v1/cadres", new { name = cadreName, unitId = p.S.LeadUnit, post = "市政科科长", rank = "deputysection" }, HttpStatusCode.Created)).Id();
        var opened = await p.Inspector.PostOkAsync("/api/v1/accountability", new { cadreId = cadre, facts = $"{cadreName}对群众反映的井盖缺失问题推诿扯皮、拖延不办" }, HttpStatusCode.Created);
        await p.Inspector.PostOkAsync($"/api/v1/accountability/{opened.Id()}/investigation", new { });
        await p.Inspector.PostOkAsync($"/api/v1/accountability/{opened.Id()}/decision",
            new { decision = $"对{cadreName}予以诫勉并通报", forms = new[] { "admonition", "circular" }, category = 1 });
        return opened.Id();
    }

    [Fact]
    public async Task A_satisfied_closed_case_is_drafted_with_its_facts_reviewed_published_and_shown_publicly_without_the_reporter()
    {
        var p = await PeopleAsync();
        var caseId = await SatisfiedCaseAsync(p);

        var source = await p.Supervisor.GetOkAsync($"/api/v1/typical-cases/source?sourceType=case&sourceId={caseId}");
        Assert.Equal(["positive"], source.GetProperty("fairKinds").EnumerateArray().Select(k => k.GetString()));

        var draft = await p.Supervisor.PostOkAsync("/api/v1/typical-cases", new { kind = "positive", sourceType = "case", sourceId = caseId, lesson = "接诉即办，闻风而动。" }, HttpStatusCode.Created);
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal(p.S.LeadUnit, draft.GetProperty("unitId").GetString());
        var facts = draft.GetProperty("facts").GetString()!;
        Assert.Contains("人行道井盖缺失", facts);
        Assert.Contains("非常满意", facts);
        Assert.DoesNotContain("陈某某", facts);
        Assert.DoesNotContain("13800138000", facts);

        var submitted = await p.Supervisor.PostOkAsync($"/api/v1/typical-cases/{draft.Id()}/submission", new { });
        Assert.Equal("pending_review", submitted.GetProperty("status").GetString());
        var published = await p.Leader.PostOkAsync($"/api/v1/typical-cases/{draft.Id()}/publication", new { note = "同意发布" });
        Assert.Equal("published", published.GetProperty("status").GetString());
        Assert.Equal("同意发布", published.GetProperty("reviewNote").GetString());
        Assert.Equal(TimeSpan.FromHours(8), published.GetProperty("publishedAt").GetDateTimeOffset().Offset);

        var anonymous = app.Anonymous();
        var list = await anonymous.GetOkAsync("/public/v1/typical-cases");
        var item = Assert.Single(list.EnumerateArray(), t => t.Id() == draft.Id());
        Assert.Equal("城市管理局", item.GetProperty("unitName").GetString());
        Assert.False(item.TryGetProperty("sourceId", out _));
        var json = list.GetRawText();
        var trackingCode = (await p.S.Dispatcher.GetOkAsync($"/api/v1/cases/{caseId}")).GetProperty("trackingCode").GetString()!;
        foreach (var secret in new[] { "陈某某", "13800138000", trackingCode, caseId })
        {
            Assert.DoesNotContain(secret, json);
        }
        var page = await anonymous.GetAsync("/public/typical-cases");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("高效办结", html);
        Assert.DoesNotContain(trackingCode, html);
    }

    [Fact]
    public async Task A_negative_case_from_a_decided_accountability_case_masks_the_cadre_name_in_public()
    {
        var p = await PeopleAsync();
        var id = await DecidedCadreCaseAsync(p, "赵大海");
        var draft = await p.Inspector.PostOkAsync("/api/v1/typical-cases", new { kind = "negative", sourceType = "accountability", sourceId = id }, HttpStatusCode.Created);
        Assert.Contains("赵大海", draft.GetProperty("facts").GetString());
        Assert.Contains("诫勉", draft.GetProperty("facts").GetString());
        await p.Inspector.PostOkAsync($"/api/v1/typical-cases/{draft.Id()}/submission", new { });
        var published = await p.Leader.PostOkAsync($"/api/v1/typical-cases/{draft.Id()}/publication", new { });
        Assert.Contains("赵大海", published.GetProperty("facts").GetString()); // staff keep the full record
        Assert.DoesNotContain("赵大海", published.GetProperty("publicFacts").GetString());
        Assert.Contains("赵某某", published.GetProperty("publicFacts").GetString());

        var item = Assert.Single((await app.Anonymous().GetOkAsync("/public/v1/typical-cases?kind=negative")).EnumerateArray(), t => t.Id() == draft.Id());
        Assert.DoesNotContain("赵大海", item.GetRawText());
        Assert.Equal("negative", item.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_published_case_withdrawn_records_who_and_why_and_leaves_the_public_list()
    {
        var p = await PeopleAsync();
        var draft = await p.Supervisor.PostOkAsync("/api/v1/typical-cases", new { kind = "positive", sourceType = "case", sourceId = await SatisfiedCaseAsync(p) }, HttpStatusCode.Created);
        await p.Supervisor.PostOkAsync($"/api/v1/typical-cases/{draft.Id()}/submission", new { });
        await p.Leader.PostOkAsync($"/api/v1/typical-cases/{draft.Id()}/publication", new { });

        var withdrawn = await p.Leader.PostOkAsync($"/api/v1/typical-cases/{draft.Id()}/withdrawal", new { reason = "当事单位后续出现同类投诉" });
        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        Assert.Equal("当事单位后续出现同类投诉", withdrawn.GetProperty("withdrawReason").GetString());
        Assert.False(string.IsNullOrEmpty(withdrawn.GetProperty("withdrawnBy").GetString()));
        Assert.DoesNotContain((await app.Anonymous().GetOkAsync("/public/v1/typical-cases")).EnumerateArray(), t => t.Id() == draft.Id());
        await (await p.Leader.PostAsJsonAsync($"/api/v1/typical-cases/{draft.Id()}/withdrawal", new { reason = "再撤一次" })).ProblemAsync(HttpStatusCode.Conflict);

        // once withdrawn, the record may be chosen again
        await p.Supervisor.PostOkAsync("/api/v1/typical-cases", new { kind = "positive", sourceType = "case", sourceId = draft.GetProperty("sourceId").GetString() }, HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_returned_draft_is_edited_by_its_drafter_and_submitted_again()
    {
        var p = await PeopleAsync();
        var draft = await p.Supervisor.PostOkAsync("/api/v1/typical-cases", new { kind = "positive", sourceType = "case", sourceId = await SatisfiedCaseAsync(p) }, HttpStatusCode.Created);
        await p.Supervisor.PostOkAsync($"/api/v1/typical-cases/{draft.Id()}/submission", new { });
        var returned = await p.Leader.PostOkAsync($"/api/v1/typical-cases/{draft.Id()}/return", new { note = "请补充经验做法" });
        Assert.Equal("draft", returned.GetProperty("status").GetString());

        var other = await p.S.Admin.UserAsync(app, p.Root, "supervisor");
        var edit = new { title = "城市管理局两天修复井盖获群众好评", facts = draft.GetProperty("facts").GetString(), lesson = "建立井盖巡查台账，发现即修。" };
        await (await other.PutAsJsonAsync($"/api/v1/typical-cases/{draft.Id()}", edit)).ProblemAsync(HttpStatusCode.Forbidden);
        var edited = await (await p.Supervisor.PutAsJsonAsync($"/api/v1/typical-cases/{draft.Id()}", edit)).ReadJsonAsync();
        Assert.Equal("城市管理局两天修复井盖获群众好评", edited.GetProperty("title").GetString());
        Assert.Equal("pending_review", (await p.Supervisor.PostOkAsync($"/api/v1/typical-cases/{draft.Id()}/submission", new { })).GetProperty("status").GetString());
        await (await p.Supervisor.PutAsJsonAsync($"/api/v1/typical-cases/{draft.Id()}", edit)).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Unit_staff_may_put_forward_their_own_units_positive_example_only()
    {
        var p = await PeopleAsync();
        var caseId = await SatisfiedCaseAsync(p);
        var detail = await (await p.S.OtherStaff.PostAsJsonAsync("/api/v1/typical-cases", new { kind = "positive", sourceType = "case", sourceId = caseId })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("不属于本单位", detail);
        detail = await (await p.S.LeadStaff.PostAsJsonAsync("/api/v1/typical-cases", new { kind = "negative", sourceType = "case", sourceId = caseId })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("正面典型", detail);
        var accountability = await DecidedCadreCaseAsync(p, "钱多多");
        await (await p.S.LeadStaff.PostAsJsonAsync("/api/v1/typical-cases",
            new { kind = "negative", sourceType = "accountability", sourceId = accountability })).ProblemAsync(HttpStatusCode.Forbidden);

        var own = await p.S.LeadStaff.PostOkAsync("/api/v1/typical-cases", new { kind = "positive", sourceType = "case", sourceId = caseId }, HttpStatusCode.Created);
        await (await p.S.OtherStaff.GetAsync($"/api/v1/typical-cases/{own.Id()}")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.S.LeadStaff.PostAsJsonAsync($"/api/v1/typical-cases/{own.Id()}/publication", new { })).StatusCode);
    }

    [Fact]
    public async Task A_record_that_is_not_a_fair_example_is_refused_with_a_reason()
    {
        var p = await PeopleAsync();
        var (replied, _) = await p.S.RepliedCaseAsync();
        var detail = await (await p.Supervisor.PostAsJsonAsync("/api/v1/typical-cases", new { kind = "positive", sourceType = "case", sourceId = replied })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("办结后", detail);

        var closed = await SatisfiedCaseAsync(p);
        detail = await (await p.Supervisor.PostAsJsonAsync("/api/v1/typical-cases",
            new { kind = "negative", sourceType = "case", sourceId = closed })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("反面典型", detail);

        var cadre = (await p.S.Admin.PostOkAsync("/api/v1/cadres", new { name = "孙立", unitId = p.S.LeadUnit, post = "科员", rank = "deputysection" }, HttpStatusCode.Created)).Id();
        var opened = await p.Inspector.PostOkAsync("/api/v1/accountability", new { cadreId = cadre, facts = "工作拖沓" }, HttpStatusCode.Created);
        detail = await (await p.Inspector.PostAsJsonAsync("/api/v1/typical-cases",
            new { kind = "negative", sourceType = "accountability", sourceId = opened.Id() })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("作出问责决定后", detail);

        var decided = await DecidedCadreCaseAsync(p, "周全");
        detail = await (await p.Inspector.PostAsJsonAsync("/api/v1/typical-cases",
            new { kind = "positive", sourceType = "accountability", sourceId = decided })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("只能作为反面典型", detail);
    }

    [Fact]
    public async Task Notices_rectifications_and_exemptions_are_fair_examples_only_in_the_right_state()
    {
        var p = await PeopleAsync();
        var yellow = await p.Supervisor.PostOkAsync("/api/v1/supervision-notices", new { unitId = p.S.LeadUnit, level = "yellow", reason = "工单临近超期未办理" }, HttpStatusCode.Created);
        var detail = await (await p.Supervisor.PostAsJsonAsync("/api/v1/typical-cases",
            new { kind = "negative", sourceType = "notice", sourceId = yellow.Id() })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("红牌督办", detail);
        var red = await p.Supervisor.PostOkAsync("/api/v1/supervision-notices", new { unitId = p.S.LeadUnit, level = "red", reason = "工单超期三个工作日仍未办结" }, HttpStatusCode.Created);
        var exposed = await p.Supervisor.PostOkAsync("/api/v1/typical-cases", new { kind = "negative", sourceType = "notice", sourceId = red.Id() }, HttpStatusCode.Created);
        Assert.Contains("红牌督办", exposed.GetProperty("facts").GetString());

        var clue = await p.Supervisor.PostOkAsync("/api/v1/clues", new { source = "mystery", unitId = p.S.LeadUnit, problemType = "shirking", content = "窗口人员推诿群众办事" }, HttpStatusCode.Created);
        await p.Inspector.PostOkAsync($"/api/v1/clues/{clue.Id()}/verification", new { result = "true", note = "核实属实" });
        var item = await p.Supervisor.PostOkAsync("/api/v1/rectifications",
            new { clueId = clue.Id(), unitId = p.S.LeadUnit, measures = "实行首问负责制", type = "deadline", dueDate = "2026-12-01" }, HttpStatusCode.Created);
        detail = await (await p.Supervisor.PostAsJsonAsync("/api/v1/typical-cases",
            new { kind = "negative", sourceType = "rectification", sourceId = item.Id() })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("反弹", detail);
        detail = await (await p.Supervisor.PostAsJsonAsync("/api/v1/typical-cases",
            new { kind = "positive", sourceType = "rectification", sourceId = item.Id() })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("回头看", detail);

        var cadre = (await p.S.Admin.PostOkAsync("/api/v1/cadres", new { name = "冯改革", unitId = p.S.LeadUnit, post = "审批科科长", rank = "section" }, HttpStatusCode.Created)).Id();
        object Application(bool noPersonalGain) => new
        {
            cadreId = cadre, facts = "冯改革为推进审批改革先行先试出现失误", publicPurpose = true, noPersonalGain, noBreachOfLaw = true,
            noMajorLoss = true, timelyRemedy = true, procedureFollowed = true,
        };
        var refused = await p.Inspector.PostOkAsync("/api/v1/exemptions", Application(false), HttpStatusCode.Created);
        await p.Inspector.PostOkAsync($"/api/v1/exemptions/{refused.Id()}/decision", new { approve = false, reason = "存在谋取私利情形" });
        detail = await (await p.Inspector.PostAsJsonAsync("/api/v1/typical-cases", new { kind = "positive", sourceType = "exemption", sourceId = refused.Id() })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("予以容错免责后", detail);
        var approved = await p.Inspector.PostOkAsync("/api/v1/exemptions", Application(true), HttpStatusCode.Created);
        await p.Inspector.PostOkAsync($"/api/v1/exemptions/{approved.Id()}/decision", new { approve = true, reason = "符合容错免责全部条件" });
        var tolerated = await p.Inspector.PostOkAsync("/api/v1/typical-cases", new { kind = "positive", sourceType = "exemption", sourceId = approved.Id() }, HttpStatusCode.Created);
        await p.Inspector.PostOkAsync($"/api/v1/typical-cases/{tolerated.Id()}/submission", new { });
        var published = await p.Leader.PostOkAsync($"/api/v1/typical-cases/{tolerated.Id()}/publication", new { });
        Assert.Contains("冯某某", published.GetProperty("publicFacts").GetString()); // a tolerated error is not a name to publish either
        Assert.DoesNotContain("冯改革", published.GetProperty("publicFacts").GetString());
    }

    [Fact]
    public async Task Evaluation_results_are_offered_by_the_picker_as_satisfied_positive_and_unsatisfied_negative_units()
    {
        var p = await PeopleAsync();
        var campaign = await p.S.Admin.PostOkAsync("/api/v1/evaluations", new
        {
            name = "2026年度政风行风评议", year = 2026, unitIds = new[] { p.S.LeadUnit, p.S.OtherUnit },
            groups = new[] { new { group = "public", weight = 100 } },
        }, HttpStatusCode.Created);
        await p.S.Admin.PostOkAsync($"/api/v1/evaluations/{campaign.Id()}/open", new { });
        var codes = (await p.S.Admin.PostOkAsync($"/api/v1/evaluations/{campaign.Id()}/ballots", new { group = "public", count = 1 })).GetProperty("codes");
        await app.Anonymous().PostOkAsync($"/public/v1/ballots/{codes[0].GetString()}", new
        {
            ratings = new[] { new { unitId = p.S.LeadUnit, level = "satisfied" }, new { unitId = p.S.OtherUnit, level = "unsatisfied" } },
        }, HttpStatusCode.NoContent);
        await p.S.Admin.PostOkAsync($"/api/v1/evaluations/{campaign.Id()}/close", new { });

        var candidates = (await p.Supervisor.GetOkAsync("/api/v1/typical-cases/candidates?sourceType=evaluation")).EnumerateArray().ToList();
        var satisfied = candidates.Single(c => c.GetProperty("unitId").GetString() == p.S.LeadUnit);
        var unsatisfied = candidates.Single(c => c.GetProperty("unitId").GetString() == p.S.OtherUnit);
        Assert.Equal(["positive"], satisfied.GetProperty("fairKinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(["negative"], unsatisfied.GetProperty("fairKinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Contains("2026年度政风行风评议", satisfied.GetProperty("facts").GetString());

        var detail = await (await p.Supervisor.PostAsJsonAsync("/api/v1/typical-cases",
            new { kind = "negative", sourceType = "evaluation", sourceId = satisfied.GetProperty("sourceId").GetString() }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("不满意单位", detail);
        await p.Supervisor.PostOkAsync("/api/v1/typical-cases",
            new { kind = "negative", sourceType = "evaluation", sourceId = unsatisfied.GetProperty("sourceId").GetString() }, HttpStatusCode.Created);
        var own = await p.S.LeadStaff.PostOkAsync("/api/v1/typical-cases",
            new { kind = "positive", sourceType = "evaluation", sourceId = satisfied.GetProperty("sourceId").GetString() }, HttpStatusCode.Created);
        Assert.Equal("positive", own.GetProperty("kind").GetString());

        Assert.DoesNotContain((await p.Supervisor.GetOkAsync("/api/v1/typical-cases/candidates?sourceType=evaluation")).EnumerateArray(),
            c => c.GetProperty("unitId").GetString() == p.S.LeadUnit || c.GetProperty("unitId").GetString() == p.S.OtherUnit);
        await (await p.S.LeadStaff.GetAsync("/api/v1/typical-cases/candidates?sourceType=accountability")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_missing_source_a_bad_type_and_a_duplicate_are_refused()
    {
        var p = await PeopleAsync();
        var detail = await (await p.Supervisor.PostAsJsonAsync("/api/v1/typical-cases",
            new { kind = "positive", sourceType = "case", sourceId = "nosuchcase" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("不存在", detail);
        await (await p.Supervisor.PostAsJsonAsync("/api/v1/typical-cases", new { kind = "positive", sourceType = "weibo", sourceId = "x" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await p.Supervisor.PostAsJsonAsync("/api/v1/typical-cases", new { kind = "praise", sourceType = "case", sourceId = "x" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await p.Supervisor.PostAsJsonAsync("/api/v1/typical-cases", new { kind = "positive", sourceType = "case" })).ProblemAsync(HttpStatusCode.BadRequest);

        var caseId = await SatisfiedCaseAsync(p);
        await p.Supervisor.PostOkAsync("/api/v1/typical-cases", new { kind = "positive", sourceType = "case", sourceId = caseId }, HttpStatusCode.Created);
        detail = await (await p.Inspector.PostAsJsonAsync("/api/v1/typical-cases", new { kind = "positive", sourceType = "case", sourceId = caseId })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已被选为典型案例", detail);
    }

    [Fact]
    public async Task The_drafter_cannot_publish_their_own_draft_and_a_draft_cannot_skip_review()
    {
        var p = await PeopleAsync();
        var draft = await p.S.Admin.PostOkAsync("/api/v1/typical-cases", new { kind = "positive", sourceType = "case", sourceId = await SatisfiedCaseAsync(p) }, HttpStatusCode.Created);
        var detail = await (await p.Leader.PostAsJsonAsync($"/api/v1/typical-cases/{draft.Id()}/publication", new { })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("草稿", detail);
        await p.S.Admin.PostOkAsync($"/api/v1/typical-cases/{draft.Id()}/submission", new { });
        detail = await (await p.S.Admin.PostAsJsonAsync($"/api/v1/typical-cases/{draft.Id()}/publication", new { })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("起草人不能审核", detail);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.Supervisor.PostAsJsonAsync($"/api/v1/typical-cases/{draft.Id()}/publication", new { })).StatusCode);
        await (await p.Leader.PostAsJsonAsync($"/api/v1/typical-cases/{draft.Id()}/withdrawal", new { reason = "未发布" })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_text_naming_the_reporter_is_refused_at_submission()
    {
        var p = await PeopleAsync();
        var caseId = await SatisfiedCaseAsync(p);
        var draft = await p.Supervisor.PostOkAsync("/api/v1/typical-cases", new
        {
            kind = "positive", sourceType = "case", sourceId = caseId, title = "群众陈某某点赞城市管理局",
            facts = "市民陈某某（电话138 0013 8000）反映井盖缺失，城市管理局当天修复。",
        }, HttpStatusCode.Created);
        var detail = await (await p.Supervisor.PostAsJsonAsync($"/api/v1/typical-cases/{draft.Id()}/submission", new { })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("身份", detail);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_and_operators_403_on_the_staff_api()
    {
        var p = await PeopleAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/typical-cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.S.Operator.PostAsJsonAsync("/api/v1/typical-cases", new { kind = "positive", sourceType = "case", sourceId = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await p.S.Operator.GetAsync("/api/v1/typical-cases?status=published")).StatusCode);
        await (await p.Leader.GetAsync("/api/v1/typical-cases?status=archived")).ProblemAsync(HttpStatusCode.BadRequest);
    }
}
