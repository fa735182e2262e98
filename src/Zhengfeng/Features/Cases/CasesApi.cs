using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Assists;
using Zhengfeng.Features.Calendar;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

public static class CasesApi
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddOptions<CaseRules>().BindConfiguration("Cases").ValidateDataAnnotations().ValidateOnStart();
        return services.AddSingleton<ReporterIdentity>().AddSingleton<CategoryCatalog>()
            .AddScoped<CaseWorkflow>().AddScoped<UnitPhrases>().AddScoped<DispatchChoices>().AddScoped<CaseSearch>().AddScoped<CategoryService>().AddScoped<PublicApi.PublicCases>()
            .AddScoped<ICalendarListener, DeadlineRescheduler>().AddHostedService<CaseIndexStartup>()
            .AddSingleton<CaseIndex>();
    }

    public static void MapCases(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases").RequireAuthorization().WithTags("工单");
        cases.MapPost("/", Create).RequireAuthorization(Policies.Intake);
        cases.MapGet("/", Search);
        cases.MapGet("/{id}", Get);
        cases.MapGet("/{id}/reporter", Reporter);
        cases.MapGet("/{id}/merge-candidates", MergeCandidates).RequireAuthorization(Policies.Dispatch);
        cases.MapPost("/{id}/dispatch", (string id, DispatchRequest r, CaseWorkflow flow, TimeProvider clock, CurrentUser user, CancellationToken ct)
            => Run(flow.DispatchAsync(id, r, ct), clock, user)).RequireAuthorization(Policies.Dispatch);
        cases.MapPost("/{id}/answer", (string id, ReasonRequest r, CaseWorkflow flow, TimeProvider clock, CurrentUser user, CancellationToken ct)
            => Run(flow.DirectAnswerAsync(id, r.Reason, ct), clock, user)).RequireAuthorization(Policies.Intake);
        cases.MapPost("/{id}/merge", (string id, MergeRequest r, CaseWorkflow flow, TimeProvider clock, CurrentUser user, CancellationToken ct)
            => Run(flow.MergeAsync(id, r.IntoId, ct), clock, user)).RequireAuthorization(Policies.Dispatch);
        cases.MapPost("/{id}/return-visit", (string id, ReasonRequest r, CaseWorkflow flow, TimeProvider clock, CurrentUser user, CancellationToken ct)
            => Run(flow.RecordReturnVisitAsync(id, r.Reason, ct), clock, user)).RequireAuthorization(Policies.Intake);
        cases.MapPost("/{id}/close", (string id, NoteRequest r, CaseWorkflow flow, TimeProvider clock, CurrentUser user, CancellationToken ct)
            => Run(flow.CloseAsync(id, r.Note, ct), clock, user)).RequireAuthorization(Policies.Dispatch);
        cases.MapPost("/{id}/sign", (string id, CaseWorkflow flow, TimeProvider clock, CurrentUser user, CancellationToken ct) => Run(flow.SignAsync(id, ct), clock, user));
        cases.MapPost("/{id}/contact", (string id, NoteRequest r, CaseWorkflow flow, TimeProvider clock, CurrentUser user, CancellationToken ct)
            => Run(flow.RecordContactAsync(id, r.Note, ct), clock, user));
        cases.MapPost("/{id}/assign", (string id, AssignRequest r, CaseWorkflow flow, TimeProvider clock, CurrentUser user, CancellationToken ct)
            => Run(flow.AssignAsync(id, r.AssigneeId, ct), clock, user)).RequireAuthorization(Policies.UnitWork);
        cases.MapPost("/{id}/reply", (string id, ReplyRequest r, CaseWorkflow flow, TimeProvider clock, CurrentUser user, CancellationToken ct) => Run(flow.ReplyAsync(id, r, ct), clock, user));
        cases.MapPost("/{id}/return-requests", ReturnRequest);
        cases.MapPost("/{id}/return-requests/{rid}/decision",
            (string id, string rid, ReturnDecisionRequest r, CaseWorkflow flow, TimeProvider clock, CurrentUser user, CancellationToken ct)
                => Run(flow.DecideReturnAsync(id, rid, r, ct), clock, user)).RequireAuthorization(Policies.Dispatch);
        cases.MapPost("/{id}/extension-requests", ExtensionRequest);
        cases.MapPost("/{id}/extension-requests/{eid}/decision",
            (string id, string eid, DecisionRequest r, CaseWorkflow flow, TimeProvider clock, CurrentUser user, CancellationToken ct)
                => Run(flow.DecideExtensionAsync(id, eid, r, ct), clock, user)).RequireAuthorization(Policies.DecideExtension);
        cases.MapPost("/{id}/rating-appeal", async (string id, ReasonRequest r, CaseWorkflow flow, CancellationToken ct)
            => TypedResults.Ok(RatingView.From(await flow.AppealRatingAsync(id, r.Reason, ct))));
        cases.MapPost("/{id}/rating-appeal/decision", async (string id, DecisionRequest r, CaseWorkflow flow, CancellationToken ct)
            => TypedResults.Ok(RatingView.From(await flow.DecideRatingAppealAsync(id, r, ct)))).RequireAuthorization(Policies.Supervise);

        app.MapGet("/api/v1/inbox", Inbox).RequireAuthorization().WithTags("工单");

        var phrases = app.MapGroup("/api/v1/phrases").RequireAuthorization(Policies.UnitWork).WithTags("常用语");
        phrases.MapGet("/", async (UnitPhrases service, CurrentUser user, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(user.UnitId, ct)));
        phrases.MapPost("/", async (PhraseRequest r, UnitPhrases service, CancellationToken ct)
            => TypedResults.Created("/api/v1/phrases", await service.AddAsync(r.Text, ct)));
        phrases.MapDelete("/{id}", async (string id, UnitPhrases service, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });

        var categories = app.MapGroup("/api/v1/categories").WithTags("诉求分类");
        // The shared categories, and the district's own for a signed-in user of a district.
        categories.MapGet("/", async (AppDb db, CurrentUser me, CancellationToken ct)
            => TypedResults.Ok(await db.Set<Category>().AsNoTracking().Where(Category.In(me.IsAuthenticated ? await me.AreaIdAsync(ct) : null))
                .OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct))).AllowAnonymous();
        categories.MapPost("/", CreateCategory).RequireAuthorization(Policies.Admin);
        categories.MapPut("/{code}", UpdateCategory).RequireAuthorization(Policies.Admin);
    }

    public sealed record RatingView(string Id, int Round, int Level, string LevelLabel, bool Resolved, string? Comment, DateTimeOffset At, bool Excluded,
        string? AppealReason, string? AppealDecision, string? AppealDecisionNote)
    {
        public static RatingView From(Rating r) => new(r.Id, r.Round, r.Level, Case.RatingLabel(r.Level), r.Resolved, r.Comment, r.At, r.Excluded,
            r.AppealReason, r.AppealDecision?.ToString().ToLowerInvariant(), r.AppealDecisionNote);
    }

    private static async Task<Ok<CaseView>> Run(Task<Case> action, TimeProvider clock, CurrentUser user)
        => TypedResults.Ok(CaseView.From(await action, clock.GetUtcNow(), user, withTimeline: false));

    private static async Task<Created<CaseView>> Create(CreateCaseRequest request, CaseWorkflow flow, TimeProvider clock, CurrentUser user, CancellationToken ct)
    {
        var c = await flow.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/cases/{c.Id}", CaseView.From(c, clock.GetUtcNow(), user));
    }

    private static async Task<Ok<CaseView>> Get(string id, CaseWorkflow flow, AssistWorkflow assists, AppDb db, TimeProvider clock, CurrentUser user, CancellationToken ct)
    {
        var c = await flow.LoadAsync(id, ct);
        await db.Entry(c).Collection(x => x.Timeline).LoadAsync(ct);
        return TypedResults.Ok(CaseView.From(c, clock.GetUtcNow(), user) with { Assists = await assists.ForCaseAsync(c.Id, ct) });
    }

    public sealed record MergeCandidateView(string Id, string Number, string Title, string Status, string StatusLabel, DateTimeOffset RegisteredAt,
        string? Address, double Score, IReadOnlyList<string> Reasons, IReadOnlyList<string> RepeatIds);

    /// <summary>并单 candidates of a case: similar open requests nearby in time and place, best first (near-identical ones grouped).</summary>
    private static async Task<Ok<IReadOnlyList<MergeCandidateView>>> MergeCandidates(string id, CaseWorkflow flow, CaseSearch search, CancellationToken ct)
    {
        var c = await flow.LoadAsync(id, ct);
        var found = await search.MergeCandidatesAsync(c, ct);
        return TypedResults.Ok<IReadOnlyList<MergeCandidateView>>(found.Select(m => new MergeCandidateView(m.Case.Id, m.Case.Number, m.Case.Title,
            WireEnum.Name(m.Case.Status), CaseTransitions.Label(m.Case.Status), m.Case.RegisteredAt, m.Case.Address, m.Score, m.Reasons,
            m.Repeats.Select(r => r.Id).ToList())).ToList());
    }

    private static async Task<Ok<object>> Reporter(string id, string? purpose, CaseWorkflow flow, CancellationToken ct)
    {
        var (name, phone) = await flow.RevealReporterAsync(id, string.IsNullOrWhiteSpace(purpose) ? "办理需要" : purpose, ct);
        return TypedResults.Ok<object>(new { name, phone });
    }

    private static async Task<Ok<object>> ReturnRequest(string id, ReasonRequest r, CaseWorkflow flow, CancellationToken ct)
    {
        var request = await flow.RequestReturnAsync(id, r.Reason, ct);
        return TypedResults.Ok<object>(new { id = request.Id, status = "return_requested" });
    }

    private static async Task<Ok<object>> ExtensionRequest(string id, ExtensionRequestInput r, CaseWorkflow flow, CancellationToken ct)
    {
        var request = await flow.RequestExtensionAsync(id, r, ct);
        return TypedResults.Ok<object>(new { id = request.Id, status = "pending" });
    }

    private static async Task<Ok<Page<CaseView>>> Search(string? status, string? unitId, bool? overdue, string? from, string? to, string? q, string? categoryCode,
        int? page, int? pageSize, CaseSearch search, TimeProvider clock, CurrentUser user, CancellationToken ct)
    {
        var filter = new CaseSearch.Filter(WireEnum.ParseOptional<CaseStatus>(status, "status"), unitId, overdue,
            WireDate.ParseOptional(from, "from"), WireDate.ParseOptional(to, "to"), q, categoryCode);
        var result = await search.SearchAsync(filter, page ?? 1, pageSize ?? 20, ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new Page<CaseView>(result.Items.Select(c => CaseView.From(c, now, user, withTimeline: false)).ToList(), result.Total, result.PageNumber, result.PageSize));
    }

    public sealed record InboxView(string UnitId, IReadOnlyList<BoxCount> Boxes, string Box, IReadOnlyList<CaseView> Items);
    public sealed record BoxCount(string Box, string Label, int Count);

    /// <summary>A unit's inbox (default: the user's own unit), counts per box and the cases of one box, most urgent first.</summary>
    private static async Task<Ok<InboxView>> Inbox(string? unitId, string? box, CaseSearch search, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var selected = WireEnum.ParseOptional<CaseSearch.Box>(box, "box") ?? CaseSearch.Box.ToSign;
        var inbox = await search.InboxAsync(string.IsNullOrEmpty(unitId) ? user.UnitId : unitId, selected, 50, ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new InboxView(inbox.UnitId,
            inbox.Counts.Select(kv => new BoxCount(kv.Key.ToString().ToLowerInvariant(), CaseSearch.BoxLabel(kv.Key), kv.Value)).ToList(),
            selected.ToString().ToLowerInvariant(), inbox.Items.Select(c => CaseView.From(c, now, user, withTimeline: false)).ToList()));
    }

    private static async Task<Created<Category>> CreateCategory(CategoryRequest r, CategoryService categories, CancellationToken ct)
    {
        var category = await categories.CreateAsync(r, ct);
        return TypedResults.Created($"/api/v1/categories/{category.Code}", category);
    }

    private static async Task<Ok<Category>> UpdateCategory(string code, CategoryRequest r, CategoryService categories, CancellationToken ct)
        => TypedResults.Ok(await categories.UpdateAsync(code, r, ct));
}
