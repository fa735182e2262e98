using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Calendar;

/// <summary>
/// A year of the working-day calendar of a district (the official one with the district's own days over it), a deadline
/// calculator, and (admin) loading a new year's file and setting the district's own days.
/// </summary>
[RequestSizeLimit(2 * MaxFileBytes)]
public sealed class IndexModel(WorkCalendar national, CalendarImport import, TimeProvider clock, CurrentUser me, AppDb db, UnitTree tree) : WorkflowPage
{
    public const int MaxFileBytes = 1024 * 1024;
    private static readonly string[] WeekdayNames = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    public sealed record Day(DateOnly Date, string Css, string Title);
    public sealed record Month(int Number, int Blanks, IReadOnlyList<Day> Days);
    public sealed record Holiday(string Name, IReadOnlyList<DateOnly> OffDays, IReadOnlyList<DateOnly> MakeUpDays);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? Days { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }

    public sealed class LocalDayForm
    {
        public DateOnly? Date { get; set; }
        public string? Name { get; set; }
        public bool IsOffDay { get; set; } = true;
    }

    [BindProperty] public LocalDayForm Local { get; set; } = new();

    public DateOnly Today { get; private set; }
    public IReadOnlyList<Month> Months { get; private set; } = [];
    public IReadOnlyList<Holiday> Holidays { get; private set; } = [];
    public IReadOnlyList<int> YearChoices { get; private set; } = [];
    public bool IsPublished { get; private set; }
    public Deadline? Result { get; private set; }
    public string? DeadlineError { get; private set; }
    public bool CanImport => me.IsIn(Roles.Admin);
    public int ShownYear => Year ?? Today.Year;

    /// <summary>The areas whose calendars this user may look at: the user's own and those below it.</summary>
    public IReadOnlyList<UnitTree.Node> Areas { get; private set; } = [];
    public UnitTree.Node? ShownArea { get; private set; }
    public IReadOnlyList<HolidayDay> LocalDays { get; private set; } = [];

    private WorkCalendar? _calendar;
    private WorkCalendar calendar => _calendar ?? national;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (From is not null || Days is not null)
        {
            ComputeDeadline();
        }
    }

    public async Task<IActionResult> OnPostLocalAsync(CancellationToken ct)
    {
        if (Local.Date is not { } date)
        {
            ModelState.AddModelError("", "请填写日期");
            return await ShowAgainAsync(ct);
        }
        var day = await import.SetLocalDayAsync(Area ?? "", date, Local.Name, Local.IsOffDay, ct);
        TempData["Notice"] = $"已设置地方{(day.IsOffDay ? "假日" : "工作日")}：{day.Date:yyyy-MM-dd} {day.Name}，本辖区进行中的期限已重算";
        return RedirectToPage(new { area = Area, year = date.Year });
    }

    public async Task<IActionResult> OnPostRemoveLocalAsync(string? date, CancellationToken ct)
    {
        var day = WireDate.Parse(date, "date");
        await import.RemoveLocalDayAsync(Area ?? "", day, ct);
        TempData["Notice"] = $"已取消{day:yyyy-MM-dd}的地方调整，本辖区进行中的期限已重算";
        return RedirectToPage(new { area = Area, year = day.Year });
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (!CanImport)
        {
            return Forbid();
        }
        var summary = await import.ImportAsync(CalendarImport.Parse(await ReadAsync(file, ct)), ct);
        TempData["Notice"] = $"已导入{summary.Year}年节假日安排：放假{summary.OffDays}天，调休上班{summary.MakeUpWorkdays}天";
        return RedirectToPage(new { year = summary.Year });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        var nodes = await tree.GetAsync(db, ct);
        var mine = await me.AreaUnitsAsync(ct);
        Areas = nodes.Values.Where(n => Unit.IsArea(n.Kind) && (mine?.Contains(n.Id) ?? true))
            .OrderBy(n => UnitTree.PathOf(nodes, n.Id), StringComparer.Ordinal).ToList(); // the top first, each area before those below it
        Area ??= await me.AreaIdAsync(ct);
        ShownArea = Areas.FirstOrDefault(a => a.Id == Area);
        if (ShownArea is null)
        {
            Area = null;
        }
        _calendar = national.For(Area);
        LocalDays = calendar.LocalDays.ToList();
        Load();
    }

    public static string WeekdayOf(DateOnly date) => WeekdayNames[(int)date.DayOfWeek];

    /// <summary>"10月1日—10月7日" for a run of days, "10月1日" for one.</summary>
    public static string Span(IReadOnlyList<DateOnly> days)
    {
        var text = new StringBuilder();
        for (var i = 0; i < days.Count; i++)
        {
            var start = days[i];
            while (i + 1 < days.Count && days[i + 1] == days[i].AddDays(1))
            {
                i++;
            }
            text.Append(text.Length > 0 ? "、" : "").Append(CultureInfo.InvariantCulture, $"{start.Month}月{start.Day}日");
            if (days[i] != start)
            {
                text.Append(CultureInfo.InvariantCulture, $"—{days[i].Month}月{days[i].Day}日");
            }
        }
        return text.ToString();
    }

    private static async Task<string> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            throw new RuleException("calendar.no_file", "请选择要导入的 JSON 文件", 400);
        }
        if (file.Length > MaxFileBytes)
        {
            throw new RuleException("calendar.too_large", "文件过大（不超过1MB）", 400);
        }
        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(ct);
    }

    private void Load()
    {
        Today = clock.GetUtcNow().CstDate();
        var year = ShownYear;
        if (year is < 2000 or > 2100)
        {
            Year = year = Today.Year;
        }
        IsPublished = calendar.IsCertain(new DateOnly(year, 1, 1));
        YearChoices = calendar.PublishedYears.Append(Today.Year - 1).Append(Today.Year).Append(Today.Year + 1).Append(year)
            .Distinct().Order().ToList();

        var months = new List<Month>();
        var offs = new Dictionary<string, List<DateOnly>>();
        var makeUps = new Dictionary<string, List<DateOnly>>();
        for (var m = 1; m <= 12; m++)
        {
            var first = new DateOnly(year, m, 1);
            var days = new List<Day>();
            for (var d = first; d.Month == m; d = d.AddDays(1))
            {
                var listed = calendar.Listed(d);
                var local = LocalDays.Any(l => l.Date == d) ? " local" : "";
                var (css, title) = listed switch
                {
                    { IsOffDay: true } => ("off", $"{listed.Name}（放假）"),
                    { IsOffDay: false } => ("makeup", $"{listed.Name}（调休上班）"),
                    _ when d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday => ("rest", "休息日"),
                    _ => ("", "工作日"),
                };
                if (listed is not null)
                {
                    (listed.IsOffDay ? offs : makeUps).TryAdd(listed.Name, []);
                    (listed.IsOffDay ? offs : makeUps)[listed.Name].Add(d);
                }
                days.Add(new Day(d, css + local + (d == Today ? " today" : ""), $"{d:yyyy-MM-dd} {WeekdayOf(d)} {title}{(local.Length > 0 ? "（地方）" : "")}"));
            }
            // Weeks start on Monday.
            months.Add(new Month(m, ((int)first.DayOfWeek + 6) % 7, days));
        }
        Months = months;
        Holidays = offs.Keys.Concat(makeUps.Keys).Distinct()
            .Select(name => new Holiday(name, offs.GetValueOrDefault(name) ?? [], makeUps.GetValueOrDefault(name) ?? []))
            .OrderBy(h => h.OffDays.Count > 0 ? h.OffDays[0] : h.MakeUpDays[0])
            .ToList();
    }

    private void ComputeDeadline()
    {
        if (!DateOnly.TryParseExact(From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) || from.Year is < 2000 or > 2100)
        {
            DeadlineError = "请填写有效的起算日期";
            return;
        }
        if (!int.TryParse(Days, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) || days is < 0 or > 3650)
        {
            DeadlineError = "工作日数应为 0 到 3650 之间的整数";
            return;
        }
        Result = calendar.WorkdayDeadline(ChinaTime.At(from, TimeOnly.MinValue), days);
    }
}
