using Microsoft.AspNetCore.Http.HttpResults;
using Zhengfeng.Features.Attachments;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;
using static Zhengfeng.Features.Attachments.AttachmentsApi;

namespace Zhengfeng.Features.Rectification;

public sealed record RectificationView(string Id, string ClueId, string UnitId, string Measures, string Type, string TypeLabel, DateOnly DueDate,
    string? ResponsiblePersonId, string Status, string StatusLabel, string? RootCause, int ReportCount, int FailedVerifications,
    string? LastVerificationNote, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, DateOnly? FollowUpDue, string? PaperFlag, int RelapseCount, string? RelapseNote, bool Overdue)
{
    public static RectificationView From(RectificationItem i, DateOnly today) => new(i.Id, i.ClueId, i.UnitId, i.Measures,
        i.Type.ToString().ToLowerInvariant(), RectificationItem.Label(i.Type), i.DueDate, i.ResponsiblePersonId,
        i.Status.ToString().ToLowerInvariant(), RectificationItem.Label(i.Status), i.RootCause, i.ReportCount, i.FailedVerifications,
        i.LastVerificationNote, i.CreatedAt, i.ClosedAt, i.FollowUpDue, i.PaperFlag, i.RelapseCount, i.RelapseNote,
        i.Status is RectificationStatus.Open or RectificationStatus.Reported && i.DueDate < today);
}

public static class RectificationsApi
{
    public static IServiceCollection AddRectifications(this IServiceCollection services)
    {
        services.AddOptions<RectificationRules>().BindConfiguration("Rectification").ValidateDataAnnotations().ValidateOnStart();
        return services.AddScoped<RectificationWorkflow>().AddScoped<RelapseWatch>();
    }

    public static void MapRectifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/rectifications").RequireAuthorization().WithTags("整改台账");
        group.MapPost("/", Create).RequireAuthorization(Policies.Supervise);
        group.MapGet("/", Search);
        group.MapGet("/{id}", async (string id, RectificationWorkflow flow, TimeProvider clock, CancellationToken ct)
            => TypedResults.Ok(RectificationView.From(await flow.LoadAsync(id, ct), clock.GetUtcNow().CstDate())));
        group.MapGet("/{id}/progress", Progress);
        group.MapPost("/{id}/progress", (string id, ProgressRequest r, RectificationWorkflow flow, TimeProvider clock, CancellationToken ct) => Run(flow.ReportAsync(id, r, ct), clock));
        group.MapPost("/{id}/evidence", AddEvidence).DisableAntiforgery();
        group.MapGet("/{id}/evidence", async (string id, RectificationWorkflow flow, CancellationToken ct)
            => TypedResults.Ok((await flow.EvidenceAsync(id, ct)).Select(AttachmentView.From).ToList()));
        group.MapPost("/{id}/verification", (string id, VerifyRectificationRequest r, RectificationWorkflow flow, TimeProvider clock, CancellationToken ct) => Run(flow.VerifyAsync(id, r, ct), clock));
        group.MapPost("/{id}/close", (string id, RectificationWorkflow flow, TimeProvider clock, CancellationToken ct) => Run(flow.CloseAsync(id, ct), clock));
        group.MapPost("/{id}/follow-up", (string id, VerifyRectificationRequest r, RectificationWorkflow flow, TimeProvider clock, CancellationToken ct) => Run(flow.FollowUpAsync(id, r, ct), clock));
    }

    private static async Task<Ok<RectificationView>> Run(Task<RectificationItem> action, TimeProvider clock)
        => TypedResults.Ok(RectificationView.From(await action, clock.GetUtcNow().CstDate()));

    private static async Task<Created<RectificationView>> Create(CreateRectificationRequest r, RectificationWorkflow flow, TimeProvider clock, CancellationToken ct)
    {
        var item = await flow.CreateAsync(r, ct);
        return TypedResults.Created($"/api/v1/rectifications/{item.Id}", RectificationView.From(item, clock.GetUtcNow().CstDate()));
    }

    private static async Task<Ok<List<ProgressReport>>> Progress(string id, RectificationWorkflow flow, CancellationToken ct)
        => TypedResults.Ok(await flow.ProgressAsync(id, ct));

    private static async Task<Created<AttachmentView>> AddEvidence(string id, IFormFile? file, RectificationWorkflow flow, CancellationToken ct)
    {
        if (file is null)
        {
            throw new RuleException("attachment.missing", "请选择要上传的文件（表单字段 file）", 400);
        }
        var saved = await flow.AddEvidenceAsync(id, file, ct);
        return TypedResults.Created($"/api/v1/attachments/{saved.Id}", AttachmentView.From(saved));
    }

    private static async Task<Ok<Page<RectificationView>>> Search(string? status, string? unitId, bool? overdue, bool? relapsed, int? page, int? pageSize,
        RectificationWorkflow flow, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.GetUtcNow().CstDate();
        var result = await flow.SearchAsync(new LedgerFilter(WireEnum.ParseOptional<RectificationStatus>(status, "status"), unitId, overdue == true, relapsed == true), page ?? 1, pageSize ?? 20, ct);
        return TypedResults.Ok(new Page<RectificationView>(result.Items.Select(i => RectificationView.From(i, today)).ToList(), result.Total, result.PageNumber, result.PageSize));
    }
}
