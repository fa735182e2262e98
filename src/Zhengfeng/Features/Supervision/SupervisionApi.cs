using Microsoft.AspNetCore.Http.HttpResults;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Supervision;

public sealed record NoticeView(string Id, string Number, string UnitId, string? CaseId, string? RectificationId, string? ClueId,
    string Level, string LevelLabel, string Reason, string IssuedBy, string IssuedByName, bool IssuedBySystem, DateTimeOffset IssuedAt,
    int ReplyWorkdays, DateTimeOffset ReplyDueAt, string? ReplyDueWhy, string Status, string StatusLabel, string? ReplyContent, DateTimeOffset? RepliedAt,
    int ReplyCount, bool? Accepted, string? JudgementNote, DateTimeOffset? JudgedAt, int RejectCount, bool Overdue, string? AssignmentId, string? CampaignId)
{
    public static NoticeView From(SupervisionNotice n, DateTimeOffset now) => new(n.Id, n.Number, n.UnitId, n.CaseId, n.RectificationId, n.ClueId,
        n.Level.ToString().ToLowerInvariant(), SupervisionNotice.Label(n.Level), n.Reason, n.IssuedBy, n.IssuedByName, n.IsSystem, n.IssuedAt,
        n.ReplyWorkdays, n.ReplyDueAt, n.ReplyDueWhy, n.Status.ToString().ToLowerInvariant(), SupervisionNotice.Label(n.Status), n.ReplyContent, n.RepliedAt,
        n.ReplyCount, n.Accepted, n.JudgementNote, n.JudgedAt, n.RejectCount, n.IsOverdue(now), n.AssignmentId, n.CampaignId);
}

public static class SupervisionApi
{
    public static IServiceCollection AddSupervision(this IServiceCollection services)
    {
        services.AddOptions<SupervisionRules>().BindConfiguration("Supervision").ValidateDataAnnotations().ValidateOnStart();
        return services.AddScoped<SupervisionWorkflow>().AddScoped<SupervisionLadder>().AddScoped<WatchLists>().AddScoped<Burden>();
    }

    public static void MapSupervision(this IEndpointRouteBuilder app)
    {
        var notices = app.MapGroup("/api/v1/supervision-notices").RequireAuthorization().WithTags("督办单");
        notices.MapPost("/", Issue).RequireAuthorization(Policies.Supervise);
        notices.MapGet("/", Search);
        notices.MapGet("/{id}", async (string id, SupervisionWorkflow flow, TimeProvider clock, CancellationToken ct)
            => TypedResults.Ok(NoticeView.From(await flow.LoadAsync(id, ct), clock.GetUtcNow())));
        notices.MapPost("/{id}/reply", async (string id, NoticeReplyRequest r, SupervisionWorkflow flow, TimeProvider clock, CancellationToken ct)
            => TypedResults.Ok(NoticeView.From(await flow.ReplyAsync(id, r, ct), clock.GetUtcNow())));
        notices.MapPost("/{id}/judgement", async (string id, NoticeJudgementRequest r, SupervisionWorkflow flow, TimeProvider clock, CancellationToken ct)
            => TypedResults.Ok(NoticeView.From(await flow.JudgeAsync(id, r, ct), clock.GetUtcNow()))).RequireAuthorization(Policies.Supervise);

        var watch = app.MapGroup("/api/v1/watch").RequireAuthorization(Policies.Inspect).WithTags("监督清单");
        watch.MapGet("/overdue-cases", async (WatchLists lists, CancellationToken ct) => TypedResults.Ok(await lists.OverdueCasesAsync(ct)));
        watch.MapGet("/overdue-rectifications", async (WatchLists lists, CancellationToken ct) => TypedResults.Ok(await lists.OverdueRectificationsAsync(ct)));
        watch.MapGet("/relapsed-rectifications", async (WatchLists lists, CancellationToken ct) => TypedResults.Ok(await lists.RelapsedRectificationsAsync(ct)));
        watch.MapGet("/returns", async (string? period, WatchLists lists, CancellationToken ct) => TypedResults.Ok(await lists.ReturnsAsync(period, ct)));
        watch.MapGet("/follow-ups-due", async (WatchLists lists, CancellationToken ct) => TypedResults.Ok(await lists.FollowUpsDueAsync(ct)));
        watch.MapGet("/clues-waiting", async (WatchLists lists, CancellationToken ct) => TypedResults.Ok(await lists.CluesWaitingAsync(ct)));
        watch.MapGet("/assist-failures", async (WatchLists lists, CancellationToken ct) => TypedResults.Ok(await lists.AssistFailuresAsync(ct)));

        app.MapGet("/api/v1/burden", async (string? period, Burden burden, CancellationToken ct) => TypedResults.Ok(await burden.PerUnitAsync(period, ct)))
            .RequireAuthorization(Policies.Supervise).WithTags("减负");
        app.MapGet("/api/v1/rectifications/{id}/progress-draft", async (string id, Burden burden, CancellationToken ct) => TypedResults.Ok(await burden.ProgressDraftAsync(id, ct)))
            .RequireAuthorization().WithTags("整改台账");
    }

    private static async Task<Created<NoticeView>> Issue(IssueNoticeRequest r, SupervisionWorkflow flow, TimeProvider clock, CancellationToken ct)
    {
        var notice = await flow.IssueAsync(r, ct);
        return TypedResults.Created($"/api/v1/supervision-notices/{notice.Id}", NoticeView.From(notice, clock.GetUtcNow()));
    }

    private static async Task<Ok<Page<NoticeView>>> Search(string? status, string? level, string? unitId, string? caseId, int? page, int? pageSize,
        SupervisionWorkflow flow, TimeProvider clock, CancellationToken ct)
    {
        var result = await flow.SearchAsync(WireEnum.ParseOptional<NoticeStatus>(status, "status"), WireEnum.ParseOptional<NoticeLevel>(level, "level"), unitId, caseId, page ?? 1, pageSize ?? 20, ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new Page<NoticeView>(result.Items.Select(n => NoticeView.From(n, now)).ToList(), result.Total, result.PageNumber, result.PageSize));
    }
}
