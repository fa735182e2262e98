using ClosedXML.Excel;

namespace Zhengfeng.Tests;

/// <summary>Spreadsheets as a clerk uploads them: every cell typed as text, the first row the header.</summary>
public static class TestSheets
{
    public static byte[] Xlsx(string sheetName, params string[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(sheetName);
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                sheet.Cell(r + 1, c + 1).SetValue(rows[r][c]).DataType = XLDataType.Text;
            }
        }
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }
}
