using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;

namespace Zhengfeng.Tests.Rectification;

public sealed class TourImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Header = ["单位编码", "问题类型", "问题描述", "地点", "发现日期"];

    private sealed record Scene(HttpClient Supervisor, HttpClient UnitStaff, string UnitId, string UnitCode);

    private async Task<Scene> SceneAsync()
    {
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var code = app.Unique("t");
        var unit = await admin.PostOkAsync("/api/v1/units", new { name = "巡察镇" + code, code, parentId = root, kind = "township" }, HttpStatusCode.Created);
        var office = await admin.CreateUnitAsync(app, "department", root, "作风办" + code);
        return new Scene(await admin.UserAsync(app, office, "supervisor"), await admin.UserAsync(app, unit.Id(), "unit"), unit.Id(), code);
    }

    private static byte[] Xlsx(params string[][] rows) => TestSheets.Xlsx("巡察反馈", rows);

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string name = "巡察反馈.xlsx")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PostAsync("/api/v1/clues/import", new MultipartFormDataContent { { file, "file", name } });
    }

    private static async Task<int> TourCluesAsync(HttpClient client, string unitId)
        => (await client.GetOkAsync($"/api/v1/clues?source=tour&unitId={unitId}")).GetProperty("total").GetInt32();

    [Fact]
    public async Task A_good_batch_imports_every_row_as_tour_clues_of_one_batch()
    {
        var s = await SceneAsync();
        var response = await UploadAsync(s.Supervisor, Xlsx(Header,
            [s.UnitCode, "推诿扯皮、敷衍塞责", "便民服务中心窗口推诿群众办理低保", "便民服务中心", "2026-10-20"],
            [s.UnitCode, "delay", "村级事务公开栏三个月未更新", "东村", ""]));
        var body = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, body.GetProperty("imported").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("batchId").GetString()));
        var clues = await s.Supervisor.GetOkAsync($"/api/v1/clues?source=tour&unitId={s.UnitId}");
        Assert.Equal(2, clues.GetProperty("total").GetInt32());
        var found = clues.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("problemType").GetString() == "shirking");
        Assert.Equal("registered", found.GetProperty("status").GetString());
        Assert.StartsWith("2026-10-20T00:00:00+08:00", found.GetProperty("registeredAt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_with_one_unknown_unit_code_imports_nothing_and_names_the_row_and_column()
    {
        var s = await SceneAsync();
        var response = await UploadAsync(s.Supervisor, Xlsx(Header,
            [s.UnitCode, "推诿扯皮、敷衍塞责", "窗口人员上班时间玩手机", "便民服务中心", "2026-10-20"],
            ["NO-SUCH-UNIT", "推诿扯皮、敷衍塞责", "站所负责人长期不在岗", "农技站", "2026-10-21"]));
        await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        var error = Assert.Single(errors.EnumerateArray());
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("单位编码", error.GetProperty("column").GetString());
        Assert.Contains("NO-SUCH-UNIT", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await TourCluesAsync(s.Supervisor, s.UnitId));
    }

    [Fact]
    public async Task Wrong_columns_are_refused_with_each_missing_column_listed()
    {
        var s = await SceneAsync();
        var csv = Encoding.UTF8.GetBytes($"单位,类型,问题描述,地点\n{s.UnitCode},delay,审批拖延,政务大厅\n");
        var response = await UploadAsync(s.Supervisor, csv, "tour.xlsx");
        await response.ProblemAsync(HttpStatusCode.BadRequest);
        var columns = (await response.ReadJsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("column").GetString()).ToList();
        Assert.Contains("单位编码", columns);
        Assert.Contains("问题类型", columns);
        Assert.Contains("发现日期", columns);
        Assert.DoesNotContain("问题描述", columns);
        Assert.Equal(0, await TourCluesAsync(s.Supervisor, s.UnitId));
    }

    [Fact]
    public async Task A_unit_role_gets_403_on_import_and_template()
    {
        var s = await SceneAsync();
        var response = await UploadAsync(s.UnitStaff, Xlsx(Header, [s.UnitCode, "delay", "审批拖延", "政务大厅", "2026-10-20"]));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.UnitStaff.GetAsync("/api/v1/clues/import/template.xlsx")).StatusCode);
    }

    [Fact]
    public async Task The_template_has_the_fixed_header_and_imports_once_filled_in()
    {
        var s = await SceneAsync();
        var template = await s.Supervisor.GetByteArrayAsync("/api/v1/clues/import/template.xlsx");
        using var workbook = new XLWorkbook(new MemoryStream(template));
        var sheet = workbook.Worksheets.First();
        Assert.Equal(["单位编码", "单位名称", "问题类型", "问题描述", "地点", "发现日期"], Enumerable.Range(1, 6).Select(c => sheet.Cell(1, c).GetString()));
        sheet.Cell(2, 1).SetValue(s.UnitCode).DataType = XLDataType.Text;
        sheet.Cell(2, 3).Value = "拖沓延误、办事效率低";
        sheet.Cell(2, 4).Value = "土地确权材料积压两个月未办理";
        using var filled = new MemoryStream();
        workbook.SaveAs(filled);
        var body = await (await UploadAsync(s.Supervisor, filled.ToArray())).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Number, body.GetProperty("imported").ValueKind);
        Assert.Equal(1, await TourCluesAsync(s.Supervisor, s.UnitId));
    }
}
