using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Exports;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Attendance;

/// <summary>The attendance ledgers as .xlsx: the month by unit and by cadre, leave and spot checks; each sees what its page shows.</summary>
public static class AttendanceExports
{
    private static LedgerExports.Column<T> Col<T>(string header, double width, Func<T, object?> value) => new(header, width, value);

    private static FileContentHttpResult File(string name, DateTimeOffset now, byte[] bytes)
        => TypedResults.File(bytes, LedgerExports.XlsxType, $"{name}-{now.ToCst():yyyyMMdd}.xlsx");

    public static async Task<FileContentHttpResult> Units(string month, AttendanceFigures figures, CurrentUser user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var m = figures.Month(month);
        var rows = await figures.UnitsAsync(await AttendanceApi.ScopeAsync(user, db, ct), m, ct);
        return File($"考勤月报-单位-{m}", clock.GetUtcNow(), LedgerExports.Sheet($"{m}考勤（单位）", rows,
            Col<UnitMonth>("单位", 24, u => u.UnitName),
            Col<UnitMonth>("干部人数", 10, u => u.Cadres),
            Col<UnitMonth>("考勤人天", 10, u => u.Judged),
            Col<UnitMonth>("迟到次数", 10, u => u.Late),
            Col<UnitMonth>("早退次数", 10, u => u.Early),
            Col<UnitMonth>("旷工天数", 10, u => u.Absent),
            Col<UnitMonth>("请假天数", 10, u => u.LeaveDays),
            Col<UnitMonth>("查岗不在岗", 12, u => u.SpotCheckAbsences)));
    }

    public static async Task<FileContentHttpResult> Cadres(string month, string? unitId, AttendanceFigures figures, CurrentUser user, AppDb db, TimeProvider clock,
        CancellationToken ct)
    {
        var m = figures.Month(month);
        var scope = await AttendanceApi.ScopeAsync(user, db, ct);
        if (!string.IsNullOrWhiteSpace(unitId))
        {
            await user.EnsureCanSeeUnitAsync(unitId, ct);
            scope = [unitId];
        }
        var rows = await figures.CadresAsync(scope, m, ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return File($"考勤月报-干部-{m}", clock.GetUtcNow(), LedgerExports.Sheet($"{m}考勤（干部）", rows,
            Col<CadreMonth>("单位", 24, c => units.GetValueOrDefault(c.UnitId, "")),
            Col<CadreMonth>("姓名", 12, c => c.Name),
            Col<CadreMonth>("考勤天数", 10, c => c.Judged),
            Col<CadreMonth>("迟到次数", 10, c => c.Late),
            Col<CadreMonth>("早退次数", 10, c => c.Early),
            Col<CadreMonth>("旷工天数", 10, c => c.Absent),
            Col<CadreMonth>("请假天数", 10, c => c.LeaveDays),
            Col<CadreMonth>("查岗不在岗", 12, c => c.SpotCheckAbsences)));
    }

    public static async Task<FileContentHttpResult> Leaves(string? unitId, string? status, string? month, LeaveWorkflow flow, AttendanceFigures figures, AppDb db,
        TimeProvider clock, CancellationToken ct)
    {
        var filter = new LeaveFilter(unitId, WireEnum.ParseOptional<LeaveStatus>(status, "status"), string.IsNullOrWhiteSpace(month) ? null : figures.Month(month));
        var rows = await (await flow.QueryAsync(filter, ct)).OrderByDescending(l => l.From).Take(LedgerExports.MaxRows).ToListAsync(ct);
        var names = await AttendanceApi.CadreNamesAsync(db, rows.Select(r => r.CadreId), ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return File("请销假台账", clock.GetUtcNow(), LedgerExports.Sheet("请销假台账", rows,
            Col<LeaveRequest>("单位", 24, l => units.GetValueOrDefault(l.UnitId, "")),
            Col<LeaveRequest>("姓名", 12, l => names.GetValueOrDefault(l.CadreId, "")),
            Col<LeaveRequest>("类型", 10, l => LeaveRequest.Label(l.Kind)),
            Col<LeaveRequest>("开始日期", 12, l => l.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            Col<LeaveRequest>("结束日期", 12, l => l.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            Col<LeaveRequest>("事由", 30, l => l.Reason),
            Col<LeaveRequest>("状态", 10, l => LeaveRequest.Label(l.Status)),
            Col<LeaveRequest>("登记时间", 17, l => l.FiledAt),
            Col<LeaveRequest>("审批时间", 17, l => l.DecidedAt),
            Col<LeaveRequest>("销假日期", 12, l => l.ReturnedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
    }

    public static async Task<FileContentHttpResult> SpotChecks(string? unitId, string? month, SpotCheckWorkflow flow, AttendanceFigures figures, AppDb db,
        TimeProvider clock, CancellationToken ct)
    {
        var q = await flow.QueryAsync(unitId, string.IsNullOrWhiteSpace(month) ? null : figures.Month(month), ct);
        var checks = await q.OrderByDescending(s => s.At).Take(LedgerExports.MaxRows).ToListAsync(ct);
        var ids = checks.Select(c => c.Id).ToList();
        var entries = await db.Set<SpotCheckEntry>().AsNoTracking().Where(e => ids.Contains(e.SpotCheckId)).ToListAsync(ct);
        var byCheck = entries.ToLookup(e => e.SpotCheckId);
        var names = await AttendanceApi.CadreNamesAsync(db, entries.Select(e => e.CadreId), ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return File("查岗记录", clock.GetUtcNow(), LedgerExports.Sheet("查岗记录", checks,
            Col<SpotCheck>("被查单位", 24, s => units.GetValueOrDefault(s.UnitId, "")),
            Col<SpotCheck>("查岗时间", 17, s => s.At),
            Col<SpotCheck>("在岗人数", 10, s => byCheck[s.Id].Count(e => e.Present)),
            Col<SpotCheck>("不在岗人数", 10, s => byCheck[s.Id].Count(e => !e.Present)),
            Col<SpotCheck>("不在岗人员及原因", 50, s => string.Join("；", byCheck[s.Id].Where(e => !e.Present).Select(e => $"{names.GetValueOrDefault(e.CadreId, "")}（{e.Reason}）"))),
            Col<SpotCheck>("情况说明", 30, s => s.Note)));
    }

    public static async Task<FileContentHttpResult> Terminals(CustomTerminals terminals, TimeProvider clock, CancellationToken ct)
    {
        static string Names(string[] headers) => string.Join("、", headers);
        var rows = await terminals.ListAsync(ct);
        return File("考勤机型号", clock.GetUtcNow(), LedgerExports.Sheet("考勤机型号", rows,
            Col<TerminalModel>("型号名称", 30, m => m.Name),
            Col<TerminalModel>("型号代码", 14, m => m.Code),
            Col<TerminalModel>("来源", 8, m => m.BuiltIn ? "内置" : "自定义"),
            Col<TerminalModel>("导出格式", 14, m => TerminalModel.KindLabel(m.Kind)),
            Col<TerminalModel>("工号列", 20, m => Names(m.NoColumns)),
            Col<TerminalModel>("姓名列", 16, m => Names(m.NameColumns)),
            Col<TerminalModel>("部门列", 16, m => Names(m.DepartmentColumns)),
            Col<TerminalModel>("日期时间列", 20, m => Names(m.DateTimeColumns)),
            Col<TerminalModel>("日期列", 16, m => Names(m.DateColumns)),
            Col<TerminalModel>("上班打卡时间列", 20, m => Names(m.InColumns)),
            Col<TerminalModel>("下班打卡时间列", 20, m => Names(m.OutColumns))));
    }
}
