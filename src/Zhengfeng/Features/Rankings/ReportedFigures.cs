using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Data;
using Zhengfeng.Features.Exports;
using Zhengfeng.Features.Figures;
using Zhengfeng.Features.Import;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Rankings;

/// <summary>
/// 填报: one month of a district's figures as the district reported them, for a district whose cases are not (yet) on the
/// platform. The 区县排名 uses them for that month and marks the row as reported; they have no cases to drill down to.
/// </summary>
public sealed class ReportedFigure
{
    public required string Id { get; init; }
    public required string UnitId { get; init; }
    /// <summary>yyyy-MM.</summary>
    public required string Period { get; init; }
    public int Dispatched { get; set; }
    public int RespondedInTime { get; set; }
    public int Rated { get; set; }
    public int Resolved { get; set; }
    public int Satisfied { get; set; }
    public int Returns { get; set; }
    /// <summary>The uploaded file's name.</summary>
    public string Source { get; set; } = "";
    public string ImportedByName { get; set; } = "";
    public DateTimeOffset ImportedAt { get; set; }

    internal RankingCounts Counts => new(Dispatched, RespondedInTime, Rated, Resolved, Satisfied, Returns);
}

internal sealed class ReportedFigureConfiguration : IEntityTypeConfiguration<ReportedFigure>
{
    public void Configure(EntityTypeBuilder<ReportedFigure> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.UnitId).HasMaxLength(32);
        b.Property(x => x.Period).HasMaxLength(7);
        b.Property(x => x.Source).HasMaxLength(200);
        b.Property(x => x.ImportedByName).HasMaxLength(100);
        b.HasIndex(x => new { x.UnitId, x.Period }).IsUnique();
        b.HasIndex(x => x.Period);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed record ReportedFigureView(string Id, string UnitId, string UnitName, string Period, int Dispatched, int RespondedInTime,
    int Rated, int Resolved, int Satisfied, int Returns, string Source, string ImportedByName, DateTimeOffset ImportedAt);

public sealed record ReportedImportResult(int Added, int Replaced);

/// <summary>
/// The districts' reported figures: a sheet with one row per district and month, all rows or none. A month for which the
/// district already has cases on the platform is refused: its ranking comes from its cases, never from what it says of them.
/// </summary>
public sealed class ReportedFigures(AppDb db, UnitTree tree, CurrentUser user, TimeProvider clock)
{
    public const string DistrictCode = "区县编码";
    public const string DistrictName = "区县名称";
    public const string MonthColumn = "月份";
    public const int MaxRows = 1200;

    /// <summary>The count columns, in the template's order, with how each row's value is kept.</summary>
    public static readonly IReadOnlyList<(string Column, Action<ReportedFigure, int> Set)> Counts =
    [
        ("派单", (f, v) => f.Dispatched = v),
        ("按时签收", (f, v) => f.RespondedInTime = v),
        ("评价", (f, v) => f.Rated = v),
        ("解决", (f, v) => f.Resolved = v),
        ("满意", (f, v) => f.Satisfied = v),
        ("退单", (f, v) => f.Returns = v),
    ];

    public async Task<ReportedImportResult> ImportAsync(Stream file, string fileName, CancellationToken ct)
    {
        var sheet = await SheetReader.ReadAsync(file, ct);
        var columns = sheet.Header.Select((h, i) => (h: h.Trim(), i)).Where(x => x.h.Length > 0).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().i);
        var missing = Counts.Select(c => c.Column).Prepend(MonthColumn).Where(c => !columns.ContainsKey(c)).Select(c => new RowError(1, c, $"缺少列“{c}”")).ToList();
        if (!columns.ContainsKey(DistrictCode) && !columns.ContainsKey(DistrictName))
        {
            missing.Insert(0, new RowError(1, DistrictCode, "缺少列“区县编码”或“区县名称”（至少要有一列）"));
        }
        if (missing.Count > 0)
        {
            throw Rejected(missing);
        }
        var rows = sheet.Rows.Where(r => !r.IsBlank).ToList();
        if (rows.Count == 0)
        {
            throw new RuleException("ranking.import_empty", "文件中没有数据行", 400);
        }
        if (rows.Count > MaxRows)
        {
            throw new RuleException("ranking.import_too_many", $"一次最多导入{MaxRows}行，请分批导入", 400);
        }

        var nodes = await tree.GetAsync(db, ct);
        var districts = nodes.Values.Where(n => n.Kind == UnitKind.County).ToList();
        var codes = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.County).ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.OrdinalIgnoreCase, ct);
        var months = new HashSet<string>();
        string Cell(SheetRow row, string column) => columns.TryGetValue(column, out var i) ? row.Cell(i).Trim() : "";

        var errors = new List<RowError>();
        var parsed = new List<(SheetRow Row, string UnitId, string Month, int[] Values)>();
        var seen = new Dictionary<(string, string), int>();
        foreach (var row in rows)
        {
            var before = errors.Count;
            void Fail(string column, string message) => errors.Add(new RowError(row.Number, column, message));

            string? unitId = null;
            var code = Cell(row, DistrictCode);
            var name = Cell(row, DistrictName);
            if (code.Length > 0)
            {
                unitId = codes.GetValueOrDefault(code);
                if (unitId is null)
                {
                    Fail(DistrictCode, $"没有编码为“{code}”的区县");
                }
            }
            else if (name.Length > 0)
            {
                var found = districts.Where(d => d.Name == name).ToList();
                unitId = found.Count == 1 ? found[0].Id : null;
                if (found.Count != 1)
                {
                    Fail(DistrictName, found.Count == 0 ? $"没有名为“{name}”的区县" : $"名为“{name}”的区县有{found.Count}个，请改填区县编码");
                }
            }
            else
            {
                Fail(columns.ContainsKey(DistrictCode) ? DistrictCode : DistrictName, "请填写区县编码或区县名称");
            }

            var month = NormalMonth(Cell(row, MonthColumn));
            if (month is null)
            {
                Fail(MonthColumn, $"“{Cell(row, MonthColumn)}”不是有效月份（应如 2026-11）");
            }
            else if (string.CompareOrdinal(month, RankingsApi.ThisMonth(clock)) > 0)
            {
                Fail(MonthColumn, "不能填报尚未到来的月份");
            }

            var values = new int[Counts.Count];
            for (var i = 0; i < Counts.Count; i++)
            {
                var text = Cell(row, Counts[i].Column);
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out values[i]) || values[i] > 10_000_000)
                {
                    Fail(Counts[i].Column, text.Length == 0 ? "请填写件数（没有请填0）" : $"“{text}”不是有效件数（应为0或正整数）");
                }
            }
            if (errors.Count == before)
            {
                if (values[1] > values[0])
                {
                    Fail("按时签收", "按时签收件数不能多于派单件数");
                }
                if (values[3] > values[2] || values[4] > values[2])
                {
                    Fail(values[3] > values[2] ? "解决" : "满意", "解决、满意件数不能多于评价件数");
                }
                if (seen.TryGetValue((unitId!, month!), out var first))
                {
                    Fail(MonthColumn, $"与第{first}行重复（同一区县同一月份只能填报一行）");
                }
            }
            if (errors.Count == before)
            {
                seen[(unitId!, month!)] = row.Number;
                months.Add(month!);
                parsed.Add((row, unitId!, month!, values));
            }
        }

        // A district with cases here in that month is ranked on them.
        var figures = await RunningFigures.ReadAsync(db, months, ct);
        foreach (var (row, unitId, month, _) in parsed)
        {
            var subtree = UnitTree.Subtree(nodes, unitId);
            if (subtree.Any(id => figures.Get(FigureMetric.Dispatched, month, id) > 0 || figures.Get(FigureMetric.Rated, month, id) > 0))
            {
                errors.Add(new RowError(row.Number, MonthColumn, $"{nodes[unitId].Name}{month}已有平台工单，按平台数据排名，不接受填报"));
            }
        }
        if (errors.Count > 0)
        {
            throw Rejected(errors.OrderBy(e => e.Row).ToList());
        }

        var existing = await db.Set<ReportedFigure>().Where(f => months.Contains(f.Period)).ToDictionaryAsync(f => (f.UnitId, f.Period), ct);
        var now = clock.GetUtcNow();
        var (added, replaced) = (0, 0);
        foreach (var (_, unitId, month, values) in parsed)
        {
            if (!existing.TryGetValue((unitId, month), out var figure))
            {
                figure = new ReportedFigure { Id = Ids.New(), UnitId = unitId, Period = month };
                db.Add(figure);
                added++;
            }
            else
            {
                replaced++;
            }
            for (var i = 0; i < Counts.Count; i++)
            {
                Counts[i].Set(figure, values[i]);
            }
            (figure.Source, figure.ImportedByName, figure.ImportedAt) = (SourceName(fileName), user.DisplayName, now);
        }
        db.PendingAction = "ranking.report-import";
        await db.SaveChangesAsync(ct);
        return new(added, replaced);
    }

    /// <summary>Withdraws one reported month (a wrong upload): the district's row goes back to its cases for that month.</summary>
    public async Task DeleteAsync(string id, CancellationToken ct)
    {
        var figure = await db.Set<ReportedFigure>().FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw new NotFoundException("填报数据");
        db.Remove(figure);
        db.PendingAction = "ranking.report-delete";
        await db.SaveChangesAsync(ct);
    }

    /// <param name="all">Every row on one page (the export), not checked against the page size.</param>
    public async Task<Page<ReportedFigureView>> ListAsync(string? period, int page, int pageSize, CancellationToken ct, bool all = false)
    {
        (page, pageSize) = all ? (1, int.MaxValue) : Paging.Check(page, pageSize);
        var query = db.Set<ReportedFigure>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(period))
        {
            var months = RankingService.Period(period).Months;
            query = query.Where(f => months.Contains(f.Period));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(f => f.Period).ThenBy(f => f.UnitId).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var nodes = await tree.GetAsync(db, ct);
        return new(items.Select(f => new ReportedFigureView(f.Id, f.UnitId, nodes.GetValueOrDefault(f.UnitId)?.Name ?? f.UnitId, f.Period, f.Dispatched,
            f.RespondedInTime, f.Rated, f.Resolved, f.Satisfied, f.Returns, f.Source, f.ImportedByName, f.ImportedAt)).ToList(), total, page, pageSize);
    }

    private static string SourceName(string fileName)
    {
        var name = Path.GetFileName(fileName);
        return name.Length <= 200 ? name : name[..200];
    }

    private static SheetRejected Rejected(List<RowError> errors)
        => new("ranking.import_rejected", $"填报文件有{errors.Count}处问题，未导入任何数据，请改正后重新上传", errors);

    /// <summary>2026-11, 2026/11, 2026年11月, or a date in the month as a spreadsheet writes it.</summary>
    private static string? NormalMonth(string text)
    {
        text = text.Split(' ', 2)[0].Replace('/', '-').Replace('.', '-').Replace("年", "-", StringComparison.Ordinal).TrimEnd('月');
        string[] formats = ["yyyy-M", "yyyy-MM", "yyyy-M-d", "yyyy-MM-dd"];
        return DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && WireDate.InRange(date)
            ? date.ToString("yyyy-MM", CultureInfo.InvariantCulture)
            : null;
    }
}

public static class ReportedFiguresApi
{
    public static void MapReportedFigures(this RouteGroupBuilder rankings)
    {
        var reported = rankings.MapGroup("/reported").RequireAuthorization(Policies.Supervise);
        reported.MapGet("/", async (string? period, int? page, int? pageSize, ReportedFigures figures, CancellationToken ct)
            => TypedResults.Ok(await figures.ListAsync(period, page ?? 1, pageSize ?? 50, ct)));
        reported.MapPost("/import", Import).DisableAntiforgery();
        reported.MapDelete("/{id}", async (string id, ReportedFigures figures, CancellationToken ct) =>
        {
            await figures.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });
        reported.MapGet("/template.xlsx", Template);
    }

    /// <summary>All rows or none; a refusal lists every wrong row and column in <c>errors</c>.</summary>
    private static async Task<Results<Ok<ReportedImportResult>, ProblemHttpResult>> Import(IFormFile? file, ReportedFigures figures, HttpContext http, CancellationToken ct)
    {
        if (file is null)
        {
            throw new RuleException("import.no_file", "请上传文件（表单字段 file）", 400);
        }
        try
        {
            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(await figures.ImportAsync(stream, file.FileName, ct));
        }
        catch (SheetRejected e)
        {
            var problem = ProblemExceptionHandler.Problem(400, e.Code, e.Message, http);
            problem.Extensions["errors"] = e.Errors;
            return TypedResults.Problem(problem);
        }
    }

    /// <summary>An empty sheet with the columns and the districts' codes and names, for a district's office to fill in.</summary>
    private static async Task<FileContentHttpResult> Template(AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var month = RankingsApi.ThisMonth(clock);
        var districts = await db.Units.AsNoTracking().Where(u => u.IsActive && u.Kind == UnitKind.County).OrderBy(u => u.SortOrder).ThenBy(u => u.Code).ToListAsync(ct);
        LedgerExports.Column<Unit>[] columns =
        [
            new(ReportedFigures.DistrictCode, 14, u => u.Code),
            new(ReportedFigures.DistrictName, 20, u => u.Name),
            new(ReportedFigures.MonthColumn, 10, _ => month),
            .. ReportedFigures.Counts.Select(c => new LedgerExports.Column<Unit>(c.Column, 10, _ => null)),
        ];
        return TypedResults.File(LedgerExports.Sheet("区县填报", districts, columns), LedgerExports.XlsxType, "区县填报模板.xlsx");
    }
}
