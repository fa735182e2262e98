using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Import;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Clues;

public sealed record TourImportResult(string BatchId, int Imported);

/// <summary>The batch was refused: every wrong row and missing column, and nothing was imported.</summary>
public sealed class TourImportRejected(IReadOnlyList<RowError> errors)
    : SheetRejected("clue.import_rejected", $"导入文件有{errors.Count}处问题，未导入任何线索，请改正后重新上传", errors);

/// <summary>
/// 巡察反馈 batch import: a sheet with fixed Chinese columns, .xlsx or CSV told by content (<see cref="SheetReader"/>).
/// All or nothing: one wrong row refuses the whole file, so a batch is never half in the ledger.
/// The 发现日期 becomes the clue's registration date, as the work-order import keeps the source's own time.
/// </summary>
public sealed class TourImport(AppDb db, ClueWorkflow flow, TimeProvider clock, CurrentUser user)
{
    public const string UnitCode = "单位编码";
    public const string UnitName = "单位名称";
    public const string Type = "问题类型";
    public const string Description = "问题描述";
    public const string Place = "地点";
    public const string FoundOn = "发现日期";
    public const int MaxRows = 2000;
    public const int MaxErrors = 500;

    /// <summary>The columns every file must have, besides 单位编码 or 单位名称.</summary>
    public static readonly IReadOnlyList<string> Required = [Type, Description, Place, FoundOn];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];

    public async Task<TourImportResult> ImportAsync(Stream file, CancellationToken ct)
    {
        var sheet = await SheetReader.ReadAsync(file, ct);
        var columns = sheet.Header.Select((h, i) => (h, i)).Where(x => x.h.Length > 0).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().i);
        var missing = Required.Where(c => !columns.ContainsKey(c)).Select(c => new RowError(1, c, $"缺少列“{c}”")).ToList();
        if (!columns.ContainsKey(UnitCode) && !columns.ContainsKey(UnitName))
        {
            missing.Insert(0, new RowError(1, UnitCode, "缺少列“单位编码”或“单位名称”（至少要有一列）"));
        }
        if (missing.Count > 0)
        {
            throw new TourImportRejected(missing);
        }
        var rows = sheet.Rows.Where(r => !r.IsBlank).ToList();
        if (rows.Count == 0)
        {
            throw new RuleException("clue.import_empty", "文件中没有数据行", 400);
        }
        if (rows.Count > MaxRows)
        {
            throw new RuleException("clue.import_too_many", $"一次最多导入{MaxRows}条线索，请分批导入", 400);
        }

        // A district's import names the district's units (its 党政综合办公室, not another district's).
        var scope = await user.AreaScopeAsync(ct);
        var units = (await db.Units.AsNoTracking().Where(u => u.IsActive).Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(ct))
            .Where(u => scope is null || scope.Contains(u.Id)).ToList();
        var byCode = units.GroupBy(u => u.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var byName = units.GroupBy(u => u.Name).ToDictionary(g => g.Key, g => g.Select(u => u.Id).ToList());
        var types = await db.Set<ProblemType>().AsNoTracking().ToListAsync(ct);
        var today = clock.GetUtcNow().CstDate();

        string Cell(SheetRow row, string column) => columns.TryGetValue(column, out var i) ? row.Cell(i).Trim() : "";

        var errors = new List<RowError>();
        var batch = new List<BatchClue>();
        foreach (var row in rows)
        {
            var before = errors.Count;
            void Fail(string column, string message) => errors.Add(new RowError(row.Number, column, message));

            string? unitId = null;
            var code = Cell(row, UnitCode);
            var name = Cell(row, UnitName);
            if (code.Length > 0)
            {
                unitId = byCode.GetValueOrDefault(code);
                if (unitId is null)
                {
                    Fail(UnitCode, $"没有编码为“{code}”的单位");
                }
            }
            else if (name.Length > 0)
            {
                var found = byName.GetValueOrDefault(name) ?? [];
                if (found.Count == 1)
                {
                    unitId = found[0];
                }
                else
                {
                    Fail(UnitName, found.Count == 0 ? $"没有名为“{name}”的单位" : $"名为“{name}”的单位有{found.Count}个，请改填单位编码");
                }
            }
            else
            {
                Fail(columns.ContainsKey(UnitCode) ? UnitCode : UnitName, "请填写单位编码或单位名称");
            }

            var typeText = Cell(row, Type);
            var type = types.FirstOrDefault(t => t.Name == typeText || string.Equals(t.Code, typeText, StringComparison.OrdinalIgnoreCase));
            if (type is null)
            {
                Fail(Type, typeText.Length == 0 ? "请填写问题类型" : $"“{typeText}”不在问题类型表中");
            }

            var content = Cell(row, Description);
            if (content.Length < 2 || content.Length > 5000)
            {
                Fail(Description, content.Length == 0 ? "请填写问题描述" : "问题描述应为2至5000字");
            }

            var place = Cell(row, Place);
            if (place.Length > 300)
            {
                Fail(Place, "地点不能超过300字");
            }

            DateTimeOffset? registeredAt = null;
            var dateText = Cell(row, FoundOn);
            if (dateText.Length > 0)
            {
                var datePart = dateText.Split(' ', 2)[0];
                if (!DateOnly.TryParseExact(datePart, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    Fail(FoundOn, $"“{dateText}”不是有效日期（应如 2026-10-20）");
                }
                else if (date > today)
                {
                    Fail(FoundOn, "发现日期不能晚于今天");
                }
                else
                {
                    registeredAt = ChinaTime.At(date, TimeOnly.MinValue);
                }
            }

            if (errors.Count == before)
            {
                batch.Add(new BatchClue(new CreateClueRequest
                {
                    Source = ClueSource.Tour, UnitId = unitId!, ProblemType = type!.Code, Content = content, Place = place.Length == 0 ? null : place,
                }, registeredAt));
            }
        }
        if (errors.Count > 0)
        {
            throw new TourImportRejected(errors.Take(MaxErrors).ToList());
        }
        var (batchId, clues) = await flow.CreateBatchAsync(batch, ct);
        return new TourImportResult(batchId, clues.Count);
    }

    /// <summary>The template: the header row on the first sheet, and the problem types and unit codes to choose from.</summary>
    public async Task<byte[]> TemplateAsync(CancellationToken ct)
    {
        var types = await db.Set<ProblemType>().AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        var units = await db.Units.WorkUnitsAsync(await user.AreaScopeAsync(ct), ct);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("巡察反馈问题");
        string[] header = [UnitCode, UnitName, Type, Description, Place, FoundOn];
        for (var i = 0; i < header.Length; i++)
        {
            sheet.Cell(1, i + 1).Value = header[i];
        }
        // Codes such as 001 must stay text, or Excel turns them into the number 1.
        sheet.Column(1).Style.NumberFormat.Format = "@";
        sheet.Row(1).Style.Font.Bold = true;
        sheet.Columns(1, header.Length).Width = 16;
        sheet.Column(4).Width = 60;

        var typeSheet = workbook.AddWorksheet("问题类型");
        typeSheet.Cell(1, 1).Value = "问题类型（填名称）";
        typeSheet.Cell(1, 2).Value = "分组";
        for (var i = 0; i < types.Count; i++)
        {
            typeSheet.Cell(i + 2, 1).Value = types[i].Name;
            typeSheet.Cell(i + 2, 2).Value = types[i].Group;
        }
        var unitSheet = workbook.AddWorksheet("单位编码");
        unitSheet.Cell(1, 1).Value = UnitCode;
        unitSheet.Cell(1, 2).Value = UnitName;
        for (var i = 0; i < units.Count; i++)
        {
            unitSheet.Cell(i + 2, 1).SetValue(units[i].Code).DataType = XLDataType.Text;
            unitSheet.Cell(i + 2, 2).Value = units[i].Name;
        }
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }
}
