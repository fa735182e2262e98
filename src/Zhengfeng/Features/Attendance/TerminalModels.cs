using System.Globalization;
using Zhengfeng.Features.Import;

namespace Zhengfeng.Features.Attendance;

/// <summary>A punch as read from one row of a terminal's export, before the cadre is matched.</summary>
public sealed record RawPunch(int Row, string? TerminalNo, string? Name, string? Department, DateTimeOffset At);

/// <summary>
/// The column mapping of one sign-in terminal model (考勤机型号). Some machines export one row per punch (工号, 姓名, 日期时间);
/// others one row per person and day with the first and last punch (日期, 上班打卡时间, 下班打卡时间).
/// </summary>
/// <param name="Id">The county's own model's id; null for a built-in one.</param>
public sealed record TerminalModel(string Code, string Name, string Description, string[] NoColumns, string[] NameColumns, string[] DepartmentColumns,
    string[] DateTimeColumns, string[] DateColumns, string[] InColumns, string[] OutColumns, string? Id = null)
{
    public bool Daily => DateTimeColumns.Length == 0;

    public bool BuiltIn => Id is null;

    public TerminalKind Kind => Daily ? TerminalKind.Daily : TerminalKind.Punch;

    public static string KindLabel(TerminalKind kind) => kind == TerminalKind.Daily ? "每人每天一行" : "每次打卡一行";

    /// <summary>The header names a sample of this model's export has, for the page.</summary>
    public string SampleHeader => string.Join("，", new[] { NoColumns, NameColumns, DepartmentColumns, DateTimeColumns, DateColumns, InColumns, OutColumns }
        .Where(c => c.Length > 0).Select(c => c[0]));

    public static readonly TerminalModel Zkteco = new("zkteco", "人脸指纹考勤机（中控智慧考勤记录导出）",
        "每次打卡一行：工号、姓名、部门、日期时间", ["工号", "人员编号", "考勤号码", "用户编号"], ["姓名", "人员姓名"], ["部门", "部门名称"],
        ["日期时间", "打卡时间", "考勤时间", "签到时间"], [], [], []);

    public static readonly TerminalModel DingTalk = new("dingtalk", "钉钉考勤（每日统计表导出）",
        "每人每天一行：姓名、工号、日期、上班打卡时间、下班打卡时间", ["工号", "考勤号"], ["姓名"], ["部门"],
        [], ["日期", "考勤日期"], ["上班打卡时间", "上班1打卡时间", "上班时间"], ["下班打卡时间", "下班1打卡时间", "下班时间"]);

    public static readonly IReadOnlyList<TerminalModel> All = [Zkteco, DingTalk];

    /// <summary>The county's own model, read like a built-in one.</summary>
    public static TerminalModel From(CustomTerminal t)
    {
        string[] Of(string text) => CustomTerminals.Lines(text);
        var model = new TerminalModel(t.Code, t.Name, "", Of(t.NoColumns), Of(t.NameColumns), Of(t.DepartmentColumns),
            t.Kind == TerminalKind.Daily ? [] : Of(t.DateTimeColumns), Of(t.DateColumns), Of(t.InColumns), Of(t.OutColumns), t.Id);
        return model with { Description = $"{KindLabel(t.Kind)}：{model.SampleHeader.Replace("，", "、", StringComparison.Ordinal)}" };
    }

    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm", "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm",
        "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm",
    ];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy/M/d", "yyyyMMdd", "yyyy-MM-dd HH:mm:ss"];

    private static readonly string[] TimeFormats = ["HH:mm:ss", "HH:mm", "H:mm:ss", "H:mm"];

    /// <summary>The column positions this model reads, or the Chinese list of what the header lacks.</summary>
    public (Columns? Columns, string? Missing) Locate(IReadOnlyList<string> header)
    {
        int Find(string[] names) => names.Length == 0 ? -1
            : header.Select((h, i) => (h, i)).Where(x => names.Contains(x.h.Trim())).Select(x => x.i).DefaultIfEmpty(-1).First();
        var c = new Columns(Find(NoColumns), Find(NameColumns), Find(DepartmentColumns), Find(DateTimeColumns), Find(DateColumns), Find(InColumns), Find(OutColumns));
        var missing = new List<string>();
        if (c.No < 0 && c.Name < 0)
        {
            missing.Add(string.Join("或", NoColumns.Take(1).Concat(NameColumns.Take(1)).Select(n => $"“{n}”")));
        }
        if (Daily)
        {
            missing.AddRange(new[] { (c.Date, DateColumns[0]), (c.In, InColumns[0]), (c.Out, OutColumns[0]) }.Where(x => x.Item1 < 0).Select(x => $"“{x.Item2}”"));
        }
        else if (c.DateTime < 0)
        {
            missing.Add($"“{DateTimeColumns[0]}”");
        }
        return missing.Count == 0 ? (c, null) : (null, string.Join("、", missing));
    }

    /// <summary>The punches of one row (a daily row gives up to two), or the Chinese reason it cannot be read.</summary>
    public (List<RawPunch> Punches, string? Error) Read(SheetRow row, Columns c)
    {
        var no = Clean(row, c.No);
        var name = Clean(row, c.Name);
        var dept = Clean(row, c.Department);
        if (no is null && name is null)
        {
            return ([], "没有工号和姓名");
        }
        if (!Daily)
        {
            var text = Clean(row, c.DateTime);
            return TryDateTime(text, out var at) ? ([new RawPunch(row.Number, no, name, dept, at)], null) : ([], $"打卡时间“{text}”无法识别，应如 2026-10-08 08:56:12");
        }
        var dayText = Clean(row, c.Date);
        if (!TryDate(dayText, out var day))
        {
            return ([], $"日期“{dayText}”无法识别，应如 2026-10-08");
        }
        var punches = new List<RawPunch>();
        foreach (var col in new[] { c.In, c.Out })
        {
            var t = Clean(row, col);
            if (t is null || t is "未打卡" or "缺卡" or "--" or "-" or "/")
            {
                continue;
            }
            if (!TryTime(t, out var time))
            {
                return ([], $"打卡时间“{t}”无法识别，应如 08:56 或 08:56:12");
            }
            punches.Add(new RawPunch(row.Number, no, name, dept, Web.ChinaTime.At(day, time)));
        }
        return (punches, null);
    }

    private static string? Clean(SheetRow row, int index)
    {
        if (index < 0)
        {
            return null;
        }
        var text = row.Cell(index).Trim();
        return text.Length == 0 ? null : text;
    }

    private static bool TryDateTime(string? text, out DateTimeOffset at)
    {
        at = default;
        if (text is null || !DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }
        at = new DateTimeOffset(local, Web.ChinaTime.Offset);
        return true;
    }

    private static bool TryDate(string? text, out DateOnly day)
    {
        day = default;
        // 钉钉 writes the weekday after the date: "2026-10-08 星期四"
        var head = text?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } parts && !parts[^1].Contains(':', StringComparison.Ordinal)
            ? parts[0] : text;
        if (head is null || !DateTime.TryParseExact(head, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return false;
        }
        day = DateOnly.FromDateTime(d);
        return true;
    }

    private static bool TryTime(string text, out TimeOnly time)
    {
        // an .xlsx time cell is read as a date and time on 1899-12-31
        var t = text.Contains(' ', StringComparison.Ordinal) ? text[(text.LastIndexOf(' ') + 1)..] : text;
        return TimeOnly.TryParseExact(t, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    public sealed record Columns(int No, int Name, int Department, int DateTime, int Date, int In, int Out);
}
