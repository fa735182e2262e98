using System.Net;
using System.Text;

namespace Zhengfeng.Tests.Calendar;

public sealed class CalendarApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("2026-09-30", 5, "2026-10-13")]
    [InlineData("2025-09-30", 1, "2025-10-09")]
    [InlineData("2024-02-09", 1, "2024-02-18")]
    public async Task Add_workdays_gives_the_official_date(string from, int days, string expected)
    {
        var result = await app.Anonymous().GetOkAsync($"/api/v1/calendar/add-workdays?from={from}&days={days}");
        Assert.Equal(expected, result.GetProperty("date").GetString());
    }

    [Theory]
    [InlineData("2026-10-10", true)]
    [InlineData("2026-10-05", false)]
    [InlineData("2025-02-08", true)]
    public async Task Is_workday_answers_for_make_up_days_and_holidays(string date, bool expected)
    {
        var result = await app.Anonymous().GetOkAsync($"/api/v1/calendar/is-workday?date={date}");
        Assert.Equal(date, result.GetProperty("date").GetString());
        Assert.Equal(expected, result.GetProperty("isWorkday").GetBoolean());
    }

    [Theory]
    [InlineData("/api/v1/calendar/is-workday?date=2026-13-01")]
    [InlineData("/api/v1/calendar/is-workday")]
    [InlineData("/api/v1/calendar/add-workdays?from=2026-10-01&days=-1")]
    [InlineData("/api/v1/calendar/add-workdays?from=yesterday&days=1")]
    public async Task Bad_input_gets_a_400_with_a_chinese_message(string url)
    {
        var detail = await (await app.Anonymous().GetAsync(url)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Matches("[\u4e00-\u9fff]", detail);
    }

    [Fact]
    public async Task Admin_loads_a_new_years_calendar_and_it_takes_effect()
    {
        await using var own = await AppFactory.StartAsync(); // changes the county's calendar: its own app
        var admin = await own.AdminAsync();
        // Before the notice the statutory days stand in: 10-06 is worked, the Saturday 10-09 is not.
        Assert.True((await admin.GetOkAsync("/api/v1/calendar/is-workday?date=2027-10-06")).GetProperty("isWorkday").GetBoolean());
        Assert.False((await admin.GetOkAsync("/api/v1/calendar/is-workday?date=2027-10-09")).GetProperty("isWorkday").GetBoolean());
        const string json = """
            {"year":2027,"days":[{"name":"国庆节","date":"2027-10-01","isOffDay":true},{"name":"国庆节","date":"2027-10-06","isOffDay":true},{"name":"国庆节","date":"2027-10-09","isOffDay":false}]}
            """;
        var response = await admin.PostAsync("/api/v1/calendar/years", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await admin.GetOkAsync("/api/v1/calendar/is-workday?date=2027-10-06")).GetProperty("isWorkday").GetBoolean());
        Assert.True((await admin.GetOkAsync("/api/v1/calendar/is-workday?date=2027-10-09")).GetProperty("isWorkday").GetBoolean());
        var years = await admin.GetOkAsync("/api/v1/calendar/years");
        Assert.Contains(years.EnumerateArray(), y => y.GetProperty("year").GetInt32() == 2027);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"days":[]}""")]
    [InlineData("""{"year":2028,"days":[{"name":"元旦","date":"2028/01/01","isOffDay":true}]}""")]
    [InlineData("""{"year":2028,"days":[{"name":"元旦","date":"2028-01-01","isOffDay":true},{"name":"元旦","date":"2028-01-01","isOffDay":true}]}""")]
    public async Task A_malformed_calendar_file_is_refused_and_nothing_changes(string json)
    {
        var admin = await app.AdminAsync();
        var response = await admin.PostAsync("/api/v1/calendar/years", new StringContent(json, Encoding.UTF8, "application/json"));
        await response.ProblemAsync(HttpStatusCode.BadRequest);
        var years = await admin.GetOkAsync("/api/v1/calendar/years");
        Assert.DoesNotContain(years.EnumerateArray(), y => y.GetProperty("year").GetInt32() == 2028);
    }

    [Fact]
    public async Task Only_an_admin_may_load_a_calendar()
    {
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(app);
        var staff = await admin.UserAsync(app, unit, "unit");
        var response = await staff.PostAsync("/api/v1/calendar/years", new StringContent("""{"year":2029,"days":[]}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
