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
    public void A_year_without_a_published_notice_falls_back_to_weekends_and_says_so()
    {
        Assert.False(Calendar.IsCertain(new DateOnly(2027, 10, 1)));
        Assert.True(Calendar.IsWorkday(new DateOnly(2027, 10, 1))); // a Friday, no notice yet
        Assert.Contains("尚未发布", Calendar.WorkdayDeadline(new DateTimeOffset(2027, 9, 29, 9, 0, 0, TimeSpan.FromHours(8)), 2).Explanation);
    }

    [Fact]
    public void Days_listed_in_a_neighbouring_years_file_are_keyed_by_date()
        => Assert.False(Calendar.IsWorkday(new DateOnly(2018, 12, 31))); // listed in 2019.json
}
