using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ClosedXML.Excel;

namespace Zhengfeng.Tests.Attendance;

/// <summary>Exports as the terminals write them: a ZKTeco punch log (CSV, one row per punch) and a DingTalk daily sheet (.xlsx).</summary>
public static class AttendanceFiles
{
    /// <summary>The two weeks of October 2026 the tests import: 12–16 and 19–23, all working days.</summary>
    public static readonly DateOnly[] TwoWeeks = [.. Enumerable.Range(12, 12).Select(d => new DateOnly(2026, 10, d)).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))];

    public static string Zkteco(IEnumerable<(string No, string Name, DateOnly Day, string Time)> punches)
    {
        var csv = new StringBuilder("工号,姓名,部门,日期时间\r\n");
        foreach (var p in punches)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{p.No},{p.Name},办公室,{p.Day:yyyy-MM-dd} {p.Time}\r\n");
        }
        return csv.ToString();
    }

    public static byte[] DingTalk(IEnumerable<(string Name, string No, DateOnly Day, string In, string Out)> rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("每日统计");
        string[] header = ["姓名", "工号", "部门", "日期", "上班打卡时间", "下班打卡时间"];
        for (var c = 0; c < header.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(header[c]);
        }
        var r = 2;
        foreach (var row in rows)
        {
            sheet.Cell(r, 1).SetValue(row.Name);
            sheet.Cell(r, 2).SetValue(row.No);
            sheet.Cell(r, 3).SetValue("综合科");
            sheet.Cell(r, 4).SetValue(row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 星期" + "日一二三四五六"[(int)row.Day.DayOfWeek]);
            sheet.Cell(r, 5).SetValue(row.In);
            sheet.Cell(r, 6).SetValue(row.Out);
            r++;
        }
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string url, byte[] content, string fileName)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await client.PostAsync(url, new MultipartFormDataContent { { file, "file", fileName } });
    }
}
