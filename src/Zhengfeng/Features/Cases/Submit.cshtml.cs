using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Data;
using Zhengfeng.Features.Attachments;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>群众诉求提交: anyone may submit a request on the web and gets a tracking code (查询码).</summary>
[AllowAnonymous]
public sealed class SubmitModel(CaseWorkflow flow, AppDb db, AttachmentStore files) : PageModel
{
    [BindProperty] public CaseForm Input { get; set; } = new();
    [BindProperty] public List<IFormFile> Photos { get; set; } = [];
    public List<Category> Categories { get; private set; } = [];
    public string? Error { get; private set; }
    public string? TrackingCode { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Categories = await CasePages.CategoriesAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Categories = await CasePages.CategoriesAsync(db, ct);
        var request = Input.ToRequest();
        Error = ModelState.IsValid ? CasePages.Invalid(request, request.Reporter) ?? await CheckPhotosAsync(ct) : CasePages.Errors(ModelState);
        if (Error is not null)
        {
            return Page();
        }
        try
        {
            var c = await flow.CreateAsync(request, ct, channel: "web");
            foreach (var photo in Photos)
            {
                await using var stream = photo.OpenReadStream();
                await files.SaveAsync("case", c.Id, photo.FileName, stream, Actor.Public.Id, ct);
            }
            TrackingCode = c.TrackingCode;
        }
        catch (RuleException e)
        {
            Error = e.Message;
        }
        return Page();
    }

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
