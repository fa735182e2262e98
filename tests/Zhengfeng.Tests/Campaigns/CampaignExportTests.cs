using System.Net;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Zhengfeng.Features.Clues;

namespace Zhengfeng.Tests.Campaigns;

/// <summary>The ledger (.xlsx), the progress bulletin and the closing summary (.docx), written from the campaign's record.</summary>
public sealed class CampaignExportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record Setup(CampaignScenario S, string Id, string Name);

    /// <summary>A: two tasks, one done; B: one overdue task and a false 无问题; C: nothing at all.</summary>
    private async Task<Setup> SetupAsync()
    {
        var s = await CampaignScenario.CreateAsync(app);
        var name = "群众身边不正之风专项整治" + app.Unique("")[..4];
        var id = await s.CampaignAsync(name);
        await s.TaskAsync(id, s.A, "规范村级财务公开", new DateOnly(2026, 11, 20), done: true);
        await s.TaskAsync(id, s.A, "整治惠民资金发放拖延", new DateOnly(2026, 11, 25));
        await s.TaskAsync(id, s.B, "清理违规收费项目", new DateOnly(2026, 10, 25));
        await s.StaffA.PostOkAsync($"/api/v1/campaigns/{id}/reports", new { period = "2026-10", content = "东岭镇十月情况" }, HttpStatusCode.Created);
        await s.StaffB.PostOkAsync($"/api/v1/campaigns/{id}/reports", new { period = "2026-10", content = "无问题", noProblem = true }, HttpStatusCode.Created);
        await s.PastClueAsync(s.B, ClueSource.Mystery, "暗访发现西湖乡违规收取办证费", new DateOnly(2026, 10, 18));
        var clue = await s.Supervisor.PostOkAsync("/api/v1/clues", new { source = "tour", unitId = s.B, problemType = "abuse", content = "巡察发现违规收费", campaignId = id }, HttpStatusCode.Created);
        await s.Supervisor.PostOkAsync($"/api/v1/clues/{clue.Id()}/verification", new { result = "true" });
        await s.Supervisor.PostOkAsync("/api/v1/rectifications",
            new { clueId = clue.Id(), unitId = s.B, measures = "全面清退违规收费", type = "deadline", dueDate = "2026-11-30" }, HttpStatusCode.Created);
        var opened = await s.Inspector.PostOkAsync("/api/v1/accountability", new { unitId = s.B, clueId = clue.Id(), facts = "违规收费问题突出", campaignId = id }, HttpStatusCode.Created);
        await s.Inspector.PostOkAsync($"/api/v1/accountability/{opened.Id()}/investigation", new { });
        await s.Inspector.PostOkAsync($"/api/v1/accountability/{opened.Id()}/decision", new { decision = "予以通报问责", forms = new[] { "circular" }, category = 1 });
        return new Setup(s, id, name);
    }

    [Fact]
    public async Task The_ledger_workbook_has_the_tasks_by_unit_linked_records_reports_and_zero_reports()
    {
        var (s, id, _) = await SetupAsync();
        var response = await s.Supervisor.GetAsync($"/api/v1/campaigns/{id}/ledger.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        Assert.Superset(new HashSet<string> { "任务清单（按单位）", "单位完成情况", "关联记录", "报送情况", "零报告单位", "报告无问题但被发现问题" },
            workbook.Worksheets.Select(w => w.Name).ToHashSet());

        var tasks = workbook.Worksheet("任务清单（按单位）");
        Assert.Equal("牵头单位", tasks.Cell(1, 1).GetString());
        var rows = tasks.RowsUsed().Skip(1).Select(r => (r.Cell(1).GetString(), r.Cell(3).GetString(), r.Cell(8).GetString())).ToList();
        Assert.Contains((s.NameB, "清理违规收费项目", "是"), rows);
        Assert.Contains((s.NameA, "规范村级财务公开", "否"), rows);
        Assert.Equal(3, rows.Count);

        var linked = workbook.Worksheet("关联记录").RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()).ToList();
        Assert.Equal(["问题线索", "整改任务", "问责案件"], linked);
        var reports = workbook.Worksheet("报送情况").RowsUsed().Skip(1).Select(r => (r.Cell(1).GetString(), r.Cell(4).GetString())).ToList();
        Assert.Equal(2, reports.Count);
        Assert.Contains((s.NameA, "否"), reports);
        Assert.Contains((s.NameB, "是"), reports);
        var zero = workbook.Worksheet("零报告单位").RowsUsed().Skip(1).Select(r => (r.Cell(1).GetString(), r.Cell(2).GetString())).ToList();
        Assert.Contains(("第1阶段 动员部署", s.NameC), zero);
        Assert.Contains(("第2阶段 自查自纠", s.NameC), zero);
        Assert.DoesNotContain(("第2阶段 自查自纠", s.NameA), zero);
        var flagged = workbook.Worksheet("报告无问题但被发现问题").Cell(2, 3).GetString();
        Assert.Contains("暗访发现西湖乡违规收取办证费", flagged);
    }

    [Fact]
    public async Task The_progress_bulletin_names_the_lowest_unit_the_zero_reports_and_the_flags()
    {
        var (s, id, name) = await SetupAsync();
        var text = await DocxTextAsync(s.Supervisor, $"/api/v1/campaigns/{id}/progress-bulletin.docx");
        Assert.Contains("中共本县纪委办公室文件", text);
        Assert.Contains($"关于{name}工作进展情况的通报", text);
        Assert.Contains("各参加单位：", text);
        Assert.Contains("截至2026年11月2日", text);
        Assert.Contains("目前处于第三阶段“集中整治”", text);
        Assert.Contains("共交办责任清单任务3项，已验收办结1项，完成率33.3%；逾期未完成1项", text);
        Assert.Contains($"其中，{s.NameB}进度最慢，整改完成率只有0%，逾期未完成任务1项。", text);
        Assert.Contains($"{s.NameA}：任务2项，办结1项，逾期0项", text);
        Assert.Contains($"第二阶段“自查自纠”：{s.NameC}未报送专项整治情况", text);
        Assert.Contains($"{s.NameB}报送2026年10月情况称“无问题”", text);
        Assert.Contains($"{s.NameB}：", text);
        Assert.Contains("清理违规收费项目", text);
        Assert.Contains("四、下步工作要求", text);
        Assert.Contains("按照实施方案规定的报送周期（每月）报送", text);
    }

    [Fact]
    public async Task The_closing_summary_holds_the_plan_figures_problems_accountability_and_lessons()
    {
        var (s, id, name) = await SetupAsync();
        await s.Supervisor.PostOkAsync($"/api/v1/campaigns/{id}/closure", new { summary = "建立了收费项目公示长效机制。\n下步将开展回头看。" });
        var text = await DocxTextAsync(s.Leader, $"/api/v1/campaigns/{id}/summary.docx");
        Assert.Contains($"{name}工作总结", text);
        Assert.DoesNotContain("纪委办公室文件", text);
        Assert.Contains("一、基本情况", text);
        Assert.Contains($"根据实施方案县作发〔2026〕3号，{name}于2026年9月1日至2026年12月31日开展", text);
        Assert.Contains("组长王建国（县委副书记）", text);
        Assert.Contains("第一阶段“动员部署”（2026年9月1日至2026年9月30日）", text);
        Assert.Contains("共交办责任清单任务3项，已验收办结1项", text);
        Assert.Contains("共发现问题线索1条（巡察反馈1条），核实属实1条", text);
        Assert.Contains("尚未销号：", text);
        Assert.Contains("全面清退违规收费", text);
        Assert.Contains($"对{s.NameB}作出问责决定：通报。", text);
        Assert.Contains("建立了收费项目公示长效机制。", text);
        Assert.Contains("下步将开展回头看。", text);
    }

    [Fact]
    public async Task Only_those_who_oversee_campaigns_export_them()
    {
        var (s, id, _) = await SetupAsync();
        foreach (var url in new[] { "ledger.xlsx", "progress-bulletin.docx", "summary.docx" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await s.StaffA.GetAsync($"/api/v1/campaigns/{id}/{url}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await s.StaffOutsider.GetAsync($"/api/v1/campaigns/{id}/{url}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await s.Inspector.GetAsync($"/api/v1/campaigns/{id}/{url}")).StatusCode);
        }
        var list = await s.StaffA.GetAsync("/api/v1/campaigns/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var workbook = new XLWorkbook(await list.Content.ReadAsStreamAsync());
        var names = workbook.Worksheet(1).RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()).ToList();
        Assert.NotEmpty(names);
        var outsider = await s.StaffOutsider.GetAsync("/api/v1/campaigns/export.xlsx");
        using var none = new XLWorkbook(await outsider.Content.ReadAsStreamAsync());
        Assert.DoesNotContain(names[0], none.Worksheet(1).RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()));
    }

    private static async Task<string> DocxTextAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }
}
