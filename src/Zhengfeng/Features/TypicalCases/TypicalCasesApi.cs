using Microsoft.AspNetCore.Http.HttpResults;
using Zhengfeng.Web;

namespace Zhengfeng.Features.TypicalCases;

/// <summary>What staff see of a typical case: its text, its source and who moved it when.</summary>
public sealed record TypicalCaseView(
    string Id, string Kind, string KindLabel, string SourceType, string SourceId, string UnitId, string Title, string Facts, string Lesson,
    string Status, string StatusLabel, string DraftedBy, string DraftedByName, DateTimeOffset DraftedAt, DateTimeOffset? SubmittedAt,
    string? ReviewedBy, string? ReviewedByName, DateTimeOffset? ReviewedAt, string? ReviewNote, DateTimeOffset? PublishedAt,
    string? WithdrawnBy, string? WithdrawnByName, DateTimeOffset? WithdrawnAt, string? WithdrawReason, string? PublicTitle, string? PublicFacts, string? PublicLesson)
{
    public static TypicalCaseView From(TypicalCase t) => new(
        t.Id, WireEnum.Name(t.Kind), TypicalCase.Label(t.Kind), WireEnum.Name(t.SourceType), t.SourceId, t.UnitId, t.Title, t.Facts, t.Lesson,
        WireEnum.Name(t.Status), TypicalCase.Label(t.Status), t.DraftedBy, t.DraftedByName, t.DraftedAt, t.SubmittedAt,
        t.ReviewedBy, t.ReviewedByName, t.ReviewedAt, t.ReviewNote, t.PublishedAt,
        t.WithdrawnBy, t.WithdrawnByName, t.WithdrawnAt, t.WithdrawReason, t.PublicTitle, t.PublicFacts, t.PublicLesson);
}

/// <summary>What the public sees: the frozen, masked text and the unit; no source record, no person, no tracking code.</summary>
public sealed record PublicTypicalCaseView(string Id, string Kind, string KindLabel, string UnitName, string Title, string Facts, string Lesson, DateTimeOffset PublishedAt)
{
    public static PublicTypicalCaseView From(TypicalCase t, IReadOnlyDictionary<string, string> unitNames) => new(
        t.Id, WireEnum.Name(t.Kind), TypicalCase.Label(t.Kind), unitNames.GetValueOrDefault(t.UnitId, ""),
        t.PublicTitle ?? "", t.PublicFacts ?? "", t.PublicLesson ?? "", t.PublishedAt ?? default);
}

/// <summary>A record a draft could start from, with the kinds it would be a fair example of.</summary>
public sealed record TypicalSourceView(string SourceType, string SourceId, string UnitId, string UnitName, string Label, string Url,
    string Title, string Facts, IReadOnlyList<string> FairKinds, string? NotReadyBecause, string? NotPositiveBecause, string? NotNegativeBecause)
{
    public static TypicalSourceView From(SourceRecord r) => new(
        WireEnum.Name(r.Type), r.Id, r.UnitId, r.UnitName, r.Label, r.Url, r.Title, r.Facts,
        [.. r.FairKinds.Select(WireEnum.Name)], r.NotReadyBecause, r.NotPositiveBecause, r.NotNegativeBecause);
}

public static class TypicalCasesApi
{
    public static IServiceCollection AddTypicalCases(this IServiceCollection services)
        => services.AddScoped<TypicalSources>().AddScoped<TypicalCaseWorkflow>();

    public static void MapTypicalCases(this IEndpointRouteBuilder app)
    {
        var typical = app.MapGroup("/api/v1/typical-cases").RequireAuthorization().WithTags("典型案例");
        typical.MapGet("/", List);
        typical.MapGet("/source", Source).RequireAuthorization(Policies.DraftTypical);
        typical.MapGet("/candidates", async (string? sourceType, TypicalCaseWorkflow flow, CancellationToken ct)
            => TypedResults.Ok((await flow.CandidatesAsync(WireEnum.Parse<TypicalSourceType>(sourceType, "sourceType"), ct)).Select(TypicalSourceView.From).ToList()))
            .RequireAuthorization(Policies.DraftTypical);
        typical.MapPost("/", Draft).RequireAuthorization(Policies.DraftTypical);
        typical.MapGet("/{id}", (string id, TypicalCaseWorkflow flow, CancellationToken ct) => Run(flow.LoadAsync(id, ct)));
        typical.MapPut("/{id}", (string id, EditTypicalCaseRequest r, TypicalCaseWorkflow flow, CancellationToken ct) => Run(flow.EditAsync(id, r, ct)))
            .RequireAuthorization(Policies.DraftTypical);
        typical.MapPost("/{id}/submission", (string id, TypicalCaseWorkflow flow, CancellationToken ct) => Run(flow.SubmitAsync(id, ct)))
            .RequireAuthorization(Policies.DraftTypical);
        typical.MapPost("/{id}/return", (string id, ReviewTypicalCaseRequest r, TypicalCaseWorkflow flow, CancellationToken ct) => Run(flow.ReturnAsync(id, r, ct)))
            .RequireAuthorization(Policies.ReviewTypical);
        typical.MapPost("/{id}/publication", (string id, ReviewTypicalCaseRequest r, TypicalCaseWorkflow flow, CancellationToken ct) => Run(flow.PublishAsync(id, r, ct)))
            .RequireAuthorization(Policies.ReviewTypical);
        typical.MapPost("/{id}/withdrawal", (string id, WithdrawTypicalCaseRequest r, TypicalCaseWorkflow flow, CancellationToken ct) => Run(flow.WithdrawAsync(id, r, ct)))
            .RequireAuthorization(Policies.ReviewTypical);

        app.MapGet("/public/v1/typical-cases", PublicList).AllowAnonymous().WithTags("典型案例");
    }

    private static async Task<Ok<TypicalCaseView>> Run(Task<TypicalCase> action) => TypedResults.Ok(TypicalCaseView.From(await action));

    private static async Task<Ok<List<TypicalCaseView>>> List(string? status, string? kind, TypicalCaseWorkflow flow, CancellationToken ct)
        => TypedResults.Ok((await flow.ListAsync(WireEnum.ParseOptional<TypicalCaseStatus>(status, "status"), WireEnum.ParseOptional<TypicalCaseKind>(kind, "kind"), ct))
            .Select(TypicalCaseView.From).ToList());

    private static async Task<Ok<TypicalSourceView>> Source(string? sourceType, string? sourceId, string? kind, TypicalCaseWorkflow flow, CancellationToken ct)
        => TypedResults.Ok(TypicalSourceView.From(await flow.SourceAsync(WireEnum.Parse<TypicalSourceType>(sourceType, "sourceType"), sourceId,
            WireEnum.ParseOptional<TypicalCaseKind>(kind, "kind"), ct)));

    private static async Task<Created<TypicalCaseView>> Draft(DraftTypicalCaseRequest r, TypicalCaseWorkflow flow, CancellationToken ct)
    {
        var t = await flow.DraftAsync(r, ct);
        return TypedResults.Created($"/api/v1/typical-cases/{t.Id}", TypicalCaseView.From(t));
    }

    private static async Task<Ok<List<PublicTypicalCaseView>>> PublicList(string? kind, TypicalCaseWorkflow flow, Data.AppDb db, CancellationToken ct)
    {
        var items = await flow.PublishedAsync(WireEnum.ParseOptional<TypicalCaseKind>(kind, "kind"), ct);
        var names = await TypicalCasePages.UnitNamesAsync(db, ct);
        return TypedResults.Ok(items.Select(t => PublicTypicalCaseView.From(t, names)).ToList());
    }
}
