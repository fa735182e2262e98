using System.Globalization;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Notifications;
using Zhengfeng.Features.Rankings;
using Zhengfeng.Features.Rectification;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Exports;

/// <summary>
/// 台账导出: every ledger as an .xlsx with Chinese headers, a frozen header row and times in China time. Each export
/// takes the same filters as its list and sees only what the list shows the user.
/// </summary>
public static partial class LedgerExports
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const int MaxRows = 100_000;

    public static void MapExports(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("/api/v1/exports").RequireAuthorization().WithTags("台账导出");
        exports.MapGet("/cases.xlsx", Cases);
        exports.MapGet("/clues.xlsx", Clues);
        exports.MapGet("/rectifications.xlsx", Rectifications);
        exports.MapGet("/rankings.xlsx", Rankings);
        exports.MapGet("/reported-figures.xlsx", ReportedFigureSheet).RequireAuthorization(Policies.Supervise);
        exports.MapGet("/outbox.xlsx", Outbox).RequireAuthorization(Policies.Admin);
        MapRecordExports(exports);
    }

    private static async Task<FileContentHttpResult> Cases(string? status, string? unitId, bool? overdue, string? from, string? to, string? q, string? categoryCode,
        CaseSearch search, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var filter = new CaseSearch.Filter(WireEnum.ParseOptional<CaseStatus>(status, "status"), unitId, overdue,
            WireDate.ParseOptional(from, "from"), WireDate.ParseOptional(to, "to"), q, categoryCode);
        var rows = await Capped((await search.QueryAsync(filter, ct)).OrderByDescending(c => c.RegisteredAt), ct);
        var units = await UnitNamesAsync(db, ct);
        var categories = await db.Set<Category>().AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var now = clock.GetUtcNow();
        return File("工单台账", now, Sheet("工单台账", rows,
            Col<Case>("工单编号", 18, c => c.Number),
            Col<Case>("标题", 30, c => c.Title),
            Col<Case>("诉求类型", 10, c => Case.KindLabel(c.Kind)),
            Col<Case>("分类", 14, c => categories.GetValueOrDefault(c.CategoryCode, c.CategoryCode)),
            Col<Case>("状态", 10, c => CaseTransitions.Label(c.Status)),
            Col<Case>("主办单位", 20, c => c.LeadUnitId is null ? null : units.GetValueOrDefault(c.LeadUnitId, c.LeadUnitId)),
            Col<Case>("登记时间", 17, c => c.RegisteredAt),
            Col<Case>("派单时间", 17, c => c.FirstDispatchedAt),
            Col<Case>("办理时限", 17, c => c.HandleDueAt),
            Col<Case>("答复时间", 17, c => c.RepliedAt),
            Col<Case>("办结时间", 17, c => c.ClosedAt),
            Col<Case>("是否超期", 10, c => c.WasOverdue || (c.IsOpen && c.HandleDueAt < now)),
            Col<Case>("退单次数", 10, c => c.ReturnCount),
            Col<Case>("延期次数", 10, c => c.ExtensionCount),
            Col<Case>("办理结果", 12, c => Case.OutcomeLabel(c.Outcome)),
            Col<Case>("满意度", 12, c => Case.RatingLabel(c.RatingLevel)),
            Col<Case>("地址", 30, c => c.Address)));
    }

    private static async Task<FileContentHttpResult> Clues(string? status, string? unitId, string? source,
        ClueWorkflow flow, CurrentUser user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var query = await flow.QueryAsync(WireEnum.ParseOptional<ClueStatus>(status, "status"), unitId, WireEnum.ParseOptional<ClueSource>(source, "source"), ct);
        if (!user.IsAreaWide)
        {
            query = query.Where(c => c.Source == ClueSource.Self); // a unit reads only its own self-inspection findings, as on the clue page
        }
        var rows = await Capped(query.OrderByDescending(c => c.RegisteredAt), ct);
        var units = await UnitNamesAsync(db, ct);
        var types = await db.Set<ProblemType>().AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, ct);
        return File("问题线索台账", clock.GetUtcNow(), Sheet("问题线索台账", rows,
            Col<Clue>("登记时间", 17, c => c.RegisteredAt),
            Col<Clue>("来源", 10, c => Clue.Label(c.Source)),
            Col<Clue>("涉及单位", 20, c => units.GetValueOrDefault(c.UnitId, c.UnitId)),
            Col<Clue>("问题类型", 22, c => types.GetValueOrDefault(c.ProblemType, c.ProblemType)),
            Col<Clue>("问题内容", 50, c => c.Content),
            Col<Clue>("地点", 20, c => c.Place),
            Col<Clue>("状态", 10, c => Clue.Label(c.Status)),
            Col<Clue>("核查结论", 10, c => Clue.Label(c.Result)),
            Col<Clue>("核查说明", 30, c => c.VerificationNote),
            Col<Clue>("核查时间", 17, c => c.VerifiedAt)));
    }

    private static async Task<FileContentHttpResult> Rectifications(string? status, string? unitId, bool? overdue, bool? relapsed,
        AppDb db, RectificationWorkflow flow, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = now.CstDate();
        var query = await flow.QueryAsync(new LedgerFilter(WireEnum.ParseOptional<RectificationStatus>(status, "status"), unitId, overdue == true, relapsed == true), ct);
        var rows = await Capped(query.OrderBy(i => i.DueDate), ct);
        var units = await UnitNamesAsync(db, ct);
        return File("整改台账", now, Sheet("整改台账", rows,
            Col<RectificationItem>("责任单位", 20, i => units.GetValueOrDefault(i.UnitId, i.UnitId)),
            Col<RectificationItem>("整改措施", 40, i => i.Measures),
            Col<RectificationItem>("整改类型", 10, i => RectificationItem.Label(i.Type)),
            Col<RectificationItem>("整改时限", 12, i => i.DueDate),
            Col<RectificationItem>("状态", 12, i => RectificationItem.Label(i.Status)),
            Col<RectificationItem>("是否超期", 10, i => i.Status is RectificationStatus.Open or RectificationStatus.Reported && i.DueDate < today),
            Col<RectificationItem>("问题根源", 30, i => i.RootCause),
            Col<RectificationItem>("报告次数", 10, i => i.ReportCount),
            Col<RectificationItem>("验收未通过次数", 14, i => i.FailedVerifications),
            Col<RectificationItem>("销号时间", 17, i => i.ClosedAt),
            Col<RectificationItem>("回头看日期", 12, i => i.FollowUpDue),
            Col<RectificationItem>("纸上整改提示", 30, i => i.PaperFlag),
            Col<RectificationItem>("反弹次数", 10, i => i.RelapseCount),
            Col<RectificationItem>("建立时间", 17, i => i.CreatedAt)));
    }

    private static async Task<FileContentHttpResult> Rankings(string? period, string? group, RankingService rankings, CurrentUser user, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        period = string.IsNullOrWhiteSpace(period) ? RankingsApi.ThisMonth(clock) : period.Trim();
        var kind = WireEnum.ParseOptional<RankingGroup>(group, "group");
        var rows = await rankings.UnitsAsync(period, kind, ct, await user.AreaUnitsAsync(ct));
        var name = kind is { } g ? $"{RankingGroups.Label(g)}排名" : "单位排名";
        return File($"{name}-{period}", now, Sheet($"{period}{name}", rows,
            Col<UnitRanking>("名次", 8, r => r.Rank),
            Col<UnitRanking>("单位", 24, r => r.UnitName),
            Col<UnitRanking>("派单", 10, r => r.Dispatched),
            Col<UnitRanking>("按时签收", 10, r => r.RespondedInTime),
            Col<UnitRanking>("响应率", 10, r => new Percent(r.ResponseRate)),
            Col<UnitRanking>("评价", 10, r => r.Rated),
            Col<UnitRanking>("解决", 10, r => r.Resolved),
            Col<UnitRanking>("解决率", 10, r => new Percent(r.ResolutionRate)),
            Col<UnitRanking>("满意", 10, r => r.Satisfied),
            Col<UnitRanking>("满意率", 10, r => new Percent(r.SatisfactionRate)),
            Col<UnitRanking>("退单", 10, r => r.ReturnCount),
            Col<UnitRanking>("综合得分", 12, r => r.Score),
            Col<UnitRanking>("类别", 10, r => r.GroupLabel),
            Col<UnitRanking>("数据来源", 10, r => r.Reported ? "区县填报" : "平台工单")));
    }

    private static async Task<FileContentHttpResult> ReportedFigureSheet(string? period, ReportedFigures figures, TimeProvider clock, CancellationToken ct)
    {
        var rows = (await figures.ListAsync(period, 1, Paging.MaxPageSize, ct, all: true)).Items;
        return File("区县填报排名数据", clock.GetUtcNow(), Sheet("区县填报", rows,
            Col<ReportedFigureView>("区县", 20, f => f.UnitName),
            Col<ReportedFigureView>("月份", 10, f => f.Period),
            Col<ReportedFigureView>("派单", 10, f => f.Dispatched),
            Col<ReportedFigureView>("按时签收", 10, f => f.RespondedInTime),
            Col<ReportedFigureView>("评价", 10, f => f.Rated),
            Col<ReportedFigureView>("解决", 10, f => f.Resolved),
            Col<ReportedFigureView>("满意", 10, f => f.Satisfied),
            Col<ReportedFigureView>("退单", 10, f => f.Returns),
            Col<ReportedFigureView>("来源文件", 24, f => f.Source),
            Col<ReportedFigureView>("导入人", 12, f => f.ImportedByName),
            Col<ReportedFigureView>("导入时间", 17, f => f.ImportedAt)));
    }

    private static async Task<FileContentHttpResult> Outbox(string? status, OutboxService outbox, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var filter = WireEnum.ParseOptional<OutboxFilter>(status, "status") ?? OutboxFilter.Unsent;
        var rows = await Capped(outbox.Query(filter), ct);
        var units = await UnitNamesAsync(db, ct);
        return File("短信发件箱", clock.GetUtcNow(), Sheet("短信发件箱", rows,
            Col<OutboxMessage>("生成时间", 17, m => m.CreatedAt),
            Col<OutboxMessage>("渠道", 8, m => m.Channel),
            Col<OutboxMessage>("接收方", 24, m => Recipient(m.Recipient, units)),
            Col<OutboxMessage>("内容", 60, m => m.Text),
            Col<OutboxMessage>("状态", 10, m => OutboxService.Label(m.Status)),
            Col<OutboxMessage>("失败次数", 10, m => m.Attempts),
            Col<OutboxMessage>("最近尝试", 17, m => m.LastAttemptAt),
            Col<OutboxMessage>("失败原因", 30, m => m.LastError),
            Col<OutboxMessage>("发送时间", 17, m => m.SentAt)));
    }

    /// <summary>"unit:{id}" as the unit's name; any other recipient as written.</summary>
    public static string Recipient(string recipient, IReadOnlyDictionary<string, string> units)
        => recipient.StartsWith("unit:", StringComparison.Ordinal) && units.TryGetValue(recipient[5..], out var name) ? name : recipient;

    /// <summary>A share shown as a percentage in the sheet.</summary>
    public sealed record Percent(double Value);

    public sealed record Column<T>(string Header, double Width, Func<T, object?> Value);

    private static Column<T> Col<T>(string header, double width, Func<T, object?> value) => new(header, width, value);

    /// <summary>Reads at most <see cref="MaxRows"/> rows; a larger result is refused rather than cut silently.</summary>
    private static async Task<List<T>> Capped<T>(IQueryable<T> query, CancellationToken ct)
    {
        var rows = await query.Take(MaxRows + 1).ToListAsync(ct);
        if (rows.Count > MaxRows)
        {
            throw new RuleException("export.too_many_rows", $"导出结果超过{MaxRows}行，请缩小筛选范围后分批导出", 422);
        }
        return rows;
    }

    private static Task<Dictionary<string, string>> UnitNamesAsync(AppDb db, CancellationToken ct)
        => db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);

    private static FileContentHttpResult File(string name, DateTimeOffset now, byte[] bytes)
        => TypedResults.File(bytes, XlsxType, $"{name}-{now.ToCst():yyyyMMdd}.xlsx");

    /// <summary>One worksheet: bold header on a grey fill, frozen; instants as China-time date-times.</summary>
    public static byte[] Sheet<T>(string title, IReadOnlyList<T> rows, params Column<T>[] columns)
    {
        using var workbook = new XLWorkbook();
        AddSheet(workbook, title, rows, columns);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Adds one such worksheet to a workbook of several.</summary>
    public static void AddSheet<T>(XLWorkbook workbook, string title, IReadOnlyList<T> rows, params Column<T>[] columns)
    {
        var sheet = workbook.Worksheets.Add(title.Length > 31 ? title[..31] : title);
        for (var c = 0; c < columns.Length; c++)
        {
            var header = sheet.Cell(1, c + 1);
            header.SetValue(columns[c].Header);
            header.Style.Font.Bold = true;
            header.Style.Fill.BackgroundColor = XLColor.FromHtml("#E7E6E6");
            sheet.Column(c + 1).Width = columns[c].Width;
        }
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                Put(sheet.Cell(r + 2, c + 1), columns[c].Value(rows[r]));
            }
        }
        sheet.SheetView.FreezeRows(1);
        if (rows.Count > 0)
        {
            sheet.Range(1, 1, rows.Count + 1, columns.Length).SetAutoFilter();
        }
    }

    private static void Put(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case string s:
                cell.DataType = XLDataType.Text; // kept as typed: "=…" or "0012" stay text, never a formula or a number
                cell.SetValue(s);
                break;
            case DateTimeOffset t:
                cell.SetValue(t.ToCst().DateTime);
                cell.Style.DateFormat.Format = "yyyy-mm-dd hh:mm";
                break;
            case DateOnly d:
                cell.SetValue(d.ToDateTime(TimeOnly.MinValue));
                cell.Style.DateFormat.Format = "yyyy-mm-dd";
                break;
            case bool b:
                cell.SetValue(b ? "是" : "否");
                break;
            case Percent p:
                cell.SetValue(p.Value);
                cell.Style.NumberFormat.Format = "0.0%";
                break;
            case int i:
                cell.SetValue(i);
                break;
            case double n:
                cell.SetValue(n);
                break;
            default:
                cell.SetValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
