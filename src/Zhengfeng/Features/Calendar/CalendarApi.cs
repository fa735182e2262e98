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
    public sealed record LocalDayView(string AreaId, string Date, string Name, bool IsOffDay);
    public sealed record LocalDayRequest(string? Name, bool IsOffDay = true);

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
        // A district's own days (地方节假日): public like the calendar, set by the admin of the district or above.
        cal.MapGet("/local-days", LocalDays).AllowAnonymous();
        cal.MapPut("/local-days/{areaId}/{date}", SetLocalDay).RequireAuthorization(Policies.Admin);
        cal.MapDelete("/local-days/{areaId}/{date}", RemoveLocalDay).RequireAuthorization(Policies.Admin);
    }

    private static Ok<List<LocalDayView>> LocalDays(string? areaId, WorkCalendar calendar)
        => TypedResults.Ok(calendar.For(areaId).LocalDays.Select(d => View(areaId!, d.Date, d.Name, d.IsOffDay)).ToList());

    private static async Task<Ok<LocalDayView>> SetLocalDay(string areaId, string date, LocalDayRequest r, CalendarImport import, CancellationToken ct)
    {
        var day = await import.SetLocalDayAsync(areaId, WireDate.Parse(date, "date"), r.Name, r.IsOffDay, ct);
        return TypedResults.Ok(View(day.AreaId, day.Date, day.Name, day.IsOffDay));
    }

    private static async Task<NoContent> RemoveLocalDay(string areaId, string date, CalendarImport import, CancellationToken ct)
    {
        await import.RemoveLocalDayAsync(areaId, WireDate.Parse(date, "date"), ct);
        return TypedResults.NoContent();
    }

    private static LocalDayView View(string areaId, DateOnly date, string name, bool isOffDay)
        => new(areaId, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), name, isOffDay);

    /// <param name="areaId">A district: its own days count too.</param>
    private static Ok<DateResult> AddWorkdays(string? from, string? days, string? areaId, WorkCalendar national)
    {
        var calendar = national.For(areaId);
        var start = WireDate.Parse(from, "from");
        if (!int.TryParse(days, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n is < 0 or > 3650)
        {
            throw new RuleException("calendar.bad_days", "days 应为 0 到 3650 之间的整数", 400);
        }
        var date = calendar.AddWorkdays(start, n);
        var why = calendar.WorkdayDeadline(ChinaTime.At(start, TimeOnly.MinValue), n).Explanation;
        return TypedResults.Ok(new DateResult(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), why));
    }

    private static Ok<WorkdayResult> IsWorkday(string? date, string? areaId, WorkCalendar national)
    {
        var calendar = national.For(areaId);
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
