using System.Net;
using System.Net.Http.Headers;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Attachments;

public sealed class AttachmentTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private static MultipartFormDataContent Form(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    [Fact]
    public async Task A_photo_is_stored_and_served_back_only_to_those_who_may_see_the_case()
    {
        var s = await CaseScenario.CreateAsync(app);
        var (id, _) = await s.DispatchedCaseAsync();
        var response = await s.Operator.PostAsync($"/api/v1/cases/{id}/attachments", Form(Png, "现场照片.png"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = await response.ReadJsonAsync();
        Assert.Equal("image/png", saved.GetProperty("contentType").GetString());

        var url = saved.GetProperty("url").GetString()!;
        Assert.Equal(Png, await s.LeadStaff.GetByteArrayAsync(url));
        Assert.Equal(HttpStatusCode.Forbidden, (await s.OtherStaff.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync(url)).StatusCode);
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", saved.Id())));
    }

    [Fact]
    public async Task The_type_is_judged_by_content_not_by_name_and_size_is_limited()
    {
        var s = await CaseScenario.CreateAsync(app);
        var (id, _) = await s.DispatchedCaseAsync();
        var fake = await s.Operator.PostAsync($"/api/v1/cases/{id}/attachments", Form("<script>alert(1)</script>"u8.ToArray(), "photo.png"));
        Assert.Contains("文件内容", await fake.ProblemAsync(HttpStatusCode.BadRequest));

        var big = new byte[11 * 1024 * 1024];
        Png.CopyTo(big, 0);
        var tooLarge = await s.Operator.PostAsync($"/api/v1/cases/{id}/attachments", Form(big, "big.png"));
        Assert.Contains("10MB", await tooLarge.ProblemAsync(HttpStatusCode.BadRequest));
        var list = await s.Operator.GetOkAsync($"/api/v1/cases/{id}/attachments");
        Assert.Equal(0, list.GetArrayLength());
    }
}
