using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Calendar;

public static class CalendarApi
{
    public sealed record DateResult(string Date, string Explanation);
    public sealed record WorkdayResult(string Date, bool IsWorkday, string? Holiday, bool Certain);
    public sealed record YearView(int Year, int OffDays, int MakeUpWorkdays);

    public static IServiceCollection AddCalendar(this IServiceCollection services)
        => services.AddSingleton<WorkCalendar>().AddScoped<CalendarImport>();

    public static void MapCalendar(this IEndpointRouteBuilder app)
    {
        // The official calendar is public information: the two look-ups need no login.
        var cal = app.MapGroup("/api/v1/calendar").WithTags("工作日");
        cal.MapGet("/add-workdays", AddWorkdays).AllowAnonymous();
        cal.MapGet("/is-workday", IsWorkday).AllowAnonymous();
        cal.MapGet("/years", Years).RequireAuthorization();
        cal.MapPost("/years", Import).RequireAuthorization(Policies.Admin).DisableAntiforgery();
    }

    private static Ok<DateResult> AddWorkdays(string? from, string? days, WorkCalendar calendar)
    {
        var start = WireDate.Parse(from, "from");
        if (!int.TryParse(days, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n is < 0 or > 3650)
        {
            throw new RuleException("calendar.bad_days", "days 应为 0 到 3650 之间的整数", 400);
        }
        var date = calendar.AddWorkdays(start, n);
        var why = calendar.WorkdayDeadline(ChinaTime.At(start, TimeOnly.MinValue), n).Explanation;
        return TypedResults.Ok(new DateResult(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), why));
    }

    private static Ok<WorkdayResult> IsWorkday(string? date, WorkCalendar calendar)
    {
        var d = WireDate.Parse(date, "date");
        return TypedResults.Ok(new WorkdayResult(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), calendar.IsWorkday(d), calendar.Listed(d)?.Name, calendar.IsCertain(d)));
    }

    private static async Task<Ok<List<YearView>>> Years(AppDb db, CancellationToken ct)
    {
        var rows = await db.HolidayDays.AsNoTracking().GroupBy(h => h.Year)
            .Select(g => new YearView(g.Key, g.Count(h => h.IsOffDay), g.Count(h => !h.IsOffDay)))
            .ToListAsync(ct);
        return TypedResults.Ok(rows.OrderBy(r => r.Year).ToList());
    }

    private static async Task<Ok<CalendarImport.YearSummary>> Import(HttpRequest request, CalendarImport import, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        if (body.Length > 1_000_000)
        {
            throw new RuleException("calendar.too_large", "文件过大（不超过1MB）", 400);
        }
        return TypedResults.Ok(await import.ImportAsync(CalendarImport.Parse(body), ct));
    }
}
