using ClosedXML.Excel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Attachments;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Exports;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Inspections;

public sealed record PlanView(string Id, string Number, string Title, string Purpose, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<string> Checklist,
    string Status, string StatusLabel, DateTimeOffset CreatedAt, DateTimeOffset? IssuedAt, DateTimeOffset? ClosedAt)
{
    public static PlanView From(MysteryInspection p) => new(p.Id, p.Number, p.Title, p.Purpose, p.StartsOn, p.EndsOn, p.Items, WireEnum.Name(p.Status),
        MysteryInspection.Label(p.Status), p.CreatedAt, p.IssuedAt, p.ClosedAt);
}

public sealed record NamedRef(string Id, string Name);

public sealed record SheetSummary(string Id, string UnitId, string UnitName, string Status, string StatusLabel, DateTimeOffset? VisitedAt, string? Place,
    DateTimeOffset? SubmittedAt, int NonConforming);

public sealed record PlanDetailView(PlanView Plan, IReadOnlyList<NamedRef> Units, IReadOnlyList<NamedRef> Visitors, IReadOnlyList<SheetSummary> Sheets);

public sealed record PlanList(IReadOnlyList<PlanView> Items, int Total);

public sealed record MarkView(int Line, string Item, string Result, string ResultLabel, string? Note, string? ClueId);

public sealed record SheetView(string Id, string PlanId, string PlanNumber, string PlanTitle, string UnitId, string UnitName, string Status, string StatusLabel,
    DateTimeOffset? VisitedAt, string? Place, string? Findings, string? FindingsClueId, DateTimeOffset? SubmittedAt, IReadOnlyList<MarkView> Marks,
    IReadOnlyList<AttachmentsApi.AttachmentView> Photos);

public sealed record FindingClue(string ClueId, bool Created);

public sealed record ReportLineView(int Line, string Item, int Checked, int NonConforming);

public sealed record VisitReportView(PlanView Plan, int UnitsPlanned, IReadOnlyList<NamedRef> UnitsVisited, int Sheets, IReadOnlyList<ReportLineView> Lines,
    IReadOnlyList<NamedRef> Clues);

public static class InspectionsApi
{
    public static IServiceCollection AddInspections(this IServiceCollection services) => services.AddScoped<InspectionWorkflow>();

    public static void MapInspections(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/inspections").RequireAuthorization(Policies.Inspections).WithTags("暗访");
        g.MapGet("/", Search);
        g.MapGet("/export.xlsx", Export);
        g.MapPost("/", Create).RequireAuthorization(Policies.PlanInspections);
        g.MapGet("/{id}", Get);
        g.MapPut("/{id}", async (string id, PlanRequest r, InspectionWorkflow flow, CancellationToken ct)
            => TypedResults.Ok(PlanView.From(await flow.UpdateAsync(id, r, ct)))).RequireAuthorization(Policies.PlanInspections);
        g.MapPost("/{id}/issue", async (string id, InspectionWorkflow flow, CancellationToken ct)
            => TypedResults.Ok(PlanView.From(await flow.IssueAsync(id, ct)))).RequireAuthorization(Policies.PlanInspections);
        g.MapPost("/{id}/close", async (string id, InspectionWorkflow flow, CancellationToken ct)
            => TypedResults.Ok(PlanView.From(await flow.CloseAsync(id, ct)))).RequireAuthorization(Policies.PlanInspections);
        g.MapPost("/{id}/sheets", StartSheet);
        g.MapGet("/{id}/report", Report);
        g.MapGet("/{id}/report.xlsx", ReportXlsx);
        g.MapGet("/sheets/{sheetId}", GetSheet);
        g.MapPut("/sheets/{sheetId}", async (string sheetId, SheetRequest r, InspectionWorkflow flow, AppDb db, CancellationToken ct) =>
        {
            await flow.SaveSheetAsync(sheetId, r, ct);
            return TypedResults.Ok(await SheetViewAsync(flow, db, sheetId, ct));
        });
        g.MapPost("/sheets/{sheetId}/submit", async (string sheetId, SheetRequest? r, InspectionWorkflow flow, AppDb db, CancellationToken ct) =>
        {
            await flow.SubmitSheetAsync(sheetId, r, ct);
            return TypedResults.Ok(await SheetViewAsync(flow, db, sheetId, ct));
        });
        g.MapPost("/sheets/{sheetId}/photos", AddPhoto).DisableAntiforgery();
        g.MapGet("/sheets/{sheetId}/photos/{attachmentId}", async (string sheetId, string attachmentId, InspectionWorkflow flow, CancellationToken ct) =>
        {
            var (meta, content) = await flow.OpenPhotoAsync(sheetId, attachmentId, ct);
            return TypedResults.File(content, meta.ContentType, meta.FileName);
        });
        g.MapPost("/sheets/{sheetId}/clues", async (string sheetId, FindingClueRequest r, InspectionWorkflow flow, CancellationToken ct) =>
        {
            var (clue, created) = await flow.ToClueAsync(sheetId, r, ct);
            return TypedResults.Ok(new FindingClue(clue.Id, created));
        }).RequireAuthorization(Policies.PlanInspections);
    }

    private static async Task<Ok<PlanList>> Search(string? status, string? q, int? page, int? pageSize, InspectionWorkflow flow, CancellationToken ct)
    {
        var (p, size) = Paging.Check(page ?? 1, pageSize ?? 20);
        var (items, total) = await flow.SearchAsync(new PlanFilter(status, q, p, size), ct);
        return TypedResults.Ok(new PlanList(items.Select(PlanView.From).ToList(), total));
    }

    private static async Task<Created<PlanView>> Create(PlanRequest r, InspectionWorkflow flow, CancellationToken ct)
    {
        var plan = await flow.CreateAsync(r, ct);
        return TypedResults.Created($"/api/v1/inspections/{plan.Id}", PlanView.From(plan));
    }

    private static async Task<Ok<PlanDetailView>> Get(string id, InspectionWorkflow flow, AppDb db, CancellationToken ct)
        => TypedResults.Ok(await DetailAsync(flow, db, id, ct));

    public static async Task<PlanDetailView> DetailAsync(InspectionWorkflow flow, AppDb db, string id, CancellationToken ct)
    {
        var plan = await flow.GetAsync(id, ct);
        var unitIds = await flow.UnitsOfAsync(id, ct);
        var visitorIds = await flow.VisitorsOfAsync(id, ct);
        var sheets = await flow.SheetsAsync(id, ct);
        var units = await UnitNamesAsync(db, unitIds.Concat(sheets.Select(s => s.UnitId)), ct);
        var people = await db.Users.AsNoTracking().Where(u => visitorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var sheetIds = sheets.Select(s => s.Id).ToList();
        var bad = await db.Set<InspectionMark>().AsNoTracking().Where(m => sheetIds.Contains(m.SheetId) && m.Result == MarkResult.NonConforming)
            .GroupBy(m => m.SheetId).Select(x => new { x.Key, Count = x.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new PlanDetailView(PlanView.From(plan), unitIds.Select(u => new NamedRef(u, units.GetValueOrDefault(u, u))).ToList(),
            visitorIds.Select(v => new NamedRef(v, people.GetValueOrDefault(v, v))).ToList(),
            sheets.Select(s => new SheetSummary(s.Id, s.UnitId, units.GetValueOrDefault(s.UnitId, s.UnitId), WireEnum.Name(s.Status), InspectionSheet.Label(s.Status),
                s.VisitedAt, s.Place, s.SubmittedAt, bad.GetValueOrDefault(s.Id))).ToList());
    }

    private static async Task<Created<SheetView>> StartSheet(string id, NewSheetRequest r, InspectionWorkflow flow, AppDb db, CancellationToken ct)
    {
        var sheet = await flow.StartSheetAsync(id, r, ct);
        return TypedResults.Created($"/api/v1/inspections/sheets/{sheet.Id}", await SheetViewAsync(flow, db, sheet.Id, ct));
    }

    private static async Task<Ok<SheetView>> GetSheet(string sheetId, InspectionWorkflow flow, AppDb db, CancellationToken ct)
        => TypedResults.Ok(await SheetViewAsync(flow, db, sheetId, ct));

    public static async Task<SheetView> SheetViewAsync(InspectionWorkflow flow, AppDb db, string sheetId, CancellationToken ct)
    {
        var (s, plan) = await flow.GetSheetAsync(sheetId, ct);
        var marks = await flow.MarksAsync(sheetId, ct);
        var photos = await flow.PhotosAsync(sheetId, ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == s.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? s.UnitId;
        return new SheetView(s.Id, plan.Id, plan.Number, plan.Title, s.UnitId, unit, WireEnum.Name(s.Status), InspectionSheet.Label(s.Status), s.VisitedAt, s.Place,
            s.Findings, s.FindingsClueId, s.SubmittedAt,
            marks.Select(m => new MarkView(m.Line, m.Item, WireEnum.Name(m.Result), InspectionSheet.Label(m.Result), m.Note, m.ClueId)).ToList(),
            photos.Select(a => AttachmentsApi.AttachmentView.From(a) with { Url = PhotoUrl(sheetId, a.Id) }).ToList());
    }

    public static string PhotoUrl(string sheetId, string attachmentId) => $"/api/v1/inspections/sheets/{sheetId}/photos/{attachmentId}";

    private static async Task<Created<AttachmentsApi.AttachmentView>> AddPhoto(string sheetId, IFormFile? file, InspectionWorkflow flow, CancellationToken ct)
    {
        if (file is null)
        {
            throw new RuleException("attachment.missing", "请选择要上传的照片（表单字段 file）", 400);
        }
        await using var stream = file.OpenReadStream();
        var saved = await flow.AddPhotoAsync(sheetId, file.FileName, stream, ct);
        var url = PhotoUrl(sheetId, saved.Id);
        return TypedResults.Created(url, AttachmentsApi.AttachmentView.From(saved) with { Url = url });
    }

    private static async Task<Ok<VisitReportView>> Report(string id, InspectionWorkflow flow, AppDb db, CancellationToken ct)
    {
        var r = await flow.ReportAsync(id, ct);
        var names = await UnitNamesAsync(db, r.VisitedUnitIds, ct);
        return TypedResults.Ok(new VisitReportView(PlanView.From(r.Plan), r.UnitIds.Count,
            r.VisitedUnitIds.Select(u => new NamedRef(u, names.GetValueOrDefault(u, u))).ToList(), r.Sheets.Count,
            r.Lines.Select(l => new ReportLineView(l.Line, l.Item, l.Checked, l.NonConforming)).ToList(),
            r.Clues.Select(c => new NamedRef(c.Id, c.Content.Length > 60 ? c.Content[..60] + "…" : c.Content)).ToList()));
    }

    public static async Task<Dictionary<string, string>> UnitNamesAsync(AppDb db, IEnumerable<string> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Units.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    /// <summary>暗访计划台账 as .xlsx, with the page's filters; a visitor gets only the plans naming them.</summary>
    private static async Task<FileContentHttpResult> Export(string? status, string? q, InspectionWorkflow flow, TimeProvider clock, CancellationToken ct)
    {
        var rows = (await flow.AllAsync(new PlanFilter(status, q), ct)).Take(LedgerExports.MaxRows).ToList();
        var bytes = LedgerExports.Sheet("暗访计划", rows,
            new LedgerExports.Column<MysteryInspection>("编号", 20, p => p.Number),
            new LedgerExports.Column<MysteryInspection>("计划名称", 30, p => p.Title),
            new LedgerExports.Column<MysteryInspection>("开始日期", 12, p => p.StartsOn),
            new LedgerExports.Column<MysteryInspection>("结束日期", 12, p => p.EndsOn),
            new LedgerExports.Column<MysteryInspection>("检查项目", 40, p => string.Join("、", p.Items)),
            new LedgerExports.Column<MysteryInspection>("状态", 10, p => MysteryInspection.Label(p.Status)),
            new LedgerExports.Column<MysteryInspection>("下发时间", 17, p => p.IssuedAt),
            new LedgerExports.Column<MysteryInspection>("结束时间", 17, p => p.ClosedAt));
        return TypedResults.File(bytes, LedgerExports.XlsxType, $"暗访计划-{clock.GetUtcNow().ToCst():yyyyMMdd}.xlsx");
    }

    /// <summary>暗访报告 as .xlsx: a summary sheet per checklist line, the sheets, and the clues made.</summary>
    private static async Task<FileContentHttpResult> ReportXlsx(string id, InspectionWorkflow flow, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var r = await flow.ReportAsync(id, ct);
        var names = await UnitNamesAsync(db, r.UnitIds.Concat(r.Sheets.Select(s => s.UnitId)).Concat(r.Clues.Select(c => c.UnitId)), ct);
        using var workbook = new XLWorkbook();
        LedgerExports.AddSheet(workbook, "检查项目", r.Lines,
            new LedgerExports.Column<ReportLine>("序号", 6, l => l.Line),
            new LedgerExports.Column<ReportLine>("检查项目", 30, l => l.Item),
            new LedgerExports.Column<ReportLine>("检查次数", 10, l => l.Checked),
            new LedgerExports.Column<ReportLine>("不符合次数", 12, l => l.NonConforming));
        LedgerExports.AddSheet(workbook, "记录表", r.Sheets,
            new LedgerExports.Column<InspectionSheet>("暗访单位", 24, s => names.GetValueOrDefault(s.UnitId, s.UnitId)),
            new LedgerExports.Column<InspectionSheet>("暗访时间", 17, s => s.VisitedAt),
            new LedgerExports.Column<InspectionSheet>("地点", 24, s => s.Place),
            new LedgerExports.Column<InspectionSheet>("发现的问题", 40, s => s.Findings),
            new LedgerExports.Column<InspectionSheet>("提交时间", 17, s => s.SubmittedAt));
        LedgerExports.AddSheet(workbook, "问题线索", r.Clues,
            new LedgerExports.Column<Clue>("涉及单位", 24, c => names.GetValueOrDefault(c.UnitId, c.UnitId)),
            new LedgerExports.Column<Clue>("问题内容", 50, c => c.Content),
            new LedgerExports.Column<Clue>("登记时间", 17, c => c.RegisteredAt),
            new LedgerExports.Column<Clue>("状态", 10, c => Clue.Label(c.Status)));
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return TypedResults.File(stream.ToArray(), LedgerExports.XlsxType, $"暗访报告-{r.Plan.Number}.xlsx");
    }
}
