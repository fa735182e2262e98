using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Attachments;
using Zhengfeng.Features.Import;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Attendance;

/// <param name="Id">The county's own model's id (for PUT and DELETE); null for a built-in one, which cannot be changed.</param>
public sealed record TerminalModelView(string Code, string Name, string Description, string Columns, string? Id, bool BuiltIn, string Kind, string KindLabel,
    IReadOnlyList<string> NoColumns, IReadOnlyList<string> NameColumns, IReadOnlyList<string> DepartmentColumns, IReadOnlyList<string> DateTimeColumns,
    IReadOnlyList<string> DateColumns, IReadOnlyList<string> InColumns, IReadOnlyList<string> OutColumns)
{
    public static TerminalModelView Of(TerminalModel m) => new(m.Code, m.Name, m.Description, m.SampleHeader, m.Id, m.BuiltIn, WireEnum.Name(m.Kind),
        TerminalModel.KindLabel(m.Kind), m.NoColumns, m.NameColumns, m.DepartmentColumns, m.DateTimeColumns, m.DateColumns, m.InColumns, m.OutColumns);
}

public sealed record AttendanceMonthView(string Month, IReadOnlyList<UnitMonth> Units);

public sealed record UnitAttendanceView(string Month, string UnitId, string UnitName, IReadOnlyList<CadreMonth> Cadres);

public sealed record CadreDayView(string Day, string Result, string ResultLabel, bool SpotCheckAbsent, DateTimeOffset? FirstPunch, DateTimeOffset? LastPunch);

public sealed record LeaveView(string Id, string UnitId, string CadreId, string CadreName, string Kind, string KindLabel, DateOnly From, DateOnly To, string Reason,
    string Status, string StatusLabel, string FiledBy, DateTimeOffset FiledAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote, DateOnly? ReturnedOn)
{
    public static LeaveView Of(LeaveRequest l, string cadreName) => new(l.Id, l.UnitId, l.CadreId, cadreName, WireEnum.Name(l.Kind), LeaveRequest.Label(l.Kind),
        l.From, l.To, l.Reason, WireEnum.Name(l.Status), LeaveRequest.Label(l.Status), l.FiledBy, l.FiledAt, l.DecidedBy, l.DecidedAt, l.DecisionNote, l.ReturnedOn);
}

public sealed record LeaveList(IReadOnlyList<LeaveView> Items, int Total);

public sealed record SpotCheckEntryView(string CadreId, string CadreName, bool Present, string? Reason, bool Excused);

public sealed record SpotCheckView(string Id, string UnitId, DateTimeOffset At, string? Note, string CheckedBy, int Present, int Absent,
    IReadOnlyList<SpotCheckEntryView> Cadres, IReadOnlyList<AttachmentsApi.AttachmentView> Photos);

public sealed record SpotCheckSummary(string Id, string UnitId, DateTimeOffset At, int Present, int Absent);

/// <summary>考勤、请销假、查岗 under /api/v1/attendance.</summary>
public static class AttendanceApi
{
    public static IServiceCollection AddAttendance(this IServiceCollection services)
    {
        services.AddOptions<AttendanceRules>().BindConfiguration("Attendance").ValidateDataAnnotations().ValidateOnStart();
        return services.AddScoped<AttendanceFigures>().AddScoped<AttendanceImporter>().AddScoped<AbsenceClues>().AddScoped<LeaveWorkflow>()
            .AddScoped<SpotCheckWorkflow>().AddScoped<CustomTerminals>();
    }

    public static void MapAttendance(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/attendance").RequireAuthorization(Policies.Attendance).WithTags("考勤");
        g.MapGet("/terminals", Terminals);
        g.MapGet("/terminals.xlsx", AttendanceExports.Terminals);
        // Terminal models are county-wide settings like the work-order import's mappings (kept by the hotline's own intake roles):
        // here the county-wide roles that import attendance keep them, since a unit's change would alter every other unit's imports.
        g.MapPost("/terminals", CreateTerminal).RequireAuthorization(Policies.Supervise);
        g.MapPut("/terminals/{id}", UpdateTerminal).RequireAuthorization(Policies.Supervise);
        g.MapDelete("/terminals/{id}", DeleteTerminal).RequireAuthorization(Policies.Supervise);
        g.MapPost("/imports/preview", (string? terminal, string? unitId, IFormFile? file, AttendanceImporter importer, CancellationToken ct)
            => Import(terminal, unitId, file, false, importer, ct)).DisableAntiforgery().RequireAuthorization(Policies.ImportAttendance);
        g.MapPost("/imports", (string? terminal, string? unitId, IFormFile? file, AttendanceImporter importer, CancellationToken ct)
            => Import(terminal, unitId, file, true, importer, ct)).DisableAntiforgery().RequireAuthorization(Policies.ImportAttendance);
        g.MapGet("/months/{month}", Month);
        g.MapGet("/months/{month}/units/{unitId}", UnitMonthOf);
        g.MapGet("/months/{month}/cadres/{cadreId}", CadreDays);
        g.MapGet("/months/{month}/units.xlsx", AttendanceExports.Units);
        g.MapGet("/months/{month}/cadres.xlsx", AttendanceExports.Cadres);

        g.MapGet("/leaves", Leaves);
        g.MapGet("/leaves.xlsx", AttendanceExports.Leaves);
        g.MapPost("/leaves", File);
        g.MapGet("/leaves/{id}", Leave);
        g.MapPost("/leaves/{id}/approve", (string id, LeaveDecisionRequest r, LeaveWorkflow flow, AppDb db, CancellationToken ct) => Step(flow.ApproveAsync(id, r, ct), db, ct));
        g.MapPost("/leaves/{id}/reject", (string id, LeaveDecisionRequest r, LeaveWorkflow flow, AppDb db, CancellationToken ct) => Step(flow.RejectAsync(id, r, ct), db, ct));
        g.MapPost("/leaves/{id}/withdraw", (string id, LeaveWorkflow flow, AppDb db, CancellationToken ct) => Step(flow.WithdrawAsync(id, ct), db, ct));
        g.MapPost("/leaves/{id}/return", (string id, ReturnLeaveRequest r, LeaveWorkflow flow, AppDb db, CancellationToken ct) => Step(flow.ReturnAsync(id, r, ct), db, ct));

        g.MapGet("/spot-checks", SpotChecks);
        g.MapGet("/spot-checks.xlsx", AttendanceExports.SpotChecks);
        g.MapPost("/spot-checks", Record).RequireAuthorization(Policies.Supervise);
        g.MapGet("/spot-checks/{id}", SpotCheckOf);
        g.MapPost("/spot-checks/{id}/photos", Photo).DisableAntiforgery().RequireAuthorization(Policies.Supervise);
    }

    private static async Task<Ok<List<TerminalModelView>>> Terminals(CustomTerminals terminals, CancellationToken ct)
        => TypedResults.Ok((await terminals.ListAsync(ct)).Select(TerminalModelView.Of).ToList());

    private static async Task<Created<TerminalModelView>> CreateTerminal(TerminalRequest r, CustomTerminals terminals, CancellationToken ct)
    {
        var t = await terminals.CreateAsync(r, ct);
        return TypedResults.Created($"/api/v1/attendance/terminals/{t.Id}", TerminalModelView.Of(TerminalModel.From(t)));
    }

    private static async Task<Ok<TerminalModelView>> UpdateTerminal(string id, TerminalRequest r, CustomTerminals terminals, CancellationToken ct)
        => TypedResults.Ok(TerminalModelView.Of(TerminalModel.From(await terminals.UpdateAsync(id, r, ct))));

    private static async Task<NoContent> DeleteTerminal(string id, CustomTerminals terminals, CancellationToken ct)
    {
        await terminals.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<AttendanceImportResult>> Import(string? terminal, string? unitId, IFormFile? file, bool commit, AttendanceImporter importer,
        CancellationToken ct)
    {
        if (file is null)
        {
            throw new RuleException("attendance.no_file", "请上传考勤机导出的 CSV 或 Excel 文件（表单字段 file）", 400);
        }
        if (file.Length > SheetReader.MaxBytes)
        {
            throw new RuleException("import.too_large", "文件过大（不超过10MB）", StatusCodes.Status413PayloadTooLarge);
        }
        await using var stream = file.OpenReadStream();
        return TypedResults.Ok(await importer.ImportAsync(terminal, unitId, stream, commit, ct));
    }

    /// <summary>The units the caller may see, as a list for the figures.</summary>
    public static async Task<List<string>> ScopeAsync(CurrentUser user, AppDb db, CancellationToken ct)
        => (await user.VisibleUnitsAsync(ct))?.ToList() ?? await db.Units.AsNoTracking().Where(u => u.IsActive).Select(u => u.Id).ToListAsync(ct);

    private static async Task<Ok<AttendanceMonthView>> Month(string month, AttendanceFigures figures, CurrentUser user, AppDb db, CancellationToken ct)
    {
        var m = figures.Month(month);
        return TypedResults.Ok(new AttendanceMonthView(m, await figures.UnitsAsync(await ScopeAsync(user, db, ct), m, ct)));
    }

    private static async Task<Ok<UnitAttendanceView>> UnitMonthOf(string month, string unitId, AttendanceFigures figures, CurrentUser user, AppDb db, CancellationToken ct)
    {
        var m = figures.Month(month);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct) ?? throw new NotFoundException("单位");
        await user.EnsureCanSeeUnitAsync(unit.Id, ct);
        return TypedResults.Ok(new UnitAttendanceView(m, unit.Id, unit.Name, await figures.CadresAsync([unit.Id], m, ct)));
    }

    private static async Task<Ok<List<CadreDayView>>> CadreDays(string month, string cadreId, AttendanceFigures figures, CurrentUser user, AppDb db, CancellationToken ct)
    {
        var m = figures.Month(month);
        var cadre = await db.Cadres.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cadreId, ct) ?? throw new NotFoundException("干部");
        await user.EnsureCanSeeUnitAsync(cadre.UnitId, ct);
        var (first, last) = AttendanceFigures.Span(m);
        var days = (await figures.DaysAsync([cadre.UnitId], first, last, ct)).Where(d => d.CadreId == cadre.Id);
        return TypedResults.Ok(days.Select(d => new CadreDayView(d.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            WireEnum.Name(d.Result), AttendanceFigures.Label(d.Result), d.SpotCheckAbsent, d.FirstPunch, d.LastPunch)).ToList());
    }

    private static async Task<Ok<LeaveList>> Leaves(string? unitId, string? status, string? month, int? page, int? pageSize, LeaveWorkflow flow,
        AttendanceFigures figures, AppDb db, CancellationToken ct)
    {
        var (p, size) = Paging.Check(page ?? 1, pageSize ?? 20);
        var filter = new LeaveFilter(unitId, WireEnum.ParseOptional<LeaveStatus>(status, "status"), string.IsNullOrWhiteSpace(month) ? null : figures.Month(month), p, size);
        var (items, total) = await flow.SearchAsync(filter, ct);
        var names = await CadreNamesAsync(db, items.Select(l => l.CadreId), ct);
        return TypedResults.Ok(new LeaveList(items.Select(l => LeaveView.Of(l, names.GetValueOrDefault(l.CadreId, ""))).ToList(), total));
    }

    private static async Task<Created<LeaveView>> File(FileLeaveRequest r, LeaveWorkflow flow, AppDb db, CancellationToken ct)
    {
        var leave = await flow.FileAsync(r, ct);
        return TypedResults.Created($"/api/v1/attendance/leaves/{leave.Id}", await ViewAsync(leave, db, ct));
    }

    private static async Task<Ok<LeaveView>> Leave(string id, LeaveWorkflow flow, AppDb db, CancellationToken ct)
        => TypedResults.Ok(await ViewAsync(await flow.LoadAsync(id, ct), db, ct));

    private static async Task<Ok<LeaveView>> Step(Task<LeaveRequest> step, AppDb db, CancellationToken ct) => TypedResults.Ok(await ViewAsync(await step, db, ct));

    private static async Task<LeaveView> ViewAsync(LeaveRequest l, AppDb db, CancellationToken ct)
        => LeaveView.Of(l, (await CadreNamesAsync(db, [l.CadreId], ct)).GetValueOrDefault(l.CadreId, ""));

    public static Task<Dictionary<string, string>> CadreNamesAsync(AppDb db, IEnumerable<string> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return db.Cadres.AsNoTracking().Where(c => list.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    private static async Task<Ok<List<SpotCheckSummary>>> SpotChecks(string? unitId, string? month, int? page, int? pageSize, SpotCheckWorkflow flow,
        AttendanceFigures figures, AppDb db, CancellationToken ct)
    {
        var (p, size) = Paging.Check(page ?? 1, pageSize ?? 20);
        var q = await flow.QueryAsync(unitId, string.IsNullOrWhiteSpace(month) ? null : figures.Month(month), ct);
        var checks = await q.OrderByDescending(s => s.Day).ThenByDescending(s => s.RecordedAt).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var ids = checks.Select(c => c.Id).ToList();
        var counts = (await db.Set<SpotCheckEntry>().AsNoTracking().Where(e => ids.Contains(e.SpotCheckId)).Select(e => new { e.SpotCheckId, e.Present }).ToListAsync(ct))
            .ToLookup(e => e.SpotCheckId);
        return TypedResults.Ok(checks.Select(c => new SpotCheckSummary(c.Id, c.UnitId, c.At, counts[c.Id].Count(e => e.Present), counts[c.Id].Count(e => !e.Present)))
            .ToList());
    }

    private static async Task<Created<SpotCheckView>> Record(RecordSpotCheckRequest r, SpotCheckWorkflow flow, AttachmentStore store, AppDb db, CancellationToken ct)
    {
        var check = await flow.RecordAsync(r, [], ct);
        return TypedResults.Created($"/api/v1/attendance/spot-checks/{check.Id}", await SpotCheckViewAsync(check, flow, store, db, ct));
    }

    private static async Task<Ok<SpotCheckView>> SpotCheckOf(string id, SpotCheckWorkflow flow, AttachmentStore store, AppDb db, CancellationToken ct)
        => TypedResults.Ok(await SpotCheckViewAsync(await flow.LoadAsync(id, ct), flow, store, db, ct));

    private static async Task<Created<AttachmentsApi.AttachmentView>> Photo(string id, IFormFile? file, SpotCheckWorkflow flow, CancellationToken ct)
    {
        if (file is null)
        {
            throw new RuleException("attachment.missing", "请选择要上传的照片（表单字段 file）", 400);
        }
        await using var stream = file.OpenReadStream();
        var a = await flow.AddPhotoAsync(id, file.FileName, stream, ct);
        return TypedResults.Created($"/api/v1/attachments/{a.Id}", AttachmentsApi.AttachmentView.From(a));
    }

    public static async Task<SpotCheckView> SpotCheckViewAsync(SpotCheck check, SpotCheckWorkflow flow, AttachmentStore store, AppDb db, CancellationToken ct)
    {
        var entries = await flow.EntriesAsync(check.Id, ct);
        var excused = await flow.ExcusedAsync(check, entries, ct);
        var names = await CadreNamesAsync(db, entries.Select(e => e.CadreId), ct);
        var photos = await store.ListAsync(SpotCheckWorkflow.PhotoOwner, check.Id, ct);
        return new SpotCheckView(check.Id, check.UnitId, check.At, check.Note, check.CheckedBy, entries.Count(e => e.Present), entries.Count(e => !e.Present),
            entries.OrderBy(e => e.Present).ThenBy(e => names.GetValueOrDefault(e.CadreId, ""), StringComparer.Ordinal)
                .Select(e => new SpotCheckEntryView(e.CadreId, names.GetValueOrDefault(e.CadreId, ""), e.Present, e.Reason, excused.Contains(e.CadreId))).ToList(),
            photos.Select(AttachmentsApi.AttachmentView.From).ToList());
    }
}
