using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Import;

/// <summary>A data row: its number as a spreadsheet shows it (header = row 1 for CSV) and its cells by column position.</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells)
{
    public string Cell(int index) => index < Cells.Count ? Cells[index] : "";

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

public sealed record Sheet(IReadOnlyList<string> Header, IReadOnlyList<SheetRow> Rows);

/// <summary>
/// Reads an uploaded work-order export, .xlsx or CSV. The format is told by the content, never the file name:
/// an .xlsx is a ZIP archive and starts with "PK\x03\x04". CSV may be UTF-8 or, as many Chinese systems export it, GB18030.
/// </summary>
public static class SheetReader
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0];

    public static bool IsXlsx(ReadOnlySpan<byte> content) => content.StartsWith(ZipSignature);

    public static async Task<Sheet> ReadAsync(Stream upload, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        if (buffer.Length == 0)
        {
            throw Bad("文件为空");
        }
        if (buffer.Length > MaxBytes)
        {
            throw new RuleException("import.too_large", "文件过大（不超过10MB）", StatusCodes.Status413PayloadTooLarge);
        }
        var bytes = buffer.ToArray();
        if (bytes.AsSpan().StartsWith(OleSignature))
        {
            throw Bad("不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入");
        }
        var sheet = IsXlsx(bytes) ? ReadXlsx(bytes) : ReadCsv(bytes);
        if (sheet.Header.All(string.IsNullOrWhiteSpace))
        {
            throw Bad("文件没有表头行");
        }
        return sheet;
    }

    /// <summary>The separator (comma, semicolon, tab or bar) is detected; quoted fields may span lines (RFC 4180).</summary>
    private static Sheet ReadCsv(byte[] bytes)
    {
        using var csv = CsvReader.Create(new StringReader(Decode(bytes)), new CsvReaderOptions { HasHeader = true });
        var header = csv.Headers.Select(h => h.Trim()).ToList();
        var rows = new List<SheetRow>();
        while (csv.Read())
        {
            var cells = new string[csv.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = csv.GetString(i) ?? "";
            }
            rows.Add(new SheetRow((int)csv.RowNumber + 1, cells));
        }
        return new Sheet(header, rows);
    }

    /// <summary>UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise GB18030.</summary>
    private static string Decode(byte[] bytes)
    {
        var body = bytes.AsSpan();
        if (body.StartsWith(Encoding.UTF8.Preamble))
        {
            body = body[Encoding.UTF8.Preamble.Length..];
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(body);
        }
    }

    private static Sheet ReadXlsx(byte[] bytes)
    {
        try
        {
            using var workbook = new XLWorkbook(new MemoryStream(bytes));
            var used = workbook.Worksheets.First().RangeUsed();
            if (used is null)
            {
                return new Sheet([], []);
            }
            var first = used.FirstColumn().ColumnNumber();
            var last = used.LastColumn().ColumnNumber();
            var headerRow = used.FirstRow().RowNumber();
            var ws = used.Worksheet;
            var header = Enumerable.Range(first, last - first + 1).Select(c => Text(ws.Cell(headerRow, c)).Trim()).ToList();
            var rows = new List<SheetRow>();
            for (var r = headerRow + 1; r <= used.LastRow().RowNumber(); r++)
            {
                var row = r;
                rows.Add(new SheetRow(row, Enumerable.Range(first, last - first + 1).Select(c => Text(ws.Cell(row, c))).ToList()));
            }
            return new Sheet(header, rows);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw Bad("无法读取该 Excel 文件，请确认是有效的 .xlsx 文件");
        }
    }

    /// <summary>Numbers and dates are written invariantly, so the mapping's parsing rules do not depend on the sheet's display format.</summary>
    private static string Text(IXLCell cell) => cell.DataType switch
    {
        XLDataType.Number => cell.GetDouble().ToString(CultureInfo.InvariantCulture),
        XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => cell.GetString(),
    };

    private static RuleException Bad(string message) => new("import.bad_file", message, 400);
}
