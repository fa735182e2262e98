using System.Net;
using System.Text.RegularExpressions;
using Zhengfeng.Features.Campaigns;

namespace Zhengfeng.Tests.Assignments;

/// <summary>The assignment pages and the hand-issued notice page, in Chinese, with the forms each role may use.</summary>
public sealed partial class AssignmentPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_list_and_the_new_task_form_render_for_a_supervisor_and_the_list_for_the_lead_unit()
    {
        var s = await TaskScenario.CreateAsync(app);
        var task = await s.AssignAsync(b => b["title"] = "城区停车难专项治理");
        var list = await HtmlAsync(s.Supervisor, "/assignments");
        Assert.Contains("交办督办", list);
        Assert.Contains("城区停车难专项治理", list);
        Assert.Contains(task.GetProperty("number").GetString()!, list);
        Assert.Contains("导出 Excel", list);
        Assert.Contains("href=\"/assignments/new\"", list);
        var unitList = await HtmlAsync(s.LeadStaff, "/assignments");
        Assert.Contains("城区停车难专项治理", unitList);
        Assert.DoesNotContain("href=\"/assignments/new\"", unitList);
        Assert.DoesNotContain("城区停车难专项治理", await HtmlAsync(s.OtherStaff, "/assignments"));

        var form = await HtmlAsync(s.Supervisor, "/assignments/new");
        Assert.Contains("施工图、时间表", form);
        Assert.Contains("配合单位及配合事项", form);
        Assert.Contains("会议议定", form);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.LeadStaff.GetAsync("/assignments/new")).StatusCode);

        var campaign = await s.CampaignAsync("2026-11-01", "2027-02-28", ReportCycle.Monthly);
        var fromCampaign = await HtmlAsync(s.Supervisor, $"/assignments/new?campaignId={campaign}");
        Assert.Contains("专项整治“群众身边不正之风专项整治”的任务", fromCampaign);
        Assert.Contains("动员部署", fromCampaign);
        var leadSelect = LeadSelect().Match(fromCampaign).Value;
        Assert.Contains("住房和城乡建设局", leadSelect);
        Assert.DoesNotContain("水务局", leadSelect); // not a participant
    }

    [Fact]
    public async Task The_task_page_shows_each_role_only_the_forms_it_may_use()
    {
        var s = await TaskScenario.CreateAsync(app);
        var id = (await s.AssignAsync()).Id();
        var number = (await s.Supervisor.GetOkAsync($"/api/v1/tasks/{id}")).GetProperty("number").GetString()!;

        var supervisor = await HtmlAsync(s.Supervisor, $"/assignments/{id}");
        Assert.Contains(number, supervisor);
        Assert.Contains("完成摸底调查", supervisor);
        Assert.Contains("提供地块规划条件", supervisor);
        Assert.Contains("张建国", supervisor);
        Assert.Contains("尚余28天", supervisor);
        Assert.Contains($"/notices/new?assignmentId={id}", supervisor);
        Assert.Contains("href=\"/assists/", supervisor);
        Assert.DoesNotContain("handler=Progress", supervisor);
        Assert.DoesNotContain("name=\"acceptance.Accepted\"", supervisor);

        var lead = await HtmlAsync(s.LeadStaff, $"/assignments/{id}");
        Assert.Contains("handler=Progress", lead);
        Assert.Contains("本期进展：", lead);
        Assert.Contains("报告节点完成", lead);
        Assert.Contains("报告完成", lead);
        Assert.DoesNotContain("下发督办单", lead);
        var assist = await HtmlAsync(s.AssistStaff, $"/assignments/{id}");
        Assert.Contains("报告进展（自然资源局）", assist);
        Assert.DoesNotContain("报告节点完成", assist);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.OtherStaff.GetAsync($"/assignments/{id}")).StatusCode);

        await s.LeadStaff.PostOkAsync($"/api/v1/tasks/{id}/completion", new { content = "全部完成" });
        Assert.Contains("name=\"acceptance.Accepted\"", await HtmlAsync(s.Supervisor, $"/assignments/{id}"));
        Assert.DoesNotContain("name=\"acceptance.Accepted\"", await HtmlAsync(s.LeadSupervisor, $"/assignments/{id}"));
    }

    [Fact]
    public async Task Forms_assign_report_and_accept_through_the_pages()
    {
        var s = await TaskScenario.CreateAsync(app);
        var supervisor = await CookieUserAsync(s, s.Office, "supervisor");
        var refused = await PostFormAsync(supervisor, "/assignments/new",
            ("Input.Title", "城区内涝点整治"), ("Input.LeadUnitId", s.LeadUnit), ("Input.Source", "Leader"), ("Input.DueOn", "2026-12-20"), ("Input.ReportCycle", "None"),
            ("Input.Assists[0].UnitId", s.LeadUnit), ("Input.Assists[0].Part", "自己配合"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("配合单位不能同时是牵头单位", html);
        Assert.Contains("value=\"城区内涝点整治\"", html);

        var created = await PostFormAsync(supervisor, "/assignments/new",
            ("Input.Title", "城区内涝点整治"), ("Input.LeadUnitId", s.LeadUnit), ("Input.Source", "Leader"), ("Input.SourceNote", "县长批示"),
            ("Input.DueOn", "2026-12-20"), ("Input.ReportCycle", "Monthly"), ("Input.Milestones[0].Title", "排查内涝点"), ("Input.Milestones[0].DueOn", "2026-11-20"),
            ("Input.Assists[0].UnitId", s.AssistUnit), ("Input.Assists[0].Part", "提供排水管网资料"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = created.Headers.Location!.OriginalString.Split('/')[^1];
        var task = await s.Supervisor.GetOkAsync($"/api/v1/tasks/{id}");
        Assert.Equal("leader", task.GetProperty("source").GetString());
        Assert.Equal("monthly", task.GetProperty("reportCycle").GetString());
        Assert.Equal("提供排水管网资料", task.GetProperty("assists")[0].GetProperty("part").GetString());

        var lead = await CookieUserAsync(s, s.LeadUnit, "unit");
        Assert.Contains("<span>交办事项</span><b>1</b><span class=\"muted\">项牵头推进中</span>", await HtmlAsync(lead, "/"));
        var reported = await PostFormAsync(lead, $"/assignments/{id}?handler=Progress", ("progress.Content", "已排查12处内涝点"), ("progress.Period", "2026-11"));
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        var outside = await PostFormAsync(lead, $"/assignments/{id}?handler=Progress", ("progress.Content", "12月进展"), ("progress.Period", "2026-12"));
        Assert.Contains("不在该交办事项的汇报周期内", WebUtility.HtmlDecode(await outside.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(lead, $"/assignments/{id}?handler=Complete", ("completion.Content", "内涝点全部整治"))).StatusCode);

        Assert.Contains("<span>交办事项</span><b>0</b>", await HtmlAsync(lead, "/"));
        Assert.Contains("href=\"/assignments?status=reported\"><span>交办待验收</span>", await HtmlAsync(supervisor, "/"));
        var back = await PostFormAsync(supervisor, $"/assignments/{id}?handler=Accept", ("acceptance.Accepted", "false"), ("acceptance.Note", "缺少整治前后对比照片"));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var after = await s.Supervisor.GetOkAsync($"/api/v1/tasks/{id}");
        Assert.Equal("in_progress", after.GetProperty("status").GetString());
        Assert.Equal("2026-11", after.GetProperty("progress")[0].GetProperty("period").GetString());
    }

    [Fact]
    public async Task A_notice_is_issued_by_hand_from_the_task_with_the_next_level_suggested()
    {
        var s = await TaskScenario.CreateAsync(app);
        var id = (await s.AssignAsync()).Id();
        var notices = await HtmlAsync(s.Supervisor, "/notices");
        Assert.Contains("href=\"/notices/new\"", notices);
        Assert.DoesNotContain("href=\"/notices/new\"", await HtmlAsync(s.LeadStaff, "/notices"));
        Assert.Equal(HttpStatusCode.Forbidden, (await s.LeadStaff.GetAsync($"/notices/new?assignmentId={id}")).StatusCode);

        var first = await HtmlAsync(s.Supervisor, $"/notices/new?assignmentId={id}");
        Assert.Contains("下发督办单", first);
        Assert.Contains("老旧小区改造提速", first);
        Assert.Contains("建议先提醒", first);
        Assert.Contains("value=\"Reminder\" selected", first);
        Assert.Contains($"<option value=\"{s.LeadUnit}\" selected", first);

        var supervisor = await CookieUserAsync(s, s.Office, "supervisor");
        var issued = await PostFormAsync(supervisor, $"/notices/new?assignmentId={id}",
            ("UnitId", s.LeadUnit), ("AssignmentId", id), ("Level", "Reminder"), ("Reason", "摸底调查进度滞后，请加快"));
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        Assert.StartsWith("/notices/", issued.Headers.Location!.OriginalString);
        var onTask = Assert.Single((await s.Supervisor.GetOkAsync($"/api/v1/tasks/{id}")).GetProperty("notices").EnumerateArray());
        Assert.Equal("reminder", onTask.GetProperty("level").GetString());

        var next = await HtmlAsync(s.Supervisor, $"/notices/new?assignmentId={id}");
        Assert.Contains("建议升级为黄牌督办", next);
        Assert.Contains("value=\"Yellow\" selected", next);
        var wrongUnit = await PostFormAsync(supervisor, $"/notices/new?assignmentId={id}",
            ("UnitId", s.OtherUnit), ("AssignmentId", id), ("Level", "Yellow"), ("Reason", "越界督办"));
        Assert.Contains("牵头单位或配合单位", WebUtility.HtmlDecode(await wrongUnit.Content.ReadAsStringAsync()));
    }

    private static async Task<string> HtmlAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(text);
    }

    /// <summary>A new account signed in through the login form, as a browser does, keeping the cookie.</summary>
    private async Task<HttpClient> CookieUserAsync(TaskScenario s, string unitId, string role)
    {
        var username = app.Unique("page");
        await s.Admin.PostOkAsync("/api/v1/users", new { username, password = AppFactory.Password, displayName = "页面用户", unitId, roles = new[] { role } }, HttpStatusCode.Created);
        var client = app.Anonymous();
        var response = await PostFormAsync(client, "/login", ("Username", username), ("Password", AppFactory.Password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts a form the way its page does: with the antiforgery token the page handed out.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, params (string Name, string Value)[] fields)
    {
        var page = await client.GetAsync(url.Split("?handler=")[0]);
        var token = Token().Match(await page.Content.ReadAsStringAsync());
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (token.Success)
        {
            form.Add(new("__RequestVerificationToken", token.Groups[1].Value));
        }
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<select[^>]*name=\"Input.LeadUnitId\"[\\s\\S]*?</select>")]
    private static partial Regex LeadSelect();
}
