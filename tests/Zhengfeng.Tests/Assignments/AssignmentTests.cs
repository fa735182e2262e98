using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Features.Assists;
using Zhengfeng.Features.Campaigns;

namespace Zhengfeng.Tests.Assignments;

public sealed class AssignmentTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_supervisor_assigns_work_with_assist_parts_and_milestones_and_the_units_are_told()
    {
        var s = await TaskScenario.CreateAsync(app);
        var task = await s.AssignAsync();
        Assert.Equal("assigned", task.GetProperty("status").GetString());
        Assert.Matches(TaskScenario.Number(), task.GetProperty("number").GetString());
        Assert.Equal(s.LeadUnit, task.GetProperty("leadUnitId").GetString());
        Assert.Equal("2026-11-30", task.GetProperty("dueOn").GetString());
        Assert.Equal("meeting", task.GetProperty("source").GetString());
        Assert.Equal(new[] { s.AssistUnit }, task.GetProperty("assistUnitIds").EnumerateArray().Select(u => u.GetString()!));
        Assert.Equal(new[] { "完成摸底调查", "完成施工招标" }, task.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("title").GetString()!));
        var assist = Assert.Single(task.GetProperty("assists").EnumerateArray());
        Assert.Equal("pending", assist.GetProperty("status").GetString());
        Assert.Equal("提供地块规划条件", assist.GetProperty("part").GetString());
        // Five working days before Monday 2026-11-30: Monday 2026-11-23.
        Assert.StartsWith("2026-11-23T23:59:59+08:00", assist.GetProperty("dueAt").GetString());
        Assert.Empty(task.GetProperty("progress").EnumerateArray());

        var number = task.GetProperty("number").GetString()!;
        Assert.Contains(await TaskScenario.InboxAsync(s.LeadStaff), m => m.GetProperty("text").GetString()!.Contains(number) && m.GetProperty("text").GetString()!.Contains("2026-11-30"));
        Assert.Contains(await TaskScenario.InboxAsync(s.AssistStaff), m => m.GetProperty("text").GetString()!.Contains(number) && m.GetProperty("text").GetString()!.Contains("提供地块规划条件"));
        Assert.DoesNotContain(await TaskScenario.InboxAsync(s.OtherStaff), m => m.GetProperty("text").GetString()!.Contains(number));

        var next = await s.AssignAsync(b => b["title"] = "背街小巷整治");
        static int Seq(string n) => int.Parse(n["交办〔2026〕".Length..^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Seq(number) + 1, Seq(next.GetProperty("number").GetString()!));
    }

    [Fact]
    public async Task Who_may_read_a_task_the_lead_and_assist_units_and_county_roles_others_get_403()
    {
        var s = await TaskScenario.CreateAsync(app);
        var id = (await s.AssignAsync()).Id();
        foreach (var reader in new[] { s.Supervisor, s.Leader, s.Inspector, s.Admin, s.LeadStaff, s.AssistStaff })
        {
            Assert.Equal(id, (await reader.GetOkAsync($"/api/v1/tasks/{id}")).Id());
        }
        await (await s.OtherStaff.GetAsync($"/api/v1/tasks/{id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await s.Operator.GetAsync($"/api/v1/tasks/{id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await s.Supervisor.GetAsync("/api/v1/tasks/no-such-task")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_leader_may_assign_and_unit_staff_or_an_inspector_may_not()
    {
        var s = await TaskScenario.CreateAsync(app);
        Assert.Equal("assigned", (await s.AssignAsync(by: s.Leader)).GetProperty("status").GetString());
        var before = await s.TaskCountAsync(s.LeadUnit);
        foreach (var client in new[] { s.LeadStaff, s.Inspector, s.Operator })
        {
            await (await client.PostAsJsonAsync("/api/v1/tasks", s.Body())).ProblemAsync(HttpStatusCode.Forbidden);
        }
        Assert.Equal(before, await s.TaskCountAsync(s.LeadUnit));
    }

    [Fact]
    public async Task A_due_date_in_working_days_counts_from_today()
    {
        var s = await TaskScenario.CreateAsync(app);
        var task = await s.AssignAsync(b =>
        {
            b.Remove("dueOn");
            b["dueWorkdays"] = 5;
            b["milestones"] = null;
            b["assists"] = null;
            b["assistUnitIds"] = new[] { s.AssistUnit };
        });
        Assert.Equal("2026-11-09", task.GetProperty("dueOn").GetString()); // Monday 2026-11-02 + 5 working days
        var assist = Assert.Single(task.GetProperty("assists").EnumerateArray());
        Assert.StartsWith("2026-11-09", assist.GetProperty("dueAt").GetString()); // fewer than 5 working days are left before it
        Assert.Equal("配合牵头单位完成交办事项", assist.GetProperty("part").GetString());
    }

    [Fact]
    public async Task Bad_input_is_refused_in_chinese_and_nothing_is_saved()
    {
        var s = await TaskScenario.CreateAsync(app);
        var before = await s.TaskCountAsync(s.LeadUnit);
        Assert.Contains("牵头单位不存在", await s.RefusedAsync(b => b["leadUnitId"] = "no-such-unit"));
        Assert.Contains("配合单位不存在", await s.RefusedAsync(b => b["assistUnitIds"] = new[] { "no-such-unit" }));
        Assert.Contains("配合单位不能同时是牵头单位", await s.RefusedAsync(b => b["assists"] = new[] { new { unitId = s.LeadUnit, part = "自己配合自己" } }));
        Assert.Contains("配合单位不能同时是牵头单位", await s.RefusedAsync(b => b["assistUnitIds"] = new[] { s.LeadUnit }));
        Assert.Contains("不能早于今天", await s.RefusedAsync(b => b["dueOn"] = "2026-11-01"));
        Assert.Contains("晚于交办事项的完成期限", await s.RefusedAsync(b => b["milestones"] = new[] { new { title = "完成验收", dueOn = "2026-12-05" } }));
        Assert.Contains("请填写完成期限", await s.RefusedAsync(b => b.Remove("dueOn")));
        Assert.Contains("须指定所属专项整治", await s.RefusedAsync(b => b["source"] = "campaign"));
        Assert.Contains("source", await s.RefusedAsync(b => b["source"] = "rumour"));
        Assert.Contains("请选择交办来源", await s.RefusedAsync(b => b.Remove("source")));
        Assert.Contains("请填写交办事项名称", await s.RefusedAsync(b => b["title"] = ""));

        Assert.Equal(before, await s.TaskCountAsync(s.LeadUnit));
        Assert.Equal(before, await s.TaskCountAsync(s.AssistUnit));
        Assert.DoesNotContain(await TaskScenario.InboxAsync(s.LeadStaff), m => m.GetProperty("kind").GetString() == "task");
    }

    [Fact]
    public async Task A_campaign_task_keeps_to_the_plan_period_participants_and_cycle()
    {
        var s = await TaskScenario.CreateAsync(app);
        var campaign = await s.CampaignAsync("2026-12-01", "2027-02-28", ReportCycle.Monthly);
        void Of(Dictionary<string, object?> b)
        {
            b["campaignId"] = campaign;
            b.Remove("source");
            b["dueOn"] = "2027-01-31";
            b["milestones"] = new[] { new { title = "完成自查", dueOn = "2026-12-15" } };
        }
        var before = await s.TaskCountAsync(s.LeadUnit);
        Assert.Contains("早于专项整治", await s.RefusedAsync(b => { Of(b); b["dueOn"] = "2026-11-30"; b["milestones"] = null; }));
        Assert.Contains("晚于专项整治", await s.RefusedAsync(b => { Of(b); b["dueOn"] = "2027-03-01"; }));
        Assert.Contains("不是专项整治", await s.RefusedAsync(b => { Of(b); b["leadUnitId"] = s.OtherUnit; }));
        Assert.Contains("汇报周期不能比实施方案规定的更频繁", await s.RefusedAsync(b => { Of(b); b["reportCycle"] = "weekly"; }));
        Assert.Contains("没有第9阶段", await s.RefusedAsync(b => { Of(b); b["phaseSeq"] = 9; }));
        Assert.Contains("所属专项整治不存在", await s.RefusedAsync(b => { Of(b); b["campaignId"] = "no-such-campaign"; }));
        var closed = await s.CampaignAsync("2026-11-01", "2027-02-28", ReportCycle.Monthly, closed: true);
        Assert.Contains("已总结结束", await s.RefusedAsync(b => { Of(b); b["campaignId"] = closed; }, HttpStatusCode.Conflict));
        Assert.Equal(before, await s.TaskCountAsync(s.LeadUnit));

        var task = await s.AssignAsync(b => { Of(b); b["phaseSeq"] = 2; });
        Assert.Equal("campaign", task.GetProperty("source").GetString());
        Assert.Equal(campaign, task.GetProperty("campaignId").GetString());
        Assert.Equal(2, task.GetProperty("phaseSeq").GetInt32());
        Assert.Equal("monthly", task.GetProperty("reportCycle").GetString()); // the plan's cycle unless stated
        var quarterly = await s.AssignAsync(b => { Of(b); b["reportCycle"] = "quarterly"; });
        Assert.Equal("quarterly", quarterly.GetProperty("reportCycle").GetString());
        var listed = await s.Supervisor.GetOkAsync($"/api/v1/tasks?campaignId={campaign}");
        Assert.Equal(2, listed.GetProperty("total").GetInt32());

        // Once the campaign has closed, a 督办单 on its unfinished task still goes out, and still counts for the campaign.
        await app.WithDbAsync(async db =>
        {
            var c = await db.Set<Campaign>().SingleAsync(x => x.Id == campaign);
            c.Close("admin", app.Clock.GetUtcNow(), "已总结");
            db.PendingAction = "campaign.close";
            await db.SaveChangesAsync();
        });
        var notice = await s.Supervisor.PostOkAsync("/api/v1/supervision-notices",
            new { unitId = s.LeadUnit, level = "reminder", reason = "专项整治已结束，任务仍未完成", assignmentId = task.Id() }, HttpStatusCode.Created);
        Assert.Equal(campaign, (await s.Supervisor.GetOkAsync($"/api/v1/supervision-notices/{notice.Id()}")).GetProperty("campaignId").GetString());
    }

    [Fact]
    public async Task The_lead_and_assist_units_report_progress_and_others_get_403()
    {
        var s = await TaskScenario.CreateAsync(app);
        var id = (await s.AssignAsync()).Id();
        var lead = await s.LeadStaff.PostOkAsync($"/api/v1/tasks/{id}/progress", new { content = "已完成32个小区的摸底" }, HttpStatusCode.Created);
        Assert.Equal(s.LeadUnit, lead.GetProperty("unitId").GetString());
        Assert.Equal("progress", lead.GetProperty("kind").GetString());
        var assist = await s.AssistStaff.PostOkAsync($"/api/v1/tasks/{id}/progress", new { content = "规划条件已出具8个地块" }, HttpStatusCode.Created);
        Assert.Equal(s.AssistUnit, assist.GetProperty("unitId").GetString());
        await (await s.OtherStaff.PostAsJsonAsync($"/api/v1/tasks/{id}/progress", new { content = "代为报告" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await s.Supervisor.PostAsJsonAsync($"/api/v1/tasks/{id}/progress", new { content = "督查员代报" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await s.LeadStaff.PostAsJsonAsync($"/api/v1/tasks/{id}/progress", new { content = "" })).ProblemAsync(HttpStatusCode.BadRequest);

        var task = await s.Supervisor.GetOkAsync($"/api/v1/tasks/{id}");
        Assert.Equal("in_progress", task.GetProperty("status").GetString());
        var progress = task.GetProperty("progress").EnumerateArray().ToArray();
        Assert.Equal(new[] { s.LeadUnit, s.AssistUnit }, progress.Select(p => p.GetProperty("unitId").GetString()!));
        Assert.Equal("已完成32个小区的摸底", progress[0].GetProperty("content").GetString());
        Assert.False(string.IsNullOrEmpty(progress[0].GetProperty("by").GetString()));
        Assert.StartsWith("2026-11-02T09:00:00+08:00", progress[0].GetProperty("at").GetString());
    }

    [Fact]
    public async Task A_periodic_report_must_answer_a_begun_period_of_the_cycle_once()
    {
        var s = await TaskScenario.CreateAsync(app);
        var id = (await s.AssignAsync(b => { b["reportCycle"] = "monthly"; b["dueOn"] = "2027-01-31"; })).Id();
        var filed = await s.LeadStaff.PostOkAsync($"/api/v1/tasks/{id}/progress", new { content = "11月进展：摸底完成", period = "2026-11" }, HttpStatusCode.Created);
        Assert.Equal("2026-11", filed.GetProperty("period").GetString());
        Assert.Contains("已报送过2026年11月", await (await s.LeadStaff.PostAsJsonAsync($"/api/v1/tasks/{id}/progress", new { content = "再报一次", period = "2026-11" }))
            .ProblemAsync(HttpStatusCode.Conflict));
        // The assist unit files its own report for the same period.
        await s.AssistStaff.PostOkAsync($"/api/v1/tasks/{id}/progress", new { content = "11月配合情况", period = "2026-11" }, HttpStatusCode.Created);
        foreach (var outside in new[] { "2026-12", "2026-10", "2027-02" })
        {
            Assert.Contains("不在该交办事项的汇报周期内",
                await (await s.LeadStaff.PostAsJsonAsync($"/api/v1/tasks/{id}/progress", new { content = "提前报告", period = outside })).ProblemAsync(HttpStatusCode.BadRequest));
        }
        Assert.Contains("不是每月汇报的期次",
            await (await s.LeadStaff.PostAsJsonAsync($"/api/v1/tasks/{id}/progress", new { content = "周报", period = "2026-W45" })).ProblemAsync(HttpStatusCode.BadRequest));
        var plain = (await s.AssignAsync()).Id();
        Assert.Contains("未规定汇报周期",
            await (await s.LeadStaff.PostAsJsonAsync($"/api/v1/tasks/{plain}/progress", new { content = "11月进展", period = "2026-11" })).ProblemAsync(HttpStatusCode.BadRequest));
        var progress = (await s.Supervisor.GetOkAsync($"/api/v1/tasks/{id}")).GetProperty("progress");
        Assert.Equal(2, progress.GetArrayLength());
    }

    [Fact]
    public async Task Only_the_lead_unit_reports_milestones_and_completion()
    {
        var s = await TaskScenario.CreateAsync(app);
        var id = (await s.AssignAsync()).Id();
        await (await s.AssistStaff.PostAsJsonAsync($"/api/v1/tasks/{id}/milestones/1/completion", new { content = "摸底完成" })).ProblemAsync(HttpStatusCode.Forbidden);
        var after = await s.LeadStaff.PostOkAsync($"/api/v1/tasks/{id}/milestones/1/completion", new { content = "摸底完成，形成台账" });
        var first = after.GetProperty("milestones")[0];
        Assert.Equal("2026-11-02", first.GetProperty("doneOn").GetString());
        Assert.Equal("in_progress", after.GetProperty("status").GetString());
        Assert.Contains("已报告完成", await (await s.LeadStaff.PostAsJsonAsync($"/api/v1/tasks/{id}/milestones/1/completion", new { content = "再报" })).ProblemAsync(HttpStatusCode.Conflict));
        Assert.Contains("节点不存在", await (await s.LeadStaff.PostAsJsonAsync($"/api/v1/tasks/{id}/milestones/7/completion", new { content = "不存在" })).ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal("milestone", (await s.Supervisor.GetOkAsync($"/api/v1/tasks/{id}")).GetProperty("progress")[0].GetProperty("kind").GetString());

        await (await s.AssistStaff.PostAsJsonAsync($"/api/v1/tasks/{id}/completion", new { content = "已完成" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await s.OtherStaff.PostAsJsonAsync($"/api/v1/tasks/{id}/completion", new { content = "已完成" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await s.Supervisor.PostAsJsonAsync($"/api/v1/tasks/{id}/completion", new { content = "已完成" })).ProblemAsync(HttpStatusCode.Forbidden);
        var reported = await s.LeadStaff.PostOkAsync($"/api/v1/tasks/{id}/completion", new { content = "32个小区改造全部开工" });
        Assert.Equal("reported", reported.GetProperty("status").GetString());
        await (await s.LeadStaff.PostAsJsonAsync($"/api/v1/tasks/{id}/progress", new { content = "补充进展" })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Acceptance_is_for_a_supervisor_outside_the_lead_unit_and_a_rejection_sends_the_work_back()
    {
        var s = await TaskScenario.CreateAsync(app);
        var id = (await s.AssignAsync()).Id();
        await (await s.Supervisor.PostAsJsonAsync($"/api/v1/tasks/{id}/acceptance", new { accepted = true })).ProblemAsync(HttpStatusCode.Conflict); // nothing reported yet
        await s.LeadStaff.PostOkAsync($"/api/v1/tasks/{id}/completion", new { content = "32个小区改造全部开工" });

        Assert.Contains("牵头单位", await (await s.LeadStaff.PostAsJsonAsync($"/api/v1/tasks/{id}/acceptance", new { accepted = true })).ProblemAsync(HttpStatusCode.Forbidden));
        Assert.Contains("牵头单位", await (await s.LeadSupervisor.PostAsJsonAsync($"/api/v1/tasks/{id}/acceptance", new { accepted = true })).ProblemAsync(HttpStatusCode.Forbidden));
        await (await s.AssistStaff.PostAsJsonAsync($"/api/v1/tasks/{id}/acceptance", new { accepted = true })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await s.Leader.PostAsJsonAsync($"/api/v1/tasks/{id}/acceptance", new { accepted = true })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("理由", await (await s.Supervisor.PostAsJsonAsync($"/api/v1/tasks/{id}/acceptance", new { accepted = false })).ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal("reported", (await s.Supervisor.GetOkAsync($"/api/v1/tasks/{id}")).GetProperty("status").GetString());

        var rejected = await s.Supervisor.PostOkAsync($"/api/v1/tasks/{id}/acceptance", new { accepted = false, note = "缺少竣工验收资料" });
        Assert.Equal("in_progress", rejected.GetProperty("status").GetString());
        Assert.Equal(1, rejected.GetProperty("rejectCount").GetInt32());
        Assert.Contains(await TaskScenario.InboxAsync(s.LeadStaff), m => m.GetProperty("text").GetString()!.Contains("缺少竣工验收资料"));

        await s.LeadStaff.PostOkAsync($"/api/v1/tasks/{id}/completion", new { content = "已补充竣工验收资料" });
        var done = await s.Admin.PostOkAsync($"/api/v1/tasks/{id}/acceptance", new { accepted = true, note = "现场核验" });
        Assert.Equal("done", done.GetProperty("status").GetString());
        Assert.Equal(new[] { "completion", "rejected", "completion", "accepted" },
            done.GetProperty("progress").EnumerateArray().Select(p => p.GetProperty("kind").GetString()!));
        var number = done.GetProperty("number").GetString()!;
        Assert.Contains(await TaskScenario.InboxAsync(s.LeadStaff), m => m.GetProperty("text").GetString()!.Contains(number + "“") && m.GetProperty("text").GetString()!.Contains("验收通过"));
        Assert.Contains(await TaskScenario.InboxAsync(s.AssistStaff), m => m.GetProperty("text").GetString()!.Contains("验收通过"));

        var audit = await s.Admin.GetOkAsync($"/api/v1/audit?entityType=Assignment&entityId={id}");
        Assert.Contains("task.accept", audit.ToString());
        Assert.Contains("task.reject", audit.ToString());
    }

    [Fact]
    public async Task The_progress_draft_repeats_what_the_record_already_knows()
    {
        var s = await TaskScenario.CreateAsync(app);
        var id = (await s.AssignAsync()).Id();
        await s.LeadStaff.PostOkAsync($"/api/v1/tasks/{id}/milestones/1/completion", new { content = "摸底完成" });
        await s.LeadStaff.PostOkAsync($"/api/v1/tasks/{id}/progress", new { content = "招标文件已编制" }, HttpStatusCode.Created);
        var notice = await s.Supervisor.PostOkAsync("/api/v1/supervision-notices",
            new { unitId = s.LeadUnit, assignmentId = id, level = "reminder", reason = "请加快招标进度" }, HttpStatusCode.Created);
        var dutyId = (await s.Supervisor.GetOkAsync($"/api/v1/tasks/{id}")).GetProperty("assists")[0].GetProperty("dutyId").GetString()!;
        await app.WithDbAsync(async db =>
        {
            var duty = await db.Set<AssistDuty>().SingleAsync(d => d.Id == dutyId);
            duty.Give("k1", "自然资源局经办人", app.Clock.GetUtcNow(), "已出具8个地块的规划条件");
            db.PendingAction = "assist.give";
            await db.SaveChangesAsync();
        });

        var draft = await s.LeadStaff.GetOkAsync($"/api/v1/tasks/{id}/progress-draft");
        var text = draft.GetProperty("content").GetString()!;
        Assert.Contains("老旧小区改造提速", text);
        Assert.Contains("尚余28天", text);
        Assert.Contains("已完成1个", text);
        Assert.Contains("完成摸底调查", text);
        Assert.Contains("已出具8个地块的规划条件", text);
        Assert.Contains("招标文件已编制", text);
        Assert.Contains(notice.GetProperty("number").GetString()!, text);
        Assert.Equal(28, draft.GetProperty("daysLeft").GetInt32());
        Assert.Equal(1, draft.GetProperty("milestonesDone").GetInt32());
        await (await s.OtherStaff.GetAsync($"/api/v1/tasks/{id}/progress-draft")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_list_filters_by_status_unit_source_and_overdue_and_units_see_only_their_tasks()
    {
        var s = await TaskScenario.CreateAsync(app);
        var mine = (await s.AssignAsync()).Id();
        var others = (await s.AssignAsync(b => { b["leadUnitId"] = s.OtherUnit; b["source"] = "superior"; b["assists"] = null; })).Id();
        await s.LeadStaff.PostOkAsync($"/api/v1/tasks/{mine}/progress", new { content = "摸底完成" }, HttpStatusCode.Created);

        static string[] Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.Id()).ToArray();
        var lead = Ids(await s.LeadStaff.GetOkAsync("/api/v1/tasks?pageSize=200"));
        Assert.Contains(mine, lead);
        Assert.DoesNotContain(others, lead);
        Assert.Contains(mine, Ids(await s.AssistStaff.GetOkAsync("/api/v1/tasks?pageSize=200")));
        Assert.DoesNotContain(mine, Ids(await s.OtherStaff.GetOkAsync("/api/v1/tasks?pageSize=200")));
        await (await s.Operator.GetAsync("/api/v1/tasks")).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Contains(mine, Ids(await s.Supervisor.GetOkAsync($"/api/v1/tasks?unitId={s.AssistUnit}&pageSize=200")));
        Assert.Contains(mine, Ids(await s.Supervisor.GetOkAsync($"/api/v1/tasks?status=in_progress&unitId={s.LeadUnit}")));
        Assert.DoesNotContain(mine, Ids(await s.Supervisor.GetOkAsync($"/api/v1/tasks?status=assigned&unitId={s.LeadUnit}")));
        Assert.Equal(new[] { others }, Ids(await s.Supervisor.GetOkAsync($"/api/v1/tasks?source=superior&unitId={s.OtherUnit}")));
        Assert.Empty(Ids(await s.Supervisor.GetOkAsync($"/api/v1/tasks?overdue=true&unitId={s.LeadUnit}")));
        await (await s.Supervisor.GetAsync("/api/v1/tasks?status=lost")).ProblemAsync(HttpStatusCode.BadRequest);
        var item = (await s.Supervisor.GetOkAsync($"/api/v1/tasks?unitId={s.LeadUnit}")).GetProperty("items")[0];
        Assert.Equal(2, item.GetProperty("milestonesTotal").GetInt32());
        Assert.False(item.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task The_task_ledger_exports_to_xlsx_with_the_lists_scope()
    {
        var s = await TaskScenario.CreateAsync(app);
        var number = (await s.AssignAsync(b => b["title"] = "农贸市场提升改造")).GetProperty("number").GetString();
        var response = await s.Supervisor.GetAsync($"/api/v1/tasks/export.xlsx?unitId={s.LeadUnit}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        Assert.Equal("编号", sheet.Cell(1, 1).GetString());
        var rows = sheet.RowsUsed().Skip(1).ToList();
        var row = Assert.Single(rows, r => r.Cell(1).GetString() == number);
        Assert.Equal("农贸市场提升改造", row.Cell(2).GetString());
        Assert.Equal("住房和城乡建设局", row.Cell(6).GetString());
        Assert.Equal("自然资源局", row.Cell(7).GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Operator.GetAsync("/api/v1/tasks/export.xlsx")).StatusCode);
        using var other = new XLWorkbook(await (await s.OtherStaff.GetAsync("/api/v1/tasks/export.xlsx")).Content.ReadAsStreamAsync());
        Assert.DoesNotContain(other.Worksheet(1).RowsUsed(), r => r.Cell(1).GetString() == number);
    }

    [Fact]
    public async Task A_notice_issued_by_hand_on_a_task_goes_to_its_lead_or_assist_unit_and_joins_its_campaign()
    {
        var s = await TaskScenario.CreateAsync(app);
        var campaign = await s.CampaignAsync("2026-11-01", "2027-01-31", ReportCycle.Monthly);
        var id = (await s.AssignAsync(b => b["campaignId"] = campaign)).Id();
        var notice = await s.Supervisor.PostOkAsync("/api/v1/supervision-notices",
            new { unitId = s.AssistUnit, assignmentId = id, level = "yellow", reason = "规划条件迟迟未出具" }, HttpStatusCode.Created);
        var listed = Assert.Single((await s.Supervisor.GetOkAsync($"/api/v1/tasks/{id}")).GetProperty("notices").EnumerateArray());
        Assert.Equal(notice.Id(), listed.Id());
        Assert.Equal("yellow", listed.GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("step").ValueKind);
        string? joined = null;
        await app.WithDbAsync(async db => joined = (await db.Set<Zhengfeng.Features.Supervision.SupervisionNotice>().SingleAsync(n => n.Id == notice.Id())).CampaignId);
        Assert.Equal(campaign, joined);

        Assert.Contains("牵头单位或配合单位", await (await s.Supervisor.PostAsJsonAsync("/api/v1/supervision-notices",
            new { unitId = s.OtherUnit, assignmentId = id, level = "reminder", reason = "越界督办" })).ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Contains("交办事项不存在", await (await s.Supervisor.PostAsJsonAsync("/api/v1/supervision-notices",
            new { unitId = s.LeadUnit, assignmentId = "no-such-task", level = "reminder", reason = "不存在的事项" })).ProblemAsync(HttpStatusCode.BadRequest));
        var otherCampaign = await s.CampaignAsync("2026-11-01", "2027-01-31", ReportCycle.Monthly);
        Assert.Contains("不属于所选的专项整治", await (await s.Supervisor.PostAsJsonAsync("/api/v1/supervision-notices",
            new { unitId = s.LeadUnit, assignmentId = id, campaignId = otherCampaign, level = "reminder", reason = "错配专项" })).ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Single((await s.Supervisor.GetOkAsync($"/api/v1/tasks/{id}")).GetProperty("notices").EnumerateArray());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_task_calls()
    {
        var doc = await (await app.AdminAsync()).GetOkAsync("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/tasks", out _));
        Assert.True(paths.TryGetProperty("/api/v1/tasks/{id}/acceptance", out _));
        Assert.Contains("superior", doc.GetProperty("components").GetProperty("schemas").ToString());
    }
}
