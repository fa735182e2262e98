using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Import;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Attendance;

public sealed record ImportRowError(int Row, string Message);

public sealed record ImportedCadre(string CadreId, string Name, int Punches, int New);

/// <summary>What an import read (the preview) or stored (the commit): new punches, ones already on record, and rows it could not use.</summary>
public sealed record AttendanceImportResult(string Terminal, string UnitId, int Rows, int Punches, int New, int Duplicates, DateOnly? From, DateOnly? To,
    IReadOnlyList<ImportRowError> Errors, IReadOnlyList<ImportedCadre> Cadres, bool Committed);

/// <summary>
/// 考勤导入: reads a sign-in terminal's export with the model's column mapping, matches each row to a cadre of the unit (or a
/// section below it) by 工号, else by name, and stores each punch once: a cadre's punch at the same second is never stored twice,
/// so importing the same file again adds nothing.
/// </summary>
public sealed class AttendanceImporter(AppDb db, TimeProvider clock, CurrentUser user, UnitTree tree, AbsenceClues clues, CustomTerminals terminals)
{
    public const int MaxRows = 50_000;

    public async Task<AttendanceImportResult> ImportAsync(string? terminal, string? unitId, Stream file, bool commit, CancellationToken ct)
    {
        var model = await terminals.FindAsync(terminal, ct);
        var unit = await TargetUnitAsync(unitId, ct);
        var sheet = await SheetReader.ReadAsync(file, ct);
        var (columns, missing) = model.Locate(sheet.Header);
        if (columns is null)
        {
            throw new RuleException("attendance.bad_header", $"文件表头与“{model.Name}”不符：缺少{missing}列。请确认选择了正确的考勤机型号", 400);
        }
        var rows = sheet.Rows.Where(r => !r.IsBlank).ToList();
        if (rows.Count == 0)
        {
            throw new RuleException("attendance.empty", "文件中没有打卡记录", 400);
        }
        if (rows.Count > MaxRows)
        {
            throw new RuleException("attendance.too_many_rows", $"一次最多导入{MaxRows}行，请按月分开导出", 400);
        }
        var subtree = UnitTree.Subtree(await tree.GetAsync(db, ct), unit);
        var cadres = await db.Cadres.Where(c => subtree.Contains(c.UnitId) && c.IsActive).ToListAsync(ct);
        var matched = new List<(Cadre Cadre, RawPunch Punch)>();
        var errors = new List<ImportRowError>();
        var now = clock.GetUtcNow();
        var learned = new Dictionary<Cadre, string>();
        foreach (var row in rows)
        {
            var (punches, error) = model.Read(row, columns);
            if (error is not null)
            {
                errors.Add(new ImportRowError(row.Number, error));
                continue;
            }
            if (punches.Count == 0)
            {
                continue; // a day without any punch: judged as a day without a punch
            }
            var (cadre, why) = Match(cadres, punches[0]);
            if (cadre is null)
            {
                errors.Add(new ImportRowError(row.Number, why!));
                continue;
            }
            if (punches.Any(p => p.At > now))
            {
                errors.Add(new ImportRowError(row.Number, "打卡时间晚于当前时间"));
                continue;
            }
            if (cadre.TerminalNo is null && punches[0].TerminalNo is { } no)
            {
                learned[cadre] = no;
            }
            matched.AddRange(punches.Select(p => (cadre, p)));
        }
        if (matched.Count == 0)
        {
            var first = string.Join("；", errors.Take(3).Select(e => $"第{e.Row}行：{e.Message}"));
            throw new RuleException("attendance.nothing_to_import", "文件中没有可导入的打卡记录" + (first.Length > 0 ? "。" + first : ""), 400);
        }
        var unique = matched.DistinctBy(m => (m.Cadre.Id, m.Punch.At.ToUniversalTime())).ToList();
        var ids = unique.Select(m => m.Cadre.Id).Distinct().ToList();
        var (firstAt, lastAt) = (unique.Min(m => m.Punch.At), unique.Max(m => m.Punch.At));
        var existing = (await db.Set<Punch>().AsNoTracking().Where(p => ids.Contains(p.CadreId) && p.At >= firstAt && p.At <= lastAt)
            .Select(p => new { p.CadreId, p.At }).ToListAsync(ct)).Select(p => (p.CadreId, p.At.ToUniversalTime())).ToHashSet();
        var fresh = unique.Where(m => !existing.Contains((m.Cadre.Id, m.Punch.At.ToUniversalTime()))).ToList();
        var (from, to) = (firstAt.CstDate(), lastAt.CstDate());
        var summary = unique.GroupBy(m => m.Cadre).Select(g => new ImportedCadre(g.Key.Id, g.Key.Name, g.Count(), fresh.Count(f => f.Cadre == g.Key)))
            .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var result = new AttendanceImportResult(model.Code, unit, rows.Count, unique.Count, fresh.Count, unique.Count - fresh.Count, from, to, errors, summary, commit);
        if (!commit)
        {
            return result;
        }
        var importId = Ids.New();
        db.AddRange(fresh.Select(m => new Punch
        {
            Id = Ids.New(), CadreId = m.Cadre.Id, UnitId = m.Cadre.UnitId, At = m.Punch.At.ToUniversalTime(), Day = m.Punch.At.CstDate(), Terminal = model.Code,
            ImportId = importId,
        }));
        var units = unique.Select(m => m.Cadre.UnitId).Distinct().ToList();
        await CoverAsync(units, from, to, ct);
        foreach (var (cadre, no) in learned)
        {
            if (!cadres.Any(c => c != cadre && c.TerminalNo == no))
            {
                cadre.TerminalNo = no;
            }
        }
        db.PendingAction = "attendance.import";
        await db.SaveChangesAsync(ct);
        await clues.RaiseAsync(units, from, to, ct);
        return result;
    }

    /// <summary>The days of the file become days on which the units' attendance is judged.</summary>
    private async Task CoverAsync(List<string> units, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var have = (await db.Set<AttendanceCoverage>().AsNoTracking().Where(c => units.Contains(c.UnitId) && c.Day >= from && c.Day <= to)
            .Select(c => new { c.UnitId, c.Day }).ToListAsync(ct)).Select(c => (c.UnitId, c.Day)).ToHashSet();
        foreach (var unit in units)
        {
            for (var d = from; d <= to; d = d.AddDays(1))
            {
                if (!have.Contains((unit, d)))
                {
                    db.Add(new AttendanceCoverage { UnitId = unit, Day = d });
                }
            }
        }
    }

    private static (Cadre?, string?) Match(List<Cadre> cadres, RawPunch p)
    {
        if (p.TerminalNo is { } no && cadres.FirstOrDefault(c => c.TerminalNo == no) is { } byNo)
        {
            return (byNo, null);
        }
        var who = string.Join("、", new[] { p.TerminalNo is null ? null : $"工号“{p.TerminalNo}”", p.Name is null ? null : $"姓名“{p.Name}”" }.OfType<string>());
        if (p.Name is null)
        {
            return (null, $"{who}在本单位找不到对应干部，请在干部信息中填写工号");
        }
        var named = cadres.Where(c => c.Name == p.Name).ToList();
        return named.Count switch
        {
            0 => (null, $"{who}在本单位及下属科室找不到对应干部"),
            > 1 => (null, $"本单位有{named.Count}名干部叫“{p.Name}”，请在干部信息中填写工号以便区分"),
            _ when named[0].TerminalNo is { } known && p.TerminalNo is { } given && known != given
                => (null, $"干部“{p.Name}”的工号为“{known}”，与文件中的“{given}”不符"),
            _ => (named[0], null),
        };
    }

    /// <summary>The unit whose records are imported: a unit account imports for its own unit (or a section below it), supervision for any.</summary>
    private async Task<string> TargetUnitAsync(string? unitId, CancellationToken ct)
    {
        var id = string.IsNullOrWhiteSpace(unitId) ? (user.IsAreaWide ? null : user.UnitId) : unitId.Trim();
        if (id is null)
        {
            throw new RuleException("attendance.unit_required", "请选择考勤记录所属单位", 400);
        }
        if (!await db.Units.AnyAsync(u => u.Id == id, ct))
        {
            throw new RuleException("attendance.unknown_unit", "单位不存在", 400);
        }
        await user.EnsureCanSeeUnitAsync(id, ct);
        return id;
    }
}
