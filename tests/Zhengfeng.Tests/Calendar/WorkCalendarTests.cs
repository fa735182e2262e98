using System.Globalization;
using Zhengfeng.Features.Calendar;

namespace Zhengfeng.Tests.Calendar;

/// <summary>The shipped official calendar, on the holiday periods of 2024–2026 and their make-up working days.</summary>
public sealed class WorkCalendarTests
{
    private static readonly WorkCalendar Calendar = Shipped();

    private static WorkCalendar Shipped()
    {
        var asm = typeof(WorkCalendar).Assembly;
        var days = new List<HolidayDay>();
        var years = new List<int>();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(asm.GetManifestResourceStream(name)!);
            var file = CalendarImport.Parse(reader.ReadToEnd());
            if (file.Days.Count > 0)
            {
                years.Add(file.Year);
                days.AddRange(file.Days.Select(d => new HolidayDay { Date = d.Date, Year = file.Year, Name = d.Name, IsOffDay = d.IsOffDay }));
            }
        }
        return new WorkCalendar(days, years);
    }

    [Theory]
    // Spring Festival 2024: 02-10..02-17 off; make-up Sunday 02-04 and Sunday 02-18 worked; 除夕 02-09 was a working Friday
    [InlineData("2024-02-09", true)]
    [InlineData("2024-02-12", false)]
    [InlineData("2024-02-17", false)]
    [InlineData("2024-02-04", true)]
    [InlineData("2024-02-18", true)]
    [InlineData("2024-02-19", true)]
    // National Day 2024: 10-01..10-07 off; make-up 09-29 (Sun) and 10-12 (Sat)
    [InlineData("2024-10-01", false)]
    [InlineData("2024-10-07", false)]
    [InlineData("2024-09-29", true)]
    [InlineData("2024-10-12", true)]
    // Spring Festival 2025: 01-28..02-04 off; make-up 01-26 (Sun) and 02-08 (Sat)
    [InlineData("2025-01-28", false)]
    [InlineData("2025-02-04", false)]
    [InlineData("2025-01-26", true)]
    [InlineData("2025-02-08", true)]
    [InlineData("2025-02-05", true)]
    // National Day and Mid-Autumn 2025: 10-01..10-08 off; make-up 09-28 (Sun) and 10-11 (Sat)
    [InlineData("2025-10-08", false)]
    [InlineData("2025-09-28", true)]
    [InlineData("2025-10-11", true)]
    [InlineData("2025-10-09", true)]
    // Spring Festival 2026: 02-15..02-23 off; make-up 02-14 (Sat) and 02-28 (Sat)
    [InlineData("2026-02-14", true)]
    [InlineData("2026-02-16", false)]
    [InlineData("2026-02-23", false)]
    [InlineData("2026-02-24", true)]
    [InlineData("2026-02-28", true)]
    // National Day 2026: 10-01..10-07 off; make-up 09-20 (Sun) and 10-10 (Sat)
    [InlineData("2026-10-01", false)]
    [InlineData("2026-10-07", false)]
    [InlineData("2026-09-20", true)]
    [InlineData("2026-10-10", true)]
    [InlineData("2026-10-11", false)]
    // Plain weekends and weekdays
    [InlineData("2026-11-21", false)]
    [InlineData("2026-11-23", true)]
    public void Official_days_off_and_make_up_workdays(string date, bool isWorkday)
        => Assert.Equal(isWorkday, Calendar.IsWorkday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    // The day of receipt is not counted (民法典 Art. 201); holidays are skipped and make-up days counted.
    [InlineData("2026-09-30", 5, "2026-10-13")] // 10-08, 09, 10 (make-up Sat), 12, 13
    [InlineData("2026-09-30", 1, "2026-10-08")]
    [InlineData("2026-09-18", 1, "2026-09-20")] // Friday -> make-up Sunday 09-20
    [InlineData("2026-02-13", 1, "2026-02-14")] // Friday -> make-up Saturday before Spring Festival
    [InlineData("2026-02-13", 2, "2026-02-24")]
    [InlineData("2025-01-24", 2, "2025-01-27")] // Fri -> Sun 01-26 (make-up), Mon 01-27
    [InlineData("2025-01-27", 1, "2025-02-05")]
    [InlineData("2024-09-30", 1, "2024-10-08")]
    [InlineData("2024-02-08", 3, "2024-02-19")] // 02-09 (eve, worked), festival off, 02-18 (make-up Sun), 02-19
    [InlineData("2026-11-20", 5, "2026-11-27")] // ordinary week
    [InlineData("2026-11-21", 0, "2026-11-23")] // zero days: the next working day on or after
    public void Adding_workdays_follows_the_official_calendar(string from, int days, string expected)
    {
        var start = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Calendar.AddWorkdays(start, days));
    }

    [Fact]
    public void Workday_deadline_ends_at_the_end_of_the_last_day_in_china_time_and_says_why()
    {
        var received = new DateTimeOffset(2026, 9, 30, 16, 30, 0, TimeSpan.FromHours(8));
        var deadline = Calendar.WorkdayDeadline(received, 5);
        Assert.Equal(new DateTimeOffset(2026, 10, 13, 23, 59, 59, TimeSpan.FromHours(8)), deadline.DueAt);
        Assert.Contains("国庆节", deadline.Explanation);
        Assert.Contains("2026-10-13", deadline.Explanation);
    }

    [Fact]
    public void Receipt_late_in_the_evening_utc_counts_from_the_china_date()
    {
        // 2026-09-30 17:00 UTC is already 2026-10-01 01:00 in China: counting starts from 10-01.
        var received = new DateTimeOffset(2026, 9, 30, 17, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 10, 8, 23, 59, 59, TimeSpan.FromHours(8)), Calendar.WorkdayDeadline(received, 1).DueAt);
    }

    [Fact]
    public void Hour_limits_run_on_the_clock_through_holidays()
    {
        var received = new DateTimeOffset(2026, 10, 1, 10, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(received.AddHours(24), WorkCalendar.HourDeadline(received, 24).DueAt);
    }

    [Fact]
    public void A_year_without_a_published_notice_falls_back_to_the_statutory_holidays_and_says_so()
    {
        Assert.False(Calendar.IsCertain(new DateOnly(2027, 10, 1)));
        Assert.False(Calendar.IsWorkday(new DateOnly(2027, 10, 1))); // 国庆, a Friday: off by law even before the notice
        Assert.False(Calendar.IsWorkday(new DateOnly(2027, 10, 5))); // 10-02 and 10-03 fall on the weekend: made up on 10-04 and 10-05
        Assert.True(Calendar.IsWorkday(new DateOnly(2027, 10, 6)));
        Assert.False(Calendar.IsWorkday(new DateOnly(2027, 9, 26))); // no 调休 is foreseen: the Sunday before stays a rest day

        var why = Calendar.WorkdayDeadline(new DateTimeOffset(2027, 9, 29, 9, 0, 0, TimeSpan.FromHours(8)), 2).Explanation;
        Assert.Contains("2027年国务院节假日安排尚未发布", why);
        Assert.Contains("全国年节及纪念日放假办法", why);
        Assert.Contains("国庆节假期", why);
    }

    [Theory]
    // 元旦 2027 is a Friday; 元旦 2028 a Saturday, made up on Monday 01-03 (Art. 6)
    [InlineData("2026-12-31", 1, "2027-01-04")]
    [InlineData("2027-12-31", 1, "2028-01-04")]
    // 春节 2027: 除夕 02-05 (Fri) to 初三 02-08 (Mon); 02-06 and 02-07 fall on the weekend, made up on 02-09 and 02-10
    [InlineData("2027-02-04", 1, "2027-02-11")]
    // 劳动节 2027: 05-01 (Sat) and 05-02 (Sun), made up on 05-03 and 05-04
    [InlineData("2027-04-30", 1, "2027-05-05")]
    public void Deadlines_across_statutory_holidays_of_a_year_without_notice(string from, int days, string due)
    {
        var start = DateOnly.Parse(from, CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.Parse(due, CultureInfo.InvariantCulture), Calendar.AddWorkdays(start, days));
    }

    [Fact]
    public void The_statutory_days_agree_with_every_shipped_notice()
    {
        // Each notice of 2025 onwards (the 2024 revision: 春节 from 除夕, 劳动节 two days) gives every statutory day off.
        foreach (var year in Calendar.PublishedYears.Where(y => y >= 2025))
        {
            var all = StatutoryHolidays.For(year);
            var statutory = all.Where(d => d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
            Assert.Equal(13 + (all.Count - statutory.Count), all.Count); // 13 days by law, and one make-up day per weekend one
            foreach (var day in statutory)
            {
                Assert.True(Calendar.Listed(day.Date) is { IsOffDay: true }, $"{day.Date:yyyy-MM-dd} {day.Name} is not off in the {year} notice");
            }
        }
        // Before the revision the lunar and solar-term dates still agree: 清明, 端午, 中秋 and 春节 itself.
        foreach (var year in Calendar.PublishedYears.Where(y => y < 2025))
        {
            foreach (var day in StatutoryHolidays.For(year).Where(d => d.Name is "清明节" or "端午节" or "中秋节").Where(d => d.Date.Year == year).Take(3))
            {
                Assert.True(Calendar.Listed(day.Date) is { IsOffDay: true }, $"{day.Date:yyyy-MM-dd} {day.Name} is not off in the {year} notice");
            }
        }
    }

    [Fact]
    public void Days_listed_in_a_neighbouring_years_file_are_keyed_by_date()
        => Assert.False(Calendar.IsWorkday(new DateOnly(2018, 12, 31))); // listed in 2019.json
}
