using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Zhengfeng.Features.Attachments;
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
    }

    [Fact]
    public async Task An_upload_is_stored_outside_the_web_root_and_no_static_url_serves_it()
    {
        var s = await CaseScenario.CreateAsync(app);
        var (id, _) = await s.DispatchedCaseAsync();
        var marked = Png.Concat(Guid.NewGuid().ToByteArray()).ToArray(); // bytes no other file has
        var response = await s.Operator.PostAsync($"/api/v1/cases/{id}/attachments", Form(marked, "现场照片.png"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = await response.ReadJsonAsync();

        string stored;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (meta, content) = await scope.ServiceProvider.GetRequiredService<AttachmentStore>().OpenAsync(saved.Id(), CancellationToken.None);
            await using (content)
            {
                Assert.Equal(id, meta.OwnerId);
                stored = Path.GetFullPath(Assert.IsType<FileStream>(content).Name);
            }
        }
        Assert.Equal(marked, await File.ReadAllBytesAsync(stored));
        var webRoot = app.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath;
        Assert.False(string.IsNullOrEmpty(webRoot), "the app has no web root to compare with");
        webRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(webRoot));
        Assert.True(Directory.Exists(webRoot) && Directory.EnumerateFileSystemEntries(webRoot).Any(), $"{webRoot} is not the web root in use");
        Assert.False(stored.StartsWith(webRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal), $"{stored} lies inside the web root {webRoot}");

        // Every URL a static file handler could map to it: each tail of its real path, and its name as uploaded.
        var parts = stored.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var urls = Enumerable.Range(0, parts.Length).Select(i => "/" + string.Join('/', parts[i..]))
            .Append("/" + Uri.EscapeDataString("现场照片.png")).Append("/files/" + saved.Id()).Append("/uploads/" + saved.Id());
        foreach (var candidate in urls)
        {
            foreach (var client in new[] { app.Anonymous(), s.Operator })
            {
                var got = await client.GetAsync(candidate);
                var body = await got.Content.ReadAsByteArrayAsync();
                Assert.False(got.IsSuccessStatusCode && body.AsSpan().SequenceEqual(marked), $"GET {candidate} served the stored file");
            }
        }
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
