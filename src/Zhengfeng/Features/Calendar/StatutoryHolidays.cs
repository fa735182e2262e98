using System.Globalization;

namespace Zhengfeng.Features.Calendar;

/// <summary>
/// The days off that 《全国年节及纪念日放假办法》 (2024 revision, in force 2025) fixes by law, for a year whose State
/// Council notice is not loaded: 元旦 1 day, 春节 4 (除夕 to 正月初三), 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3. A day that
/// falls on a Saturday or Sunday is made up on the next working day (Art. 6). The notice's 调休 swaps cannot be
/// foreseen, so none are made up here; the notice replaces all of this when it is imported.
/// </summary>
public static class StatutoryHolidays
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>The century the 清明 approximation below holds for.</summary>
    public static bool Covers(int year) => year is >= 2000 and <= 2099;

    public static IReadOnlyList<HolidayDay> For(int year)
    {
        if (!Covers(year))
        {
            return [];
        }
        var fixedDays = new List<(DateOnly Date, string Name)>
        {
            (new DateOnly(year, 1, 1), "元旦"),
            (new DateOnly(year, 5, 1), "劳动节"), (new DateOnly(year, 5, 2), "劳动节"),
            (new DateOnly(year, 10, 1), "国庆节"), (new DateOnly(year, 10, 2), "国庆节"), (new DateOnly(year, 10, 3), "国庆节"),
            (QingMing(year), "清明节"),
            (LunarDate(year, 5, 5), "端午节"),
            (LunarDate(year, 8, 15), "中秋节"),
        };
        var newYear = LunarDate(year, 1, 1);
        for (var d = -1; d <= 2; d++)
        {
            fixedDays.Add((newYear.AddDays(d), "春节"));
        }
        var off = fixedDays.Where(d => d.Date.Year == year).GroupBy(d => d.Date).Select(g => g.First()).OrderBy(d => d.Date).ToList();
        var taken = off.Select(d => d.Date).ToHashSet();
        var days = off.Select(d => new HolidayDay { Date = d.Date, Year = year, Name = d.Name, IsOffDay = true }).ToList();
        foreach (var (date, name) in off.Where(d => IsWeekend(d.Date)))
        {
            var makeUp = date.AddDays(1);
            while (IsWeekend(makeUp) || taken.Contains(makeUp))
            {
                makeUp = makeUp.AddDays(1);
            }
            taken.Add(makeUp);
            days.Add(new HolidayDay { Date = makeUp, Year = makeUp.Year, Name = name, IsOffDay = true });
        }
        return days.OrderBy(d => d.Date).ToList();
    }

    private static bool IsWeekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>A day of the lunar year that begins in <paramref name="year"/>; a leap month shifts the months after it.</summary>
    private static DateOnly LunarDate(int year, int month, int day)
    {
        var leap = Lunar.GetLeapMonth(year);
        var index = leap > 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    /// <summary>
    /// 清明, the solar term, by the common 21st-century approximation of the sun reaching 15° (day = ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋
    /// in April, Y the last two digits of the year); it agrees with every notice shipped here.
    /// </summary>
    private static DateOnly QingMing(int year)
    {
        var y = year % 100;
        return new DateOnly(year, 4, (int)Math.Floor(y * 0.2422 + 4.81) - y / 4);
    }
}
