using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Calendar;

/// <summary>
/// Loads a year of the official calendar in the holiday-cn JSON format ({year, days:[{name,date,isOffDay}]}).
/// The years shipped inside the app are loaded at start-up when missing; an admin can load a new year's file.
/// Some files list days of the neighbouring year (2019.json holds 2018-12-29..31), so days are keyed by date.
/// </summary>
public sealed class CalendarImport(AppDb db, WorkCalendar calendar, IEnumerable<ICalendarListener> listeners, CurrentUser user)
{
    public sealed record YearFile(int Year, IReadOnlyList<DayRow> Days);
    public sealed record DayRow(string Name, DateOnly Date, bool IsOffDay);
    public sealed record YearSummary(int Year, int OffDays, int MakeUpWorkdays);

    public static YearFile Parse(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            throw new RuleException("calendar.bad_json", "文件不是有效的 JSON", 400);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("year", out var y) || !y.TryGetInt32(out var year) || year is < 2000 or > 2100)
            {
                throw new RuleException("calendar.bad_year", "缺少有效的 year 字段（2000–2100）", 400);
            }
            if (!root.TryGetProperty("days", out var days) || days.ValueKind != JsonValueKind.Array)
            {
                throw new RuleException("calendar.no_days", "缺少 days 数组", 400);
            }
            var rows = new List<DayRow>();
            var index = 0;
            foreach (var d in days.EnumerateArray())
            {
                index++;
                var name = d.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
                if (!d.TryGetProperty("date", out var ds) || ds.ValueKind != JsonValueKind.String
                    || !DateOnly.TryParseExact(ds.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw new RuleException("calendar.bad_date", $"第{index}条的 date 不是 yyyy-MM-dd 格式的日期", 400);
                }
                if (!d.TryGetProperty("isOffDay", out var off) || off.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw new RuleException("calendar.bad_flag", $"第{index}条缺少 isOffDay（true 为放假，false 为调休上班）", 400);
                }
                if (Math.Abs(date.Year - year) > 1)
                {
                    throw new RuleException("calendar.wrong_year", $"第{index}条日期 {date:yyyy-MM-dd} 不属于 {year} 年的安排", 400);
                }
                if (name.Length is 0 or > 50)
                {
                    throw new RuleException("calendar.bad_name", $"第{index}条缺少节日名称", 400);
                }
                rows.Add(new DayRow(name, date, off.GetBoolean()));
            }
            var dup = rows.GroupBy(r => r.Date).FirstOrDefault(g => g.Count() > 1);
            if (dup is not null)
            {
                throw new RuleException("calendar.duplicate", $"日期 {dup.Key:yyyy-MM-dd} 出现了两次", 400);
            }
            return new YearFile(year, rows);
        }
    }

    /// <summary>Replaces the year's listed days, reloads the calendar and tells listeners (running deadlines move).</summary>
    public async Task<YearSummary> ImportAsync(YearFile file, CancellationToken ct)
    {
        await UpsertAsync(file.Year, file.Days.Select(d => new HolidayDay { Date = d.Date, Year = file.Year, Name = d.Name, IsOffDay = d.IsOffDay }), replaceYear: true, ct);
        db.PendingAction = "calendar.import";
        await ChangedAsync(ct);
        return new YearSummary(file.Year, file.Days.Count(d => d.IsOffDay), file.Days.Count(d => !d.IsOffDay));
    }

    private async Task UpsertAsync(int? year, IEnumerable<HolidayDay> days, bool replaceYear, CancellationToken ct)
    {
        var incoming = days.ToDictionary(d => d.Date);
        var dates = incoming.Keys.ToList();
        var existing = await db.HolidayDays.Where(h => (replaceYear && h.Year == year) || dates.Contains(h.Date)).ToListAsync(ct);
        foreach (var row in existing)
        {
            if (incoming.Remove(row.Date, out var day))
            {
                row.Year = day.Year;
                row.Name = day.Name;
                row.IsOffDay = day.IsOffDay;
            }
            else
            {
                db.HolidayDays.Remove(row);
            }
        }
        db.HolidayDays.AddRange(incoming.Values);
    }

    /// <summary>
    /// Sets a district's own day (地方节假日 or a local working day) and moves the district's running deadlines. An admin sets days
    /// for the areas in scope: a district's admin for the district, the city's for any of its districts.
    /// </summary>
    public async Task<LocalDay> SetLocalDayAsync(string areaId, DateOnly date, string? name, bool isOffDay, CancellationToken ct)
    {
        await AreaAsync(areaId, ct);
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > 50)
        {
            throw new RuleException("calendar.bad_name", "请填写节日名称（不超过50字）", 400);
        }
        if (date.Year is < 2000 or > 2100)
        {
            throw new RuleException("calendar.bad_date", "日期应在2000年至2100年之间", 400);
        }
        if (calendar.IsWorkday(date) != isOffDay)
        {
            throw new RuleException("calendar.no_change", $"{date:yyyy-MM-dd}按国家安排本已是{(isOffDay ? "休息日" : "工作日")}，无需调整", 400);
        }
        var day = await db.Set<LocalDay>().FirstOrDefaultAsync(d => d.AreaId == areaId && d.Date == date, ct);
        if (day is null)
        {
            day = new LocalDay { AreaId = areaId, Date = date, Name = name };
            db.Add(day);
        }
        day.Name = name;
        day.IsOffDay = isOffDay;
        db.PendingAction = "calendar.local-day";
        await ChangedAsync(ct);
        return day;
    }

    public async Task RemoveLocalDayAsync(string areaId, DateOnly date, CancellationToken ct)
    {
        await AreaAsync(areaId, ct);
        var day = await db.Set<LocalDay>().FirstOrDefaultAsync(d => d.AreaId == areaId && d.Date == date, ct) ?? throw new NotFoundException("地方节假日");
        db.Remove(day);
        db.PendingAction = "calendar.local-day.remove";
        await ChangedAsync(ct);
    }

    private async Task AreaAsync(string areaId, CancellationToken ct)
    {
        if (!user.IsIn(Roles.Admin))
        {
            throw new ForbiddenException("只有系统管理员可以调整地方节假日");
        }
        var area = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == areaId, ct);
        if (area is null || !Org.Unit.IsArea(area.Kind))
        {
            throw new RuleException("calendar.bad_area", "请选择省、市或县（区）", 400);
        }
        await user.EnsureInAreaAsync(areaId, area.Name, ct);
    }

    private async Task ChangedAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await calendar.ReloadAsync(db, ct);
        foreach (var listener in listeners)
        {
            await listener.CalendarChangedAsync(ct);
        }
    }

    /// <summary>Loads every shipped year that the database does not have yet (a year loaded by an admin wins).</summary>
    public async Task LoadShippedAsync(CancellationToken ct)
    {
        var have = (await db.HolidayDays.Select(h => h.Year).Distinct().ToListAsync(ct)).ToHashSet();
        var asm = typeof(CalendarImport).Assembly;
        var add = new Dictionary<DateOnly, HolidayDay>();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.Contains(".holidays.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Order())
        {
            await using var stream = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var file = Parse(await reader.ReadToEndAsync(ct));
            if (file.Days.Count > 0 && !have.Contains(file.Year))
            {
                foreach (var d in file.Days)
                {
                    add[d.Date] = new HolidayDay { Date = d.Date, Year = file.Year, Name = d.Name, IsOffDay = d.IsOffDay };
                }
            }
        }
        await UpsertAsync(null, add.Values, replaceYear: false, ct);
        if (db.ChangeTracker.HasChanges())
        {
            db.PendingAction = "calendar.load-shipped";
            await db.SaveChangesAsync(ct);
        }
        await calendar.ReloadAsync(db, ct);
    }
}

/// <summary>Told after the calendar changes, e.g. to recompute deadlines that are still running.</summary>
public interface ICalendarListener
{
    Task CalendarChangedAsync(CancellationToken ct);
}
