using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Accountability;
using Zhengfeng.Features.Bulletins;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Exports;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Rectification;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Campaigns;

/// <summary>A file made from a campaign's record.</summary>
public sealed record CampaignFile(byte[] Bytes, string ContentType, string FileName);

/// <summary>
/// What a campaign's record is exported as: the ledger (.xlsx, one sheet each for tasks by unit, completion, linked records,
/// reports, zero reports and flags), the progress bulletin and the closing summary (.docx in the GB/T 9704 layout).
/// Only those who oversee campaigns (supervisors, leaders, inspectors) export them.
/// </summary>
public sealed class CampaignExports(CampaignWorkflow flow, CampaignLedger ledger, AppDb db, LetterheadSettings letterhead)
{
    public const string DocxType = BulletinsApi.DocxType;

    public async Task<CampaignFile> LedgerAsync(string id, CancellationToken ct)
    {
        var (c, view) = await LoadAsync(id, ct);
        using var workbook = new XLWorkbook();
        LedgerExports.AddSheet(workbook, "任务清单（按单位）", view.Tasks,
            Col<TaskRow>("牵头单位", 20, t => t.UnitName),
            Col<TaskRow>("编号", 16, t => t.Number),
            Col<TaskRow>("任务", 40, t => t.Title),
            Col<TaskRow>("责任人", 12, t => t.ResponsibleName),
            Col<TaskRow>("完成期限", 12, t => t.DueOn),
            Col<TaskRow>("阶段", 12, t => PhaseName(c, t.PhaseSeq)),
            Col<TaskRow>("状态", 14, t => t.StatusLabel),
            Col<TaskRow>("是否逾期", 10, t => t.Overdue));
        LedgerExports.AddSheet(workbook, "单位完成情况", view.Units,
            Col<UnitCompletion>("单位", 20, u => u.UnitName),
            Col<UnitCompletion>("单位类型", 10, u => u.Kind),
            Col<UnitCompletion>("参加单位", 10, u => u.Participating),
            Col<UnitCompletion>("任务", 8, u => u.Tasks),
            Col<UnitCompletion>("已办结", 8, u => u.Done),
            Col<UnitCompletion>("逾期", 8, u => u.Overdue),
            Col<UnitCompletion>("任务完成率", 12, u => Pct(u.TaskRate)),
            Col<UnitCompletion>("问题线索", 10, u => u.Clues),
            Col<UnitCompletion>("整改任务", 10, u => u.RectificationTotal),
            Col<UnitCompletion>("已销号", 8, u => u.RectificationClosed),
            Col<UnitCompletion>("整改完成率", 12, u => Pct(u.RectificationRate)),
            Col<UnitCompletion>("已报送", 8, u => u.ReportsFiled),
            Col<UnitCompletion>("应报送", 8, u => u.ReportsAsked),
            Col<UnitCompletion>("综合完成率", 12, u => Pct(u.Rate)));
        LedgerExports.AddSheet(workbook, "按阶段完成情况", view.Phases,
            Col<PhaseCompletion>("阶段", 14, p => $"第{p.Seq}阶段 {p.Name}"),
            Col<PhaseCompletion>("开始日期", 12, p => p.StartsOn),
            Col<PhaseCompletion>("结束日期", 12, p => p.EndsOn),
            Col<PhaseCompletion>("任务", 8, p => p.Tasks),
            Col<PhaseCompletion>("已办结", 8, p => p.Done),
            Col<PhaseCompletion>("逾期", 8, p => p.Overdue),
            Col<PhaseCompletion>("完成率", 10, p => Pct(p.Rate)),
            Col<PhaseCompletion>("报送", 8, p => p.ReportsFiled),
            Col<PhaseCompletion>("问题线索", 10, p => p.Clues),
            Col<PhaseCompletion>("零报告单位", 12, p => p.ZeroReportUnits));
        LedgerExports.AddSheet(workbook, "关联记录", view.Linked,
            Col<LinkedRecord>("类型", 10, r => r.TypeLabel),
            Col<LinkedRecord>("内容", 50, r => r.Title),
            Col<LinkedRecord>("单位", 20, r => r.UnitName),
            Col<LinkedRecord>("状态", 16, r => r.StatusLabel),
            Col<LinkedRecord>("时间", 17, r => r.At),
            Col<LinkedRecord>("链接", 30, r => r.Url));
        LedgerExports.AddSheet(workbook, "报送情况", view.Reports,
            Col<ReportRow>("单位", 20, r => r.UnitName),
            Col<ReportRow>("报送周期", 14, r => r.PeriodLabel),
            Col<ReportRow>("阶段", 12, r => PhaseName(c, r.PhaseSeq)),
            Col<ReportRow>("无问题", 8, r => r.NoProblem),
            Col<ReportRow>("报送内容", 60, r => r.Content),
            Col<ReportRow>("报送人", 12, r => r.ReportedByName),
            Col<ReportRow>("报送时间", 17, r => r.ReportedAt));
        LedgerExports.AddSheet(workbook, "零报告单位", view.ZeroReports,
            Col<ZeroReportUnit>("阶段", 14, z => $"第{z.PhaseSeq}阶段 {z.PhaseName}"),
            Col<ZeroReportUnit>("单位", 20, z => z.UnitName),
            Col<ZeroReportUnit>("原因", 70, z => z.Reason));
        LedgerExports.AddSheet(workbook, "报告无问题但被发现问题", view.Flagged,
            Col<FlaggedUnit>("阶段", 14, f => $"第{f.PhaseSeq}阶段 {f.PhaseName}"),
            Col<FlaggedUnit>("单位", 20, f => f.UnitName),
            Col<FlaggedUnit>("原因", 90, f => f.Reason));
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return new(stream.ToArray(), LedgerExports.XlsxType, $"{SafeName(c.Name)}台账-{Stamp(view.Today)}.xlsx");
    }

    /// <summary>The campaigns the list shows, as a sheet.</summary>
    public async Task<CampaignFile> ListAsync(CampaignStatus? status, string? q, CancellationToken ct)
    {
        var rows = await (await flow.QueryAsync(status, q, ct)).OrderByDescending(c => c.StartsOn).Take(LedgerExports.MaxRows).ToListAsync(ct);
        var today = flow.Today;
        var bytes = LedgerExports.Sheet("专项整治", rows,
            new LedgerExports.Column<Campaign>("名称", 30, c => c.Name),
            new LedgerExports.Column<Campaign>("实施方案文号", 20, c => c.DocumentNumber),
            new LedgerExports.Column<Campaign>("开始日期", 12, c => c.StartsOn),
            new LedgerExports.Column<Campaign>("结束日期", 12, c => c.EndsOn),
            new LedgerExports.Column<Campaign>("报送周期", 10, c => Campaign.Label(c.ReportCycle)),
            new LedgerExports.Column<Campaign>("当前阶段", 12, c => c.PhaseOn(today)?.Name),
            new LedgerExports.Column<Campaign>("参加单位数", 10, c => c.Units.Count),
            new LedgerExports.Column<Campaign>("状态", 12, c => Campaign.Label(c.Status)));
        return new(bytes, LedgerExports.XlsxType, $"专项整治-{Stamp(today)}.xlsx");
    }

    /// <summary>关于××专项整治工作进展情况的通报, from the record as it stands today.</summary>
    public async Task<CampaignFile> ProgressBulletinAsync(string id, CancellationToken ct)
    {
        var (c, view) = await LoadAsync(id, ct);
        var o = await letterhead.GetAsync(ct);
        var text = new OfficialText($"关于{c.Name}工作进展情况的通报", CampaignTexts.ProgressBulletin(c, view), o.OrganName, view.Today)
        {
            OrganMark = o.OrganName,
            Number = $"{o.Prefix}〔{view.Today.Year}〕　号",
            Recipients = "各参加单位",
            CopyTo = c.Leaders.Count > 0 ? $"{c.Name}领导小组成员" : null,
            PrintedBy = o.PrintedBy,
        };
        return new(BulletinDocx.Write(text), DocxType, $"关于{SafeName(c.Name)}工作进展情况的通报-{Stamp(view.Today)}.docx");
    }

    /// <summary>The closing summary: the plan, its phases, the figures, the problems found and fixed, accountability and lessons.</summary>
    public async Task<CampaignFile> SummaryAsync(string id, CancellationToken ct)
    {
        var (c, view) = await LoadAsync(id, ct);
        var clues = await db.Set<Clue>().AsNoTracking().Where(x => x.CampaignId == c.Id).ToListAsync(ct);
        var types = await db.Set<ProblemType>().AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        var items = await db.Set<RectificationItem>().AsNoTracking().Where(i => i.CampaignId == c.Id).ToListAsync(ct);
        var cases = await db.Set<AccountabilityCase>().AsNoTracking().Where(a => a.CampaignId == c.Id).OrderBy(a => a.OpenedAt).ToListAsync(ct);
        var cadreIds = cases.Where(a => a.CadreId != null).Select(a => a.CadreId!).ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(x => cadreIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var unitNames = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var facts = new CampaignTexts.SummaryFacts(clues, types, items, cases, cadres, unitNames);
        var date = c.ClosedAt?.CstDate() ?? view.Today;
        var text = new OfficialText($"{c.Name}工作总结", CampaignTexts.Summary(c, view, facts), (await letterhead.GetAsync(ct)).OrganName, date);
        return new(BulletinDocx.Write(text), DocxType, $"{SafeName(c.Name)}工作总结-{Stamp(date)}.docx");
    }

    private async Task<(Campaign, CampaignLedgerView)> LoadAsync(string id, CancellationToken ct)
    {
        var c = await flow.LoadAsync(id, ct);
        if (!flow.MayOversee)
        {
            throw new ForbiddenException("只有督查、纪检人员和领导可以导出专项整治台账和文稿");
        }
        return (c, await ledger.ForAsync(c, ct));
    }

    private static LedgerExports.Percent? Pct(double? rate) => rate is { } r ? new LedgerExports.Percent(r) : null;

    private static string? PhaseName(Campaign c, int? seq) => seq is { } s && c.Phases.FirstOrDefault(p => p.Seq == s) is { } p ? $"第{s}阶段 {p.Name}" : null;

    private static LedgerExports.Column<T> Col<T>(string header, double width, Func<T, object?> value) => new(header, width, value);

    private static string Stamp(DateOnly d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The name with characters no file system accepts replaced.</summary>
    public static string SafeName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat("\\/:*?\"<>|").ToHashSet();
        return new string(name.Select(ch => invalid.Contains(ch) || char.IsControl(ch) ? '_' : ch).ToArray());
    }
}
