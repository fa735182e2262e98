using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Data;
using Zhengfeng.Features.Attachments;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>群众诉求提交: anyone may submit a request on the web and gets a tracking code (查询码).</summary>
[AllowAnonymous]
public sealed class SubmitModel(CaseWorkflow flow, AppDb db, AttachmentStore files) : WorkflowPage
{
    [BindProperty] public CaseForm Input { get; set; } = new();
    [BindProperty] public List<IFormFile> Photos { get; set; } = [];
    public List<Category> Categories { get; private set; } = [];
    public string? TrackingCode { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = Input.ToRequest();
        if ((CasePages.Invalid(request, request.Reporter) ?? await CheckPhotosAsync(ct)) is { } invalid)
        {
            ModelState.AddModelError("", invalid);
            return await ShowAgainAsync(ct);
        }
        var c = await flow.CreateAsync(request, ct, channel: "web");
        foreach (var photo in Photos)
        {
            await using var stream = photo.OpenReadStream();
            await files.SaveAsync("case", c.Id, photo.FileName, stream, Actor.Public.Id, ct);
        }
        TrackingCode = c.TrackingCode;
        return await ShowAgainAsync(ct);
    }

    protected internal override async Task LoadAsync(CancellationToken ct) => Categories = await CasePages.CategoriesAsync(db, null, ct);

    /// <summary>Photos are checked before the case is created, so a bad photo never leaves half a submission.</summary>
    private async Task<string?> CheckPhotosAsync(CancellationToken ct)
    {
        if (Photos.Count > AttachmentStore.MaxPerOwner)
        {
            return $"最多上传{AttachmentStore.MaxPerOwner}张照片";
        }
        foreach (var photo in Photos)
        {
            var head = new byte[16];
            await using var stream = photo.OpenReadStream();
            var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            if (photo.Length > AttachmentStore.MaxBytes || AttachmentStore.Sniff(head.AsSpan(0, read)) is not { } type || !type.StartsWith("image/", StringComparison.Ordinal))
            {
                return $"照片“{photo.FileName}”不是有效的图片或超过{AttachmentStore.MaxBytes / 1024 / 1024}MB";
            }
        }
        return null;
    }
}
