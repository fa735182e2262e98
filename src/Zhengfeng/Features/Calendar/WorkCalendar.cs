using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Calendar;

// 工作日 Workday; 调休 MakeUpWorkday (a Saturday or Sunday worked in exchange for a holiday)

/// <summary>One listed day of the official calendar: a day off (holiday) or a make-up working day.</summary>
public sealed class HolidayDay
{
    public DateOnly Date { get; init; }
    public int Year { get; set; }
    public required string Name { get; set; }
    public bool IsOffDay { get; set; }
}

internal sealed class HolidayDayConfiguration : IEntityTypeConfiguration<HolidayDay>
{
    public void Configure(EntityTypeBuilder<HolidayDay> b)
    {
        b.HasKey(x => x.Date);
        b.Property(x => x.Name).HasMaxLength(50);
        b.HasIndex(x => x.Year);
    }
}

/// <summary>
/// A district's own exception to the official calendar (地方节假日): a local holiday, such as an ethnic festival an autonomous
/// county gives off, or a local working day. Deadlines of the district's cases count with it.
/// </summary>
public sealed class LocalDay
{
    public required string AreaId { get; init; }
    public DateOnly Date { get; init; }
    public required string Name { get; set; }
    public bool IsOffDay { get; set; }
}

internal sealed class LocalDayConfiguration : IEntityTypeConfiguration<LocalDay>
{
    public void Configure(EntityTypeBuilder<LocalDay> b)
    {
        b.HasKey(x => new { x.AreaId, x.Date });
        b.Property(x => x.AreaId).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(50);
    }
}

/// <summary>A computed deadline and, in words, how it was computed.</summary>
public sealed record Deadline(DateTimeOffset DueAt, string Explanation);

/// <summary>
/// The official working-day calendar and deadline arithmetic (China Standard Time). Days not listed follow the
/// plain rule: Monday–Friday work, Saturday–Sunday rest. Listed days override it (holidays off, 调休 on). A year
/// whose State Council notice is not loaded falls back to the statutory holidays (<see cref="StatutoryHolidays"/>).
/// A district's calendar (<see cref="For"/>) is the same with the district's own days (<see cref="LocalDay"/>) laid over it.
/// </summary>
public sealed class WorkCalendar
{
    private FrozenDictionary<DateOnly, HolidayDay> _days = FrozenDictionary<DateOnly, HolidayDay>.Empty;
    private FrozenSet<int> _years = FrozenSet<int>.Empty;
    private FrozenDictionary<string, FrozenDictionary<DateOnly, HolidayDay>> _local = FrozenDictionary<string, FrozenDictionary<DateOnly, HolidayDay>>.Empty;
    private readonly ConcurrentDictionary<int, FrozenDictionary<DateOnly, HolidayDay>> _statutory = new();

    // A district's view: the national calendar it reads through, and the district.
    private readonly WorkCalendar? _national;
    private readonly string? _areaId;

    public WorkCalendar()
    {
    }

    /// <summary>For pure tests: a calendar from the given days.</summary>
    public WorkCalendar(IEnumerable<HolidayDay> days, IEnumerable<int> years, IEnumerable<LocalDay>? local = null) => Set(days, years, local ?? []);

    private WorkCalendar(WorkCalendar national, string areaId) => (_national, _areaId) = (national, areaId);

    public IReadOnlySet<int> PublishedYears => (_national ?? this)._years;

    /// <summary>The district's calendar: the official one with the district's own days over it (this one when it has none).</summary>
    public WorkCalendar For(string? areaId)
    {
        var national = _national ?? this;
        return areaId is not null && national._local.ContainsKey(areaId) ? new WorkCalendar(national, areaId) : national;
    }

    /// <summary>The district's own days (none for the national calendar).</summary>
    public IEnumerable<HolidayDay> LocalDays
        => _areaId is not null && _national!._local.TryGetValue(_areaId, out var days) ? days.Values.OrderBy(d => d.Date) : [];

    public async Task ReloadAsync(AppDb db, CancellationToken ct)
    {
        var days = await db.HolidayDays.AsNoTracking().ToListAsync(ct);
        var local = await db.Set<LocalDay>().AsNoTracking().ToListAsync(ct);
        (_national ?? this).Set(days, days.Select(d => d.Year), local);
    }

    private void Set(IEnumerable<HolidayDay> days, IEnumerable<int> years, IEnumerable<LocalDay> local)
    {
        _days = days.ToFrozenDictionary(d => d.Date);
        _years = years.ToFrozenSet();
        _local = local.GroupBy(d => d.AreaId).ToFrozenDictionary(g => g.Key, g => g.ToFrozenDictionary(d => d.Date,
            d => new HolidayDay { Date = d.Date, Year = d.Date.Year, Name = d.Name, IsOffDay = d.IsOffDay }));
    }

    public bool IsWorkday(DateOnly date)
        => Listed(date) is { } listed ? !listed.IsOffDay : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The day as the district lists it, else as the notice lists it or, for a year without a notice, as the statute fixes it.
    /// </summary>
    public HolidayDay? Listed(DateOnly date)
    {
        if (_national is not null)
        {
            return _national._local.TryGetValue(_areaId!, out var own) && own.TryGetValue(date, out var day) ? day : _national.Listed(date);
        }
        return _days.GetValueOrDefault(date) ?? (IsCertain(date) ? null : Statutory(date.Year).GetValueOrDefault(date));
    }

    /// <summary>True when the official notice for the date's year is loaded; otherwise the statutory holidays stand in.</summary>
    public bool IsCertain(DateOnly date) => (_national ?? this)._years.Contains(date.Year);

    private FrozenDictionary<DateOnly, HolidayDay> Statutory(int year)
        => _statutory.GetOrAdd(year, static y => StatutoryHolidays.For(y).ToFrozenDictionary(d => d.Date));

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="from"/>. The start day itself is not counted
    /// (民法典 Art. 201: a period counts from the next day). Zero days gives the next working day on or after from.
    /// </summary>
    public DateOnly AddWorkdays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = from;
        if (days == 0)
        {
            while (!IsWorkday(date))
            {
                date = date.AddDays(1);
            }
            return date;
        }
        var counted = 0;
        while (counted < days)
        {
            date = date.AddDays(1);
            if (IsWorkday(date))
            {
                counted++;
            }
        }
        return date;
    }

    /// <summary>Working days strictly after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkdaysBetween(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkday(d))
            {
                n++;
            }
        }
        return n;
    }

    /// <summary>"N个工作日内": 24:00 (shown as 23:59:59) of the N-th working day after the day of the event.</summary>
    public Deadline WorkdayDeadline(DateTimeOffset start, int workdays)
    {
        var startDate = start.CstDate();
        var due = AddWorkdays(startDate, workdays);
        var why = new StringBuilder().Append(CultureInfo.InvariantCulture, $"自{startDate:yyyy-MM-dd}次日起算{workdays}个工作日");
        var skipped = SkippedHolidays(startDate, due);
        if (skipped.Count > 0)
        {
            why.Append("（跳过").Append(string.Join("、", skipped)).Append('）');
        }
        why.Append(CultureInfo.InvariantCulture, $"，截止{due:yyyy-MM-dd} 24:00");
        var uncertain = Enumerable.Range(startDate.Year, due.Year - startDate.Year + 1).Where(y => !IsCertain(new DateOnly(y, 1, 1))).ToList();
        if (uncertain.Count > 0)
        {
            why.Append(CultureInfo.InvariantCulture, $"；{string.Join("、", uncertain)}年国务院节假日安排尚未发布，")
                .Append("暂按《全国年节及纪念日放假办法》的法定节假日（逢周末补假）计算，发布后自动重算");
        }
        return new Deadline(ChinaTime.EndOfDay(due), why.ToString());
    }

    /// <summary>Clock-hour limits run from the moment of receipt (民法典 Art. 201 ¶2), holidays included.</summary>
    public static Deadline HourDeadline(DateTimeOffset start, int hours)
    {
        var due = start + TimeSpan.FromHours(hours);
        return new Deadline(due, $"自{ChinaTime.Format(start)}起{hours}小时（自然时间），截止{ChinaTime.Format(due)}");
    }

    private List<string> SkippedHolidays(DateOnly from, DateOnly to)
    {
        var names = new List<string>();
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (Listed(d) is { IsOffDay: true } h && !names.Contains(h.Name))
            {
                names.Add(h.Name);
            }
        }
        return names.Select(n => n + "假期").ToList();
    }
}
