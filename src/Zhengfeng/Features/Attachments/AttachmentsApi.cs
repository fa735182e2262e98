using Microsoft.AspNetCore.Http.HttpResults;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Rectification;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Attachments;

public static class AttachmentsApi
{
    public sealed record AttachmentView(string Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt, string Url)
    {
        public static AttachmentView From(Attachment a) => new(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt, $"/api/v1/attachments/{a.Id}");
    }

    public static IServiceCollection AddAttachments(this IServiceCollection services)
        => services.AddScoped<AttachmentStore>();

    public static void MapAttachments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").RequireAuthorization().WithTags("附件");
        group.MapPost("/cases/{id}/attachments", Upload).DisableAntiforgery();
        group.MapGet("/cases/{id}/attachments", List);
        group.MapPost("/clues/{id}/attachments", UploadForClue).DisableAntiforgery().RequireAuthorization(Policies.Inspect);
        group.MapGet("/clues/{id}/attachments", ListForClue);
        group.MapGet("/attachments/{attachmentId}", Download);
    }

    private static async Task<Created<AttachmentView>> Upload(string id, IFormFile? file, CaseWorkflow flow, AttachmentStore store, CurrentUser user, CancellationToken ct)
    {
        if (file is null)
        {
            throw new RuleException("attachment.missing", "请选择要上传的文件（表单字段 file）", 400);
        }
        await flow.LoadAsync(id, ct); // 404 / 403 for cases the user may not see
        await using var stream = file.OpenReadStream();
        var saved = await store.SaveAsync("case", id, file.FileName, stream, user.Id, ct);
        return TypedResults.Created($"/api/v1/attachments/{saved.Id}", AttachmentView.From(saved));
    }

    private static async Task<Ok<List<AttachmentView>>> List(string id, CaseWorkflow flow, AttachmentStore store, CancellationToken ct)
    {
        await flow.LoadAsync(id, ct);
        return TypedResults.Ok((await store.ListAsync("case", id, ct)).Select(AttachmentView.From).ToList());
    }

    /// <summary>Photos of an unannounced inspection (暗访) or other evidence for a clue.</summary>
    private static async Task<Created<AttachmentView>> UploadForClue(string id, IFormFile? file, ClueWorkflow clues, AttachmentStore store, CurrentUser user, CancellationToken ct)
    {
        if (file is null)
        {
            throw new RuleException("attachment.missing", "请选择要上传的文件（表单字段 file）", 400);
        }
        await clues.GetAsync(id, ct);
        await using var stream = file.OpenReadStream();
        var saved = await store.SaveAsync("clue", id, file.FileName, stream, user.Id, ct);
        return TypedResults.Created($"/api/v1/attachments/{saved.Id}", AttachmentView.From(saved));
    }

    private static async Task<Ok<List<AttachmentView>>> ListForClue(string id, ClueWorkflow clues, AttachmentStore store, CancellationToken ct)
    {
        await clues.GetAsync(id, ct);
        return TypedResults.Ok((await store.ListAsync("clue", id, ct)).Select(AttachmentView.From).ToList());
    }

    /// <summary>Served only after the reader's right to the owning record is checked.</summary>
    private static async Task<FileStreamHttpResult> Download(string attachmentId, CaseWorkflow flow, RectificationWorkflow rectifications, ClueWorkflow clues,
        Attendance.SpotCheckWorkflow spotChecks, AttachmentStore store, CancellationToken ct)
    {
        var (meta, content) = await store.OpenAsync(attachmentId, ct);
        try
        {
            switch (meta.OwnerType)
            {
                case "case":
                    await flow.LoadAsync(meta.OwnerId, ct);
                    break;
                case "clue":
                    await clues.GetAsync(meta.OwnerId, ct);
                    break;
                case RectificationWorkflow.EvidenceOfItem:
                    await rectifications.LoadAsync(meta.OwnerId, ct);
                    break;
                case Attendance.SpotCheckWorkflow.PhotoOwner:
                    await spotChecks.LoadAsync(meta.OwnerId, ct);
                    break;
                case RectificationWorkflow.EvidenceOfProgress:
                    await rectifications.EnsureCanSeeProgressAsync(meta.OwnerId, ct);
                    break;
                default:
                    throw new ForbiddenException("无权下载此附件");
            }
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }
        return TypedResults.File(content, meta.ContentType, meta.FileName);
    }
}
