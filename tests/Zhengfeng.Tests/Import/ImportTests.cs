using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Xunit.Abstractions;

namespace Zhengfeng.Tests.Import;

public sealed class ImportTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    private const string Header = "Unique Key,Created Date,Complaint Type,Descriptor,Resolution Description,Incident Address,Latitude,Longitude";

    private static readonly string NycSample = Path.Combine(AppContext.BaseDirectory, "Fixtures", "311_nyc_sample.csv");

    [Fact]
    public async Task Nyc_311_sample_imports_every_row_and_a_second_import_skips_them_all()
    {
        var op = await OperatorAsync();
        var mappingId = await NycMappingAsync(op);
        var file = await File.ReadAllBytesAsync(NycSample);

        var watch = Stopwatch.StartNew();
        var first = await ImportOkAsync(op, mappingId, file, "311_nyc_sample.csv");
        output.WriteLine($"999 rows imported in {watch.ElapsedMilliseconds} ms (server: {first.GetProperty("elapsedMs").GetInt64()} ms)");
        Assert.Equal(999, first.GetProperty("imported").GetInt32());
        Assert.Equal(0, first.GetProperty("skipped").GetInt32());
        Assert.Equal(0, first.GetProperty("failed").GetInt32());

        var second = await ImportOkAsync(op, mappingId, file, "311_nyc_sample.csv");
        Assert.Equal(0, second.GetProperty("imported").GetInt32());
        Assert.Equal(999, second.GetProperty("skipped").GetInt32());
        Assert.Equal(0, second.GetProperty("failed").GetInt32());

        // Row 19937901: 03/01/2011 10:41:13 AM in New York (-05:00) is 23:41:13 the same day in China.
        var found = await op.GetOkAsync("/api/v1/cases?q=186%2025%20STREET&from=2011-03-01&to=2011-03-01&pageSize=50");
        var c = found.GetProperty("items").EnumerateArray().First(i => i.GetProperty("content").GetString()!.Contains("Street Sign - Dangling", StringComparison.Ordinal));
        Assert.Equal("import", c.GetProperty("channel").GetString());
        Assert.Equal("other", c.GetProperty("categoryCode").GetString());
        Assert.Equal("2011-03-01T23:41:13+08:00", c.GetProperty("registeredAt").GetString());
        Assert.Equal(40.660811976282695, c.GetProperty("lat").GetDouble(), 9);
        Assert.Contains("The Department of Transportation has completed", c.GetProperty("content").GetString(), StringComparison.Ordinal);

        // The sample's 226 residential noise rows, 1-3 March 2011 in New York; no other test imports into those days.
        var noise = await op.GetOkAsync("/api/v1/cases?q=Noise%20-%20Residential&categoryCode=environment&from=2011-03-01&to=2011-03-04&pageSize=1");
        Assert.Equal(226, noise.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_bad_row_is_reported_by_row_and_column_and_the_others_are_imported()
    {
        var op = await OperatorAsync();
        var mappingId = await NycMappingAsync(op);
        var csv = Csv(
            Row(app.Unique("k"), lat: "40.7"),
            Row(app.Unique("k"), lat: "abc"),
            Row("", lat: "40.7"),
            Row(app.Unique("k"), lat: "40.7"));

        var result = await ImportOkAsync(op, mappingId, csv, "orders.csv");

        Assert.Equal(2, result.GetProperty("imported").GetInt32());
        Assert.Equal(2, result.GetProperty("failed").GetInt32());
        var errors = result.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 3 && e.GetProperty("column").GetString() == "Latitude"
            && e.GetProperty("message").GetString()!.Contains("纬度", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 4 && e.GetProperty("column").GetString() == "Unique Key"
            && e.GetProperty("message").GetString() == "编号为空");
    }

    [Fact]
    public async Task An_xlsx_built_in_excel_imports_too()
    {
        var op = await OperatorAsync();
        var mappingId = await NycMappingAsync(op);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("工单");
        var header = Header.Split(',');
        for (var i = 0; i < header.Length; i++)
        {
            sheet.Cell(1, i + 1).Value = header[i];
        }
        for (var r = 2; r <= 4; r++)
        {
            sheet.Cell(r, 1).Value = 90_000_000 + r;
            sheet.Cell(r, 2).Value = r == 2 ? new DateTime(2011, 5, 3, 14, 0, 0) : (object)"05/03/2011 02:00:00 PM";
            sheet.Cell(r, 3).Value = "Noise - Residential";
            sheet.Cell(r, 4).Value = "Loud Music/Party";
            sheet.Cell(r, 5).Value = "The Police Department responded to the complaint.";
            sheet.Cell(r, 6).Value = "12 MAIN STREET";
            sheet.Cell(r, 7).Value = 40.7128;
            sheet.Cell(r, 8).Value = -74.006;
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        var result = await ImportOkAsync(op, mappingId, stream.ToArray(), "工单.xlsx");

        Assert.Equal(3, result.GetProperty("imported").GetInt32());
        Assert.Equal(0, result.GetProperty("failed").GetInt32());
    }

    [Fact]
    public async Task A_csv_named_xlsx_is_read_as_csv_because_the_content_decides()
    {
        var op = await OperatorAsync();
        var mappingId = await NycMappingAsync(op);
        var csv = Csv(Row(app.Unique("k")), Row(app.Unique("k")));

        var result = await ImportOkAsync(op, mappingId, csv, "really-a-csv.xlsx");

        Assert.Equal(2, result.GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task A_file_missing_a_mapped_column_is_refused_whole_and_imports_nothing()
    {
        var op = await OperatorAsync();
        var mappingId = await NycMappingAsync(op);
        var keys = new[] { app.Unique("k"), app.Unique("k") };
        var withoutLatitude = Encoding.UTF8.GetBytes(
            "Unique Key,Created Date,Complaint Type,Descriptor,Resolution Description,Incident Address,Longitude\n"
            + string.Join("", keys.Select(k => $"{k},03/01/2011 02:27:57 PM,Illegal Parking,Blocked Hydrant,Summons issued.,1 MAIN ST,-73.9\n")));

        var refused = await UploadAsync(op, mappingId, withoutLatitude, "orders.csv");

        var detail = await refused.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Latitude", detail, StringComparison.Ordinal);
        var complete = await ImportOkAsync(op, mappingId, Csv(Row(keys[0]), Row(keys[1])), "orders.csv");
        Assert.Equal(2, complete.GetProperty("imported").GetInt32()); // nothing of the refused file was kept
    }

    [Fact]
    public async Task The_same_key_twice_in_one_file_is_imported_once()
    {
        var op = await OperatorAsync();
        var mappingId = await NycMappingAsync(op);
        var key = app.Unique("k");

        var result = await ImportOkAsync(op, mappingId, Csv(Row(key), Row(key)), "orders.csv");

        Assert.Equal(1, result.GetProperty("imported").GetInt32());
        Assert.Equal(1, result.GetProperty("skipped").GetInt32());
    }

    [Fact]
    public async Task Mappings_can_be_listed_and_updated_and_refuse_unknown_categories()
    {
        var op = await OperatorAsync();
        var id = await NycMappingAsync(op);

        var list = await op.GetOkAsync("/api/v1/import/mappings");
        var saved = list.EnumerateArray().Single(m => m.Id() == id);
        Assert.Equal(["Complaint Type", "Descriptor", "Resolution Description"], saved.GetProperty("columns").GetProperty("content").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("environment", saved.GetProperty("categoryMap").GetProperty("Noise - Residential").GetString());

        var body = MappingBody(saved.GetProperty("name").GetString()!, saved.GetProperty("sourceSystem").GetString()!, new Dictionary<string, string> { ["Illegal Parking"] = "urban" });
        var updated = await op.PutAsJsonAsync($"/api/v1/import/mappings/{id}", body);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var view = await op.GetOkAsync($"/api/v1/import/mappings/{id}");
        Assert.Equal("urban", view.GetProperty("categoryMap").GetProperty("Illegal Parking").GetString());
        Assert.False(view.GetProperty("categoryMap").TryGetProperty("Noise - Residential", out _));

        var bad = await op.PostAsJsonAsync("/api/v1/import/mappings", MappingBody(app.Unique("映射"), "bad", new Dictionary<string, string> { ["X"] = "no-such-code" }));
        Assert.Contains("no-such-code", await bad.ProblemAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unit_staff_get_403_on_mappings_and_import()
    {
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(app);
        var staff = await admin.UserAsync(app, unit, "unit");
        var mappingId = await NycMappingAsync(admin);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/import/mappings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/import/mappings", MappingBody(app.Unique("映射"), "x", []))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(staff, mappingId, Csv(Row(app.Unique("k"))), "orders.csv")).StatusCode);
    }

    private async Task<HttpClient> OperatorAsync()
    {
        var admin = await app.AdminAsync();
        return await admin.UserAsync(app, await admin.RootUnitIdAsync(), "operator");
    }

    /// <summary>The NYC 311 export's mapping; each test gets its own source system, so their keys never collide.</summary>
    private async Task<string> NycMappingAsync(HttpClient client)
    {
        var categories = new Dictionary<string, string>
        {
            ["Noise - Residential"] = "environment",
            ["Noise - Commercial"] = "environment",
            ["Blocked Driveway"] = "roads",
            ["Illegal Parking"] = "roads",
            ["Derelict Vehicle"] = "urban",
            ["Consumer Complaint"] = "market",
            ["Taxi Complaint"] = "transport",
        };
        var created = await client.PostOkAsync("/api/v1/import/mappings", MappingBody(app.Unique("纽约311"), app.Unique("nyc"), categories), HttpStatusCode.Created);
        return created.Id();
    }

    private static object MappingBody(string name, string source, Dictionary<string, string> categories) => new
    {
        name,
        sourceSystem = source,
        columns = new
        {
            externalId = "Unique Key",
            createdAt = "Created Date",
            content = new[] { "Complaint Type", "Descriptor", "Resolution Description" },
            categoryCode = "Complaint Type",
            address = "Incident Address",
            lat = "Latitude",
            lon = "Longitude",
        },
        categoryMap = categories,
        defaultCategory = "other",
        defaultKind = "complaint",
        timestampFormat = "MM/dd/yyyy hh:mm:ss tt",
        utcOffset = "-05:00",
    };

    private static string Row(string key, string lat = "40.7") => $"{key},03/01/2011 02:27:57 PM,Illegal Parking,Blocked Hydrant,\"Summons issued, vehicle towed.\",1 MAIN ST,{lat},-73.9";

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", rows) + "\n");

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string mappingId, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/api/v1/import/cases?mappingId={mappingId}", form);
    }

    private static async Task<JsonElement> ImportOkAsync(HttpClient client, string mappingId, byte[] content, string fileName)
    {
        var response = await UploadAsync(client, mappingId, content, fileName);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"import: got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
