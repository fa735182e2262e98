using System.Net;
using System.Net.Http.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Features.Services;
using Zhengfeng.Tests.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Services;

/// <summary>窗口服务: service items with their promise and materials list, the public guide, window visits with overruns and repeats.</summary>
public sealed class WindowServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static object Item(string name, int promised = 5, int legal = 20, bool published = true, string? unitId = null) => new
    {
        unitId, name, promisedDays = promised, legalDays = legal, materials = "申请书\n身份证明\n不动产权证书", fees = "不收费", place = "政务服务中心二楼", hours = "工作日",
        legalBasis = "《不动产登记暂行条例》", published,
    };

    private async Task<string> ItemAsync(HttpClient staff, string name, int promised = 5, bool published = true)
        => (await staff.PostOkAsync("/api/v1/services/items", Item(name + app.Unique(""), promised, published: published), HttpStatusCode.Created)).Id();

    private static async Task<string> VisitAsync(HttpClient staff, string itemId, string phone, string? receivedAt = null, string name = "张三丰")
        => (await staff.PostOkAsync("/api/v1/services/visits", new { serviceItemId = itemId, applicant = new { name, phone }, receivedAt },
            HttpStatusCode.Created)).Id();

    [Fact]
    public async Task A_promise_longer_than_the_legal_limit_is_refused_in_Chinese_and_nothing_is_saved()
    {
        var s = await CaseScenario.CreateAsync(app);
        var name = "社会保障卡补办" + app.Unique("");
        var refused = await s.LeadStaff.PostAsJsonAsync("/api/v1/services/items", Item(name, promised: 30, legal: 20));
        Assert.Contains("不能超过法定时限", await refused.ProblemAsync(HttpStatusCode.BadRequest));
        var noMaterials = await s.LeadStaff.PostAsJsonAsync("/api/v1/services/items", new { name, promisedDays = 1, legalDays = 5, materials = "  \n " });
        Assert.Contains("材料清单", await noMaterials.ProblemAsync(HttpStatusCode.BadRequest));
        var list = await s.LeadStaff.GetOkAsync("/api/v1/services/items?q=" + Uri.EscapeDataString(name));
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());

        var id = (await s.LeadStaff.PostOkAsync("/api/v1/services/items", Item(name, promised: 0, legal: 10), HttpStatusCode.Created)).Id();
        var saved = await s.LeadStaff.GetOkAsync($"/api/v1/services/items/{id}");
        Assert.Equal(s.LeadUnit, saved.GetProperty("unitId").GetString());
        Assert.Equal("即办（当场办结）", saved.GetProperty("promisedLabel").GetString());
        Assert.Equal(3, saved.GetProperty("materials").GetArrayLength());
        var edit = await s.LeadStaff.PutAsJsonAsync($"/api/v1/services/items/{id}", Item(name, promised: 11, legal: 10));
        Assert.Contains("不能超过法定时限", await edit.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(0, (await s.LeadStaff.GetOkAsync($"/api/v1/services/items/{id}")).GetProperty("promisedDays").GetInt32());
    }

    [Fact]
    public async Task The_public_guide_shows_only_published_items_and_no_personal_data()
    {
        var s = await CaseScenario.CreateAsync(app);
        var shown = await ItemAsync(s.LeadStaff, "营业执照设立登记");
        var hidden = await ItemAsync(s.LeadStaff, "内部试办事项", published: false);
        await VisitAsync(s.LeadStaff, shown, "13912345678", name: "欧阳秘密");
        var anonymous = app.Anonymous();

        var guide = await anonymous.GetOkAsync($"/public/v1/services/{s.LeadUnit}");
        var text = guide.GetRawText();
        Assert.Single(guide.GetProperty("items").EnumerateArray());
        Assert.Equal(shown, guide.GetProperty("items")[0].Id());
        Assert.DoesNotContain(hidden, text);
        Assert.DoesNotContain("欧阳", text);
        Assert.DoesNotContain("13912345678", text);
        Assert.Contains("不动产权证书", text);

        var page = await anonymous.GetAsync($"/guide/{s.LeadUnit}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("营业执照设立登记", html);
        Assert.Contains("5个工作日", html);
        Assert.DoesNotContain("内部试办事项", html);
        Assert.DoesNotContain("欧阳", html);
        Assert.Contains((await anonymous.GetOkAsync("/public/v1/services")).EnumerateArray(), u => u.GetProperty("unitId").GetString() == s.LeadUnit);
        Assert.Contains(s.LeadUnit, await (await anonymous.GetAsync("/guide")).Content.ReadAsStringAsync());

        // A unit with nothing published has no public guide; the staff API stays closed to the public.
        await ItemAsync(s.OtherStaff, "未公开事项", published: false);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/v1/services/{s.OtherUnit}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/services/items")).StatusCode);
    }

    [Fact]
    public async Task An_overrun_is_counted_in_working_days_across_the_weekend()
    {
        var s = await CaseScenario.CreateAsync(app);
        var oneDay = await ItemAsync(s.LeadStaff, "个体工商户登记", promised: 1);
        var twoDays = await ItemAsync(s.LeadStaff, "社保关系转移", promised: 2);
        // Now is Monday 2 November. Thursday's one-day promise ran out on Friday; Friday's two-day promise runs to Tuesday,
        // although three calendar days have passed (Saturday and Sunday are not working days).
        var late = await VisitAsync(s.LeadStaff, oneDay, "13700000001", "2026-10-29T10:00:00+08:00");
        var inTime = await VisitAsync(s.LeadStaff, twoDays, "13700000002", "2026-10-30T16:00:00+08:00");
        var lateDone = await s.LeadStaff.PostOkAsync($"/api/v1/services/visits/{late}/complete", new { });
        var inTimeDone = await s.LeadStaff.PostOkAsync($"/api/v1/services/visits/{inTime}/complete", new { });

        Assert.True(lateDone.GetProperty("overdue").GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 10, 30, 23, 59, 59, TimeSpan.FromHours(8)), lateDone.GetProperty("dueAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
        Assert.False(inTimeDone.GetProperty("overdue").GetBoolean());
        Assert.Equal(new DateOnly(2026, 11, 3), DateOnly.FromDateTime(inTimeDone.GetProperty("dueAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).DateTime));

        var overdue = await s.LeadStaff.GetOkAsync("/api/v1/services/visits?overdue=true");
        Assert.Contains(overdue.GetProperty("items").EnumerateArray(), v => v.Id() == late);
        Assert.DoesNotContain(overdue.GetProperty("items").EnumerateArray(), v => v.Id() == inTime);

        var supervisor = await s.Admin.UserAsync(app, await s.Admin.RootUnitIdAsync(), Roles.Supervisor);
        var figures = (await supervisor.GetOkAsync("/api/v1/services/overview")).GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == s.LeadUnit);
        Assert.Equal(2, figures.GetProperty("visits").GetInt32());
        Assert.Equal(1, figures.GetProperty("doneOnTime").GetInt32());
        Assert.Equal(1, figures.GetProperty("overdue").GetInt32());
        var page = await (await supervisor.GetAsync("/services/overview")).Content.ReadAsStringAsync();
        Assert.Contains($"/services/visits?unitId={s.LeadUnit}&amp;overdue=true", page);
    }

    [Fact]
    public async Task A_second_trip_for_the_same_item_is_flagged_and_the_one_time_notice_is_recorded()
    {
        var s = await CaseScenario.CreateAsync(app);
        var item = await ItemAsync(s.LeadStaff, "不动产转移登记");
        var other = await ItemAsync(s.LeadStaff, "抵押登记");
        var first = await VisitAsync(s.LeadStaff, item, "13600000003", "2026-10-20T10:00:00+08:00");
        var told = await s.LeadStaff.PostOkAsync($"/api/v1/services/visits/{first}/tell", new { missing = new[] { "不动产权证书", "身份证明" } });
        Assert.Equal("told", told.GetProperty("status").GetString());
        Assert.Equal(2, told.GetProperty("missingMaterials").GetArrayLength());
        var again = await s.LeadStaff.PostAsJsonAsync($"/api/v1/services/visits/{first}/tell", new { missing = new[] { "申请书" } });
        Assert.Contains("当前状态为“已一次性告知”", await again.ProblemAsync(HttpStatusCode.Conflict)); // told once, in full

        var second = await s.LeadStaff.PostOkAsync("/api/v1/services/visits",
            new { serviceItemId = item, applicant = new { name = "张三丰", phone = "136-0000-0003" } }, HttpStatusCode.Created);
        Assert.True(second.GetProperty("repeat").GetBoolean());
        Assert.Equal(first, second.GetProperty("repeatOfId").GetString());
        var otherItem = await s.LeadStaff.PostOkAsync("/api/v1/services/visits",
            new { serviceItemId = other, applicant = new { name = "张三丰", phone = "13600000003" } }, HttpStatusCode.Created);
        Assert.False(otherItem.GetProperty("repeat").GetBoolean());

        var repeats = await s.LeadStaff.GetOkAsync("/api/v1/services/visits?repeat=true");
        Assert.Equal([second.Id()], repeats.GetProperty("items").EnumerateArray().Select(v => v.Id()).ToArray());
    }

    [Fact]
    public async Task A_transferred_visit_is_seen_and_completed_by_the_receiving_unit_only()
    {
        var s = await CaseScenario.CreateAsync(app);
        var third = await s.Admin.UserAsync(app, await s.Admin.CreateUnitAsync(app), Roles.Unit);
        var item = await ItemAsync(s.LeadStaff, "户籍迁移");
        var id = await VisitAsync(s.LeadStaff, item, "13500000004");
        var self = await s.LeadStaff.PostAsJsonAsync($"/api/v1/services/visits/{id}/transfer", new { unitId = s.LeadUnit });
        Assert.Contains("不能转办给本单位", await self.ProblemAsync(HttpStatusCode.BadRequest));

        Assert.Equal(HttpStatusCode.Forbidden, (await s.OtherStaff.GetAsync($"/api/v1/services/visits/{id}")).StatusCode);
        await s.LeadStaff.PostOkAsync($"/api/v1/services/visits/{id}/transfer", new { unitId = s.OtherUnit, note = "涉及社保关系" });

        var seen = await s.OtherStaff.GetOkAsync("/api/v1/services/visits");
        Assert.Contains(seen.GetProperty("items").EnumerateArray(), v => v.Id() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await third.GetAsync($"/api/v1/services/visits/{id}")).StatusCode);
        Assert.DoesNotContain((await third.GetOkAsync("/api/v1/services/visits")).GetProperty("items").EnumerateArray(), v => v.Id() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.LeadStaff.PostAsJsonAsync($"/api/v1/services/visits/{id}/complete", new { })).StatusCode);

        var done = await s.OtherStaff.PostOkAsync($"/api/v1/services/visits/{id}/complete", new { });
        Assert.Equal("done", done.GetProperty("status").GetString());
        var again = await s.OtherStaff.PostAsJsonAsync($"/api/v1/services/visits/{id}/complete", new { });
        Assert.Contains("当前状态为“已办结”", await again.ProblemAsync(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Units_see_and_change_only_their_own_items_and_visits()
    {
        var s = await CaseScenario.CreateAsync(app);
        var item = await ItemAsync(s.LeadStaff, "建设工程规划许可");
        var visit = await VisitAsync(s.LeadStaff, item, "13400000005");

        Assert.Equal(HttpStatusCode.Forbidden, (await s.OtherStaff.GetAsync($"/api/v1/services/items/{item}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.OtherStaff.PutAsJsonAsync($"/api/v1/services/items/{item}", Item("改名"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.OtherStaff.PostAsJsonAsync("/api/v1/services/items", Item("代建事项" + app.Unique(""), unitId: s.LeadUnit))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.OtherStaff.GetAsync($"/api/v1/services/visits/{visit}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.OtherStaff.PostAsJsonAsync($"/api/v1/services/visits/{visit}/complete", new { })).StatusCode);
        var foreign = await s.OtherStaff.PostAsJsonAsync("/api/v1/services/visits", new { serviceItemId = item, applicant = new { name = "李四", phone = "13400000006" } });
        Assert.Contains("本单位", await foreign.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.DoesNotContain((await s.OtherStaff.GetOkAsync("/api/v1/services/items")).GetProperty("items").EnumerateArray(), i => i.Id() == item);
        Assert.Equal(HttpStatusCode.NotFound, (await s.LeadStaff.GetAsync("/api/v1/services/visits/nosuch")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await s.Operator.GetAsync("/api/v1/services/items")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.LeadStaff.GetAsync("/api/v1/services/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.LeadStaff.GetAsync("/api/v1/services/overview.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.OtherStaff.GetAsync($"/services/visits/{visit}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.OtherStaff.GetAsync($"/services/items/{item}")).StatusCode);
        var supervisor = await s.Admin.UserAsync(app, await s.Admin.RootUnitIdAsync(), Roles.Supervisor);
        var byOversight = await supervisor.PostAsJsonAsync("/api/v1/services/visits", new { serviceItemId = item, applicant = new { name = "李四", phone = "13400000006" } });
        Assert.Equal(HttpStatusCode.Forbidden, byOversight.StatusCode);
        Assert.Equal(s.LeadUnit, (await supervisor.GetOkAsync($"/api/v1/services/items/{item}")).GetProperty("unitId").GetString());
    }

    [Fact]
    public async Task The_applicant_is_encrypted_at_rest_masked_in_lists_and_exports()
    {
        var s = await CaseScenario.CreateAsync(app);
        var item = await ItemAsync(s.LeadStaff, "不动产抵押登记");
        var id = await VisitAsync(s.LeadStaff, item, "13812345678", name: "诸葛明亮");
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Set<WindowVisit>().AsNoTracking().SingleAsync(v => v.Id == id);
            Assert.DoesNotContain("诸葛", stored.ApplicantNameEnc);
            Assert.DoesNotContain("12345678", stored.ApplicantPhoneEnc);
            Assert.DoesNotContain("12345678", stored.ApplicantPhoneHash);
        });
        var list = (await s.LeadStaff.GetOkAsync("/api/v1/services/visits")).GetProperty("items").EnumerateArray().Single(v => v.Id() == id);
        Assert.Equal("诸***", list.GetProperty("applicantName").GetString());
        Assert.Equal("138****5678", list.GetProperty("applicantPhone").GetString());
        var page = await (await s.LeadStaff.GetAsync("/services/visits")).Content.ReadAsStringAsync();
        Assert.Contains("138****5678", page);
        Assert.DoesNotContain("13812345678", page);
        // A search by the full number finds the visit through its keyed hash.
        Assert.Equal(1, (await s.LeadStaff.GetOkAsync("/api/v1/services/visits?q=13812345678")).GetProperty("total").GetInt32());

        var export = await s.LeadStaff.GetAsync("/api/v1/services/visits.xlsx");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var workbook = new XLWorkbook(await export.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        Assert.Equal("编号", sheet.Cell(1, 1).GetString());
        var cells = sheet.RangeUsed()!.CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains("138****5678", cells);
        Assert.DoesNotContain("13812345678", cells);
        Assert.Equal(HttpStatusCode.OK, (await s.LeadStaff.GetAsync("/api/v1/services/items.xlsx")).StatusCode);
    }
}
