using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Rectification;

public sealed class TaxonomyAndRelapseTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_admin_edits_the_problem_taxonomy_and_others_may_only_read_it()
    {
        var admin = await app.AdminAsync();
        var code = "t" + Guid.NewGuid().ToString("N")[..8];
        await admin.PostOkAsync("/api/v1/problem-types", new { code, name = "新官不理旧账" + code, group = "不作为" }, HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync("/api/v1/problem-types", new { code = "x" + code, name = "归类错误", group = "别的" })).ProblemAsync(HttpStatusCode.BadRequest);
        var renamed = await admin.PutAsJsonAsync($"/api/v1/problem-types/{code}", new { code, name = "新官不理旧账（改）" + code, group = "慢作为" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var unit = await admin.UserAsync(app, await admin.CreateUnitAsync(app), "unit");
        var types = await unit.GetOkAsync("/api/v1/problem-types");
        Assert.Contains(types.EnumerateArray(), t => t.GetProperty("code").GetString() == code && t.GetProperty("group").GetString() == "慢作为");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync("/api/v1/problem-types", new { code = "y" + code, name = "无权添加", group = "不作为" })).StatusCode);
    }

    [Fact]
    public async Task Mystery_inspection_photos_are_kept_with_the_clue_and_hidden_from_the_unit()
    {
        var s = await CaseScenario.CreateAsync(app);
        var supervisor = await s.Admin.UserAsync(app, await s.Admin.RootUnitIdAsync(), "supervisor");
        var clue = await supervisor.PostOkAsync("/api/v1/clues",
            new { source = "mystery", unitId = s.LeadUnit, problemType = "laxity", content = "暗访发现上班时间窗口无人", place = "政务大厅3号窗口" }, HttpStatusCode.Created);
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46];
        var photo = new ByteArrayContent(jpeg);
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        var upload = await supervisor.PostAsync($"/api/v1/clues/{clue.Id()}/attachments", new MultipartFormDataContent { { photo, "file", "窗口无人.jpg" } });
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var url = (await upload.ReadJsonAsync()).GetProperty("url").GetString()!;
        Assert.Equal(jpeg, await supervisor.GetByteArrayAsync(url));
        Assert.Equal(HttpStatusCode.Forbidden, (await s.LeadStaff.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_new_case_of_the_same_category_and_place_reopens_the_signed_off_item()
    {
        var s = await CaseScenario.CreateAsync(app);
        var supervisor = await s.Admin.UserAsync(app, await s.Admin.RootUnitIdAsync(), "supervisor");
        var inspector = await s.Admin.UserAsync(app, await s.Admin.RootUnitIdAsync(), "inspector");
        var (first, _) = await s.DispatchedCaseAsync();
        var clue = await supervisor.PostOkAsync("/api/v1/clues", new { source = "case", unitId = s.LeadUnit, problemType = "delay", content = "井盖缺失诉求反复出现", caseId = first }, HttpStatusCode.Created);
        await inspector.PostOkAsync($"/api/v1/clues/{clue.Id()}/verification", new { result = "true" });
        var item = await supervisor.PostOkAsync("/api/v1/rectifications",
            new { clueId = clue.Id(), unitId = s.LeadUnit, measures = "建立井盖巡查台账", type = "deadline", dueDate = "2026-12-31" }, HttpStatusCode.Created);
        await s.LeadStaff.PostOkAsync($"/api/v1/rectifications/{item.Id()}/progress", new { content = "巡查台账已建立", rootCause = "缺少日常巡查" });
        await supervisor.PostOkAsync($"/api/v1/rectifications/{item.Id()}/verification", new { pass = true });
        await supervisor.PostOkAsync($"/api/v1/rectifications/{item.Id()}/close", new { });

        var (relapseId, _) = await s.DispatchedCaseAsync(); // same category and address, same unit
        var reopened = await supervisor.GetOkAsync($"/api/v1/rectifications/{item.Id()}");
        Assert.Equal("open", reopened.GetProperty("status").GetString());
        Assert.Contains(await s.NumberAsync(relapseId), reopened.GetProperty("relapseNote").GetString());
    }
}

/// <summary>Moves the clock by months: its own app.</summary>
public sealed class FollowUpTests
{
    [Fact]
    public async Task A_signed_off_item_comes_up_for_its_follow_up_check_after_90_days()
    {
        await using var app = await AppFactory.StartAsync();
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var unit = await admin.CreateUnitAsync(app, "township", root);
        var office = await admin.CreateUnitAsync(app, "department", root);
        var supervisor = await admin.UserAsync(app, office, "supervisor", "inspector");
        var staff = await admin.UserAsync(app, unit, "unit");
        var clue = await supervisor.PostOkAsync("/api/v1/clues", new { source = "mystery", unitId = unit, problemType = "laxity", content = "值班脱岗" }, HttpStatusCode.Created);
        await supervisor.PostOkAsync($"/api/v1/clues/{clue.Id()}/verification", new { result = "true" });
        var item = await supervisor.PostOkAsync("/api/v1/rectifications",
            new { clueId = clue.Id(), unitId = unit, measures = "建立值班抽查制度", type = "deadline", dueDate = "2026-12-31" }, HttpStatusCode.Created);
        await staff.PostOkAsync($"/api/v1/rectifications/{item.Id()}/progress", new { content = "抽查制度已执行", rootCause = "值班制度无人检查" });
        await supervisor.PostOkAsync($"/api/v1/rectifications/{item.Id()}/verification", new { pass = true });
        await supervisor.PostOkAsync($"/api/v1/rectifications/{item.Id()}/close", new { });
        Assert.DoesNotContain((await supervisor.GetOkAsync("/api/v1/watch/follow-ups-due")).EnumerateArray(), r => r.GetProperty("rectificationId").GetString() == item.Id());

        app.Clock.Advance(TimeSpan.FromDays(91));
        supervisor = await app.LoginAsync(await UsernameAsync(app, office), AppFactory.Password);
        var due = await supervisor.GetOkAsync("/api/v1/watch/follow-ups-due");
        Assert.Contains(due.EnumerateArray(), r => r.GetProperty("rectificationId").GetString() == item.Id() && r.GetProperty("reason").GetString()!.Contains("回头看"));
        await supervisor.PostOkAsync($"/api/v1/rectifications/{item.Id()}/follow-up", new { pass = true, note = "抽查记录齐全" });
        Assert.DoesNotContain((await supervisor.GetOkAsync("/api/v1/watch/follow-ups-due")).EnumerateArray(), r => r.GetProperty("rectificationId").GetString() == item.Id());
    }

    private static async Task<string> UsernameAsync(AppFactory app, string unitId)
    {
        var admin = await app.AdminAsync();
        var users = await admin.GetOkAsync("/api/v1/users?pageSize=200");
        return users.GetProperty("items").EnumerateArray().First(u => u.GetProperty("unitId").GetString() == unitId).GetProperty("username").GetString()!;
    }
}
