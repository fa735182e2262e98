using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Zhengfeng.Features.Bulletins;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Bulletins;

/// <summary>The people of a bulletin: the supervision office, an inspector, and two units with a case each.</summary>
internal sealed record BulletinPeople(CaseScenario Cases, string Office, HttpClient Supervisor, HttpClient Inspector)
{
    public static async Task<BulletinPeople> CreateAsync(AppFactory app)
    {
        var cases = await CaseScenario.CreateAsync(app);
        var office = await cases.Admin.CreateUnitAsync(app, "department", name: "作风办");
        return new BulletinPeople(cases, office, await cases.Admin.UserAsync(app, office, "supervisor"), await cases.Admin.UserAsync(app, office, "inspector"));
    }

    public async Task<string> VerifiedClueAsync(string content = "暗访发现城市管理局窗口人员上班时间玩手机，群众等候超过半小时")
    {
        var clue = await Supervisor.PostOkAsync("/api/v1/clues", new { source = "mystery", unitId = Cases.LeadUnit, problemType = "laxity", content }, HttpStatusCode.Created);
        await Inspector.PostOkAsync($"/api/v1/clues/{clue.Id()}/verification", new { result = "true", note = "调取监控录像核实" });
        return clue.Id();
    }

    public async Task<string> DraftAsync(string title = "关于近期作风问题的通报")
        => (await Supervisor.PostOkAsync("/api/v1/bulletins", new { kind = "criticism", title, recipients = "各乡镇党委、政府，县直各单位", body = "一、基本情况\n正文。" }, HttpStatusCode.Created)).Id();
}

public sealed class BulletinTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_docx_ends_with_the_audit_logs_latest_checkpoint()
    {
        await using var own = await AppFactory.StartAsync(); // signs a checkpoint: its own app
        var p = await BulletinPeople.CreateAsync(own);
        var draft = await p.DraftAsync();
        var checkpoint = await p.Cases.Admin.PostOkAsync("/api/v1/audit/checkpoints", new { }, HttpStatusCode.Created);

        using var doc = WordprocessingDocument.Open(new MemoryStream(await p.Supervisor.GetByteArrayAsync($"/api/v1/bulletins/{draft}/docx")), false);
        var texts = doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(x => x.InnerText).Where(t => t.Length > 0).ToList();
        var line = Assert.Single(texts, t => t.StartsWith("审计日志检查点", StringComparison.Ordinal));
        Assert.Contains($"共 {checkpoint.GetProperty("size").GetInt64()} 条记录", line);
        Assert.Contains(checkpoint.GetProperty("rootHash").GetString()!, line);
        Assert.True(texts.IndexOf(line) > texts.FindLastIndex(t => t.EndsWith('日') && t.Contains('年', StringComparison.Ordinal)), "after the date");
    }

    [Fact]
    public async Task A_bulletin_composed_from_a_verified_clue_and_a_late_case_is_issued_and_downloads_as_a_GBT9704_docx()
    {
        await using var own = await AppFactory.StartAsync(); // moves its clock: its own app
        var p = await BulletinPeople.CreateAsync(own);
        var clueId = await p.VerifiedClueAsync();
        var (caseId, code) = await p.Cases.DispatchedCaseAsync();
        var caseNumber = await p.Cases.NumberAsync(caseId);
        own.Clock.Advance(TimeSpan.FromDays(12)); // well past the 5-working-day handling limit
        var supervisor = await (await own.AdminAsync()).UserAsync(own, p.Office, "supervisor"); // the earlier tokens have expired

        var draft = await supervisor.PostOkAsync("/api/v1/bulletins", new
        {
            kind = "criticism", title = "关于城市管理局作风问题的通报", recipients = "各乡镇党委、政府，县直各单位",
            clueIds = new[] { clueId }, caseIds = new[] { caseId }, copyTo = "县委办公室，县政府办公室",
        }, HttpStatusCode.Created);
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        var body = draft.GetProperty("body").GetString()!;
        Assert.Contains("城市管理局", body);
        Assert.Contains("上班时间玩手机", body);
        Assert.Contains("经核查，属实", body);
        Assert.Contains(caseNumber, body);
        Assert.DoesNotContain(code, body); // a bulletin goes to every unit: the 查询码 would let them rate the case
        Assert.Contains("仍未办结，已超过办理时限", body);
        Assert.Matches(new Regex("^一、", RegexOptions.Multiline), body);
        Assert.Matches(new Regex("^（一）", RegexOptions.Multiline), body);

        var issued = await supervisor.PostOkAsync($"/api/v1/bulletins/{draft.Id()}/issue", new { });
        Assert.Equal("issued", issued.GetProperty("status").GetString());
        var number = issued.GetProperty("documentNumber").GetString()!;
        Assert.Equal("本纪办发〔2026〕1号", number); // the first bulletin of the year on this app
        var date = issued.GetProperty("issuedOn").GetString()!;
        Assert.Equal("2026年11月14日", date); // today in China time, unpadded
        await (await supervisor.PostAsJsonAsync($"/api/v1/bulletins/{draft.Id()}/issue", new { })).ProblemAsync(HttpStatusCode.Conflict);

        var response = await supervisor.GetAsync($"/api/v1/bulletins/{draft.Id()}/docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BulletinsApi.DocxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("关于城市管理局作风问题的通报", response.Content.Headers.ContentDisposition?.FileNameStar);

        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var main = doc.MainDocumentPart!;
        var paragraphs = main.Document.Body!.Elements<Paragraph>().ToList();

        // Page: A4 with the margins of §5.2.1 and a 22-line grid.
        var section = main.Document.Body.GetFirstChild<SectionProperties>()!;
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal((2098, 1588u, 1984, 1474u), (margin.Top!.Value, margin.Left!.Value, margin.Bottom!.Value, margin.Right!.Value));
        var defaults = main.StyleDefinitionsPart!.Styles!.DocDefaults!;
        var spacing = defaults.ParagraphPropertiesDefault!.Descendants<SpacingBetweenLines>().Single();
        Assert.Equal(("579", LineSpacingRuleValues.Exact), (spacing.Line!.Value, spacing.LineRule!.Value));
        var baseFont = defaults.RunPropertiesDefault!.Descendants<RunFonts>().Single();
        Assert.Equal("仿宋", baseFont.EastAsia!.Value);
        Assert.Equal("32", defaults.RunPropertiesDefault.Descendants<FontSize>().Single().Val!.Value);

        // Letterhead: red organ mark, centred number with the red line under it, 2号小标宋 title.
        var mark = paragraphs.First(x => x.InnerText.Length > 0);
        Assert.Equal("中共本县纪委办公室文件", mark.InnerText);
        Assert.All(mark.Descendants<Run>(), r => Assert.Equal("FF0000", r.RunProperties!.Color!.Val!.Value));
        Assert.Equal("方正小标宋简体", mark.Descendants<RunFonts>().First().EastAsia!.Value);
        var numberPara = paragraphs.Single(x => x.InnerText == number);
        Assert.Equal(JustificationValues.Center, numberPara.ParagraphProperties!.Justification!.Val!.Value);
        var line = numberPara.ParagraphProperties.ParagraphBorders!.BottomBorder!;
        Assert.Equal(("FF0000", BorderValues.Single), (line.Color!.Value, line.Val!.Value));
        var title = paragraphs.Single(x => x.InnerText == "关于城市管理局作风问题的通报");
        Assert.Equal(JustificationValues.Center, title.ParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal("44", title.Descendants<FontSize>().First().Val!.Value);
        Assert.Equal("方正小标宋简体", title.Descendants<RunFonts>().First().EastAsia!.Value);
        Assert.Contains(paragraphs, x => x.InnerText == "各乡镇党委、政府，县直各单位：");

        // Body: headings in 黑体 and 楷体, paragraphs indented two characters, date unpadded.
        var l1 = paragraphs.First(x => x.InnerText.StartsWith("一、", StringComparison.Ordinal));
        Assert.Equal("黑体", l1.Descendants<RunFonts>().First().EastAsia!.Value);
        Assert.Equal("32", l1.Descendants<FontSize>().First().Val!.Value);
        var l2 = paragraphs.First(x => x.InnerText.StartsWith("（一）", StringComparison.Ordinal));
        Assert.Equal("楷体", l2.Descendants<RunFonts>().First().EastAsia!.Value);
        var text = paragraphs.First(x => x.InnerText.Contains("经核查，属实", StringComparison.Ordinal));
        Assert.Equal("仿宋", text.Descendants<RunFonts>().First().EastAsia!.Value);
        Assert.Equal(200, text.ParagraphProperties!.Indentation!.FirstLineChars!.Value);
        var dateParas = paragraphs.Where(x => x.InnerText == date).ToList();
        Assert.Single(dateParas);
        Assert.Equal(JustificationValues.Right, dateParas[0].ParagraphProperties!.Justification!.Val!.Value);

        // 版记: 抄送 and 印发 in 4号仿宋 between lines.
        var cc = paragraphs.Single(x => x.InnerText.StartsWith("抄送：", StringComparison.Ordinal));
        Assert.Equal("抄送：县委办公室，县政府办公室。", cc.InnerText);
        Assert.Equal("28", cc.Descendants<FontSize>().First().Val!.Value);
        var printed = paragraphs.Single(x => x.InnerText.EndsWith("印发", StringComparison.Ordinal));
        Assert.Equal("中共本县纪委办公室" + date + "印发", printed.InnerText);
        Assert.NotNull(printed.ParagraphProperties!.ParagraphBorders!.BottomBorder);

        // 页码: "— n —" in 4号宋体, odd pages right, even pages left.
        Assert.NotNull(main.DocumentSettingsPart!.Settings!.GetFirstChild<EvenAndOddHeaders>());
        var refs = section.Elements<FooterReference>().ToDictionary(r => r.Type!.Value, r => (FooterPart)main.GetPartById(r.Id!.Value!));
        foreach (var (type, side) in new[] { (HeaderFooterValues.Default, JustificationValues.Right), (HeaderFooterValues.Even, JustificationValues.Left) })
        {
            var footer = refs[type].Footer!.Elements<Paragraph>().Single();
            Assert.Equal(side, footer.ParagraphProperties!.Justification!.Val!.Value);
            Assert.Equal("PAGE", footer.Descendants<FieldCode>().Single().Text.Trim());
            Assert.Equal("— 1 —", string.Concat(footer.Descendants<Text>().Select(t => t.Text)));
            Assert.All(footer.Descendants<FontSize>(), s => Assert.Equal("28", s.Val!.Value));
            Assert.All(footer.Descendants<RunFonts>(), f => Assert.Equal("宋体", f.EastAsia!.Value));
        }
    }

    [Fact]
    public async Task A_unit_gets_403_on_compose_and_issue_and_does_not_see_drafts()
    {
        var p = await BulletinPeople.CreateAsync(app);
        var draft = await p.DraftAsync();
        await (await p.Cases.LeadStaff.PostAsJsonAsync("/api/v1/bulletins", new { kind = "praise", title = "表扬通报", recipients = "各单位", body = "正文" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.Cases.LeadStaff.PostAsJsonAsync($"/api/v1/bulletins/{draft}/issue", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await p.Cases.LeadStaff.GetAsync($"/api/v1/bulletins/{draft}/docx")).StatusCode);
        Assert.DoesNotContain((await p.Cases.LeadStaff.GetOkAsync("/api/v1/bulletins")).EnumerateArray(), b => b.Id() == draft);
        await p.Supervisor.PostOkAsync($"/api/v1/bulletins/{draft}/issue", new { });
        Assert.Contains((await p.Cases.LeadStaff.GetOkAsync("/api/v1/bulletins")).EnumerateArray(), b => b.Id() == draft);
    }

    [Fact]
    public async Task A_clue_not_yet_verified_cannot_be_bulletined_and_an_empty_bulletin_is_refused()
    {
        var p = await BulletinPeople.CreateAsync(app);
        var clue = await p.Supervisor.PostOkAsync("/api/v1/clues", new { source = "mystery", unitId = p.Cases.LeadUnit, problemType = "laxity", content = "尚未核查的线索" }, HttpStatusCode.Created);
        await (await p.Supervisor.PostAsJsonAsync("/api/v1/bulletins", new { kind = "criticism", title = "通报", recipients = "各单位", clueIds = new[] { clue.Id() } }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await p.Supervisor.PostAsJsonAsync("/api/v1/bulletins", new { kind = "criticism", title = "通报", recipients = "各单位" }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Ledger_exports_open_in_a_spreadsheet_and_hold_only_the_rows_the_user_may_see()
    {
        var p = await BulletinPeople.CreateAsync(app);
        var (mineId, _) = await p.Cases.DispatchedCaseAsync();
        var mine = await p.Cases.NumberAsync(mineId);
        var other = await p.Cases.CreateCaseAsync();
        await p.Cases.Dispatcher.PostOkAsync($"/api/v1/cases/{other.Id()}/dispatch", new { leadUnitId = p.Cases.OtherUnit });
        var otherCode = other.GetProperty("number").GetString()!;

        using (var unitBook = await WorkbookAsync(p.Cases.LeadStaff, "/api/v1/exports/cases.xlsx"))
        {
            var sheet = unitBook.Worksheet(1);
            Assert.Equal("工单编号", sheet.Cell(1, 1).GetString());
            Assert.Equal(1, sheet.SheetView.SplitRow); // frozen header
            var codes = sheet.Column(1).CellsUsed().Select(c => c.GetString()).ToList();
            Assert.Contains(mine, codes);
            Assert.DoesNotContain(otherCode, codes);
            var row = sheet.Column(1).CellsUsed().First(c => c.GetString() == mine).WorksheetRow();
            var registered = row.Cell(7).GetDateTime();
            Assert.Equal(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime, registered, TimeSpan.FromMinutes(1)); // China time, not UTC
        }
        using (var allBook = await WorkbookAsync(p.Cases.Dispatcher, $"/api/v1/exports/cases.xlsx?q={otherCode}"))
        {
            Assert.Contains(otherCode, allBook.Worksheet(1).Column(1).CellsUsed().Select(c => c.GetString()));
        }

        await p.VerifiedClueAsync("=HYPERLINK(\"http://example.invalid\") 窗口推诿");
        using (var clues = await WorkbookAsync(p.Supervisor, $"/api/v1/exports/clues.xlsx?unitId={p.Cases.LeadUnit}"))
        {
            var cell = clues.Worksheet(1).CellsUsed().First(c => c.GetString().Contains("窗口推诿", StringComparison.Ordinal));
            Assert.False(cell.HasFormula);
        }
        var ownFinding = "城管自查：" + app.Unique("台账未更新");
        var foreignFinding = "交通自查：" + app.Unique("值班记录缺失");
        await p.Cases.LeadStaff.PostOkAsync("/api/v1/clues", new { source = "self", unitId = p.Cases.LeadUnit, problemType = "laxity", content = ownFinding }, HttpStatusCode.Created);
        await p.Cases.OtherStaff.PostOkAsync("/api/v1/clues", new { source = "self", unitId = p.Cases.OtherUnit, problemType = "laxity", content = foreignFinding }, HttpStatusCode.Created);
        using (var unitClues = await WorkbookAsync(p.Cases.LeadStaff, "/api/v1/exports/clues.xlsx"))
        {
            var texts = unitClues.Worksheet(1).CellsUsed().Select(c => c.GetString()).ToList();
            Assert.Contains(ownFinding, texts);
            Assert.DoesNotContain(texts, t => t.Contains(foreignFinding, StringComparison.Ordinal)); // another unit's self-inspection
            Assert.DoesNotContain(texts, t => t.Contains("窗口推诿", StringComparison.Ordinal)); // a mystery visit's finding
        }

        var ownMeasures = "交通运输局窗口实行AB岗：" + app.Unique("m");
        var foreignMeasures = "城市管理局窗口实行首问负责制：" + app.Unique("m");
        await RectificationAsync(p, p.Cases.OtherUnit, ownMeasures);
        await RectificationAsync(p, p.Cases.LeadUnit, foreignMeasures);
        using (var items = await WorkbookAsync(p.Cases.OtherStaff, "/api/v1/exports/rectifications.xlsx"))
        {
            var sheet = items.Worksheet(1);
            Assert.Equal(("责任单位", "整改措施"), (sheet.Cell(1, 1).GetString(), sheet.Cell(1, 2).GetString()));
            var row = sheet.Column(2).CellsUsed().Single(c => c.GetString() == ownMeasures).WorksheetRow();
            Assert.Equal("交通运输局", row.Cell(1).GetString());
            Assert.DoesNotContain(sheet.CellsUsed(), c => c.GetString().Contains(foreignMeasures, StringComparison.Ordinal));
        }
    }

    private static async Task RectificationAsync(BulletinPeople p, string unitId, string measures)
    {
        var clue = await p.Supervisor.PostOkAsync("/api/v1/clues", new { source = "mystery", unitId, problemType = "laxity", content = "暗访发现窗口无人值守" }, HttpStatusCode.Created);
        await p.Inspector.PostOkAsync($"/api/v1/clues/{clue.Id()}/verification", new { result = "true", note = "调取监控核实" });
        await p.Supervisor.PostOkAsync("/api/v1/rectifications", new { clueId = clue.Id(), unitId, measures, type = "deadline", dueDate = "2026-12-31" }, HttpStatusCode.Created);
    }

    private static async Task<XLWorkbook> WorkbookAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }
}

/// <summary>Numbering on its own database, so the serials start at 1.</summary>
public sealed class BulletinNumberingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Numbers_are_assigned_at_issue_in_order_unpadded_and_never_twice()
    {
        var p = await BulletinPeople.CreateAsync(app);
        var first = await p.DraftAsync("第一份通报");
        var second = await p.DraftAsync("第二份通报");
        Assert.Equal("本纪办发〔2026〕　号", (await p.Supervisor.GetOkAsync($"/api/v1/bulletins/{first}")).GetProperty("documentNumber").GetString());

        var a = await p.Supervisor.PostOkAsync($"/api/v1/bulletins/{first}/issue", new { });
        var b = await p.Supervisor.PostOkAsync($"/api/v1/bulletins/{second}/issue", new { });
        Assert.Equal("本纪办发〔2026〕1号", a.GetProperty("documentNumber").GetString());
        Assert.Equal("本纪办发〔2026〕2号", b.GetProperty("documentNumber").GetString());
        Assert.Equal("2026年11月2日", a.GetProperty("issuedOn").GetString());

        var racing = new[] { await p.DraftAsync(), await p.DraftAsync(), await p.DraftAsync() };
        var issued = await Task.WhenAll(racing.Select(id => p.Supervisor.PostOkAsync($"/api/v1/bulletins/{id}/issue", new { })));
        Assert.Equal([3, 4, 5], issued.Select(x => x.GetProperty("serial").GetInt32()).Order());
    }
}
