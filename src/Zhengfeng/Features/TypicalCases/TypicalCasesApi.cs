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
        t.Id, TypicalCase.Wire(t.Kind), TypicalCase.Label(t.Kind), TypicalCase.Wire(t.SourceType), t.SourceId, t.UnitId, t.Title, t.Facts, t.Lesson,
        TypicalCase.Wire(t.Status), TypicalCase.Label(t.Status), t.DraftedBy, t.DraftedByName, t.DraftedAt, t.SubmittedAt,
        t.ReviewedBy, t.ReviewedByName, t.ReviewedAt, t.ReviewNote, t.PublishedAt,
        t.WithdrawnBy, t.WithdrawnByName, t.WithdrawnAt, t.WithdrawReason, t.PublicTitle, t.PublicFacts, t.PublicLesson);
}

/// <summary>What the public sees: the frozen, masked text and the unit; no source record, no person, no tracking code.</summary>
public sealed record PublicTypicalCaseView(string Id, string Kind, string KindLabel, string UnitName, string Title, string Facts, string Lesson, DateTimeOffset PublishedAt)
{
    public static PublicTypicalCaseView From(TypicalCase t, IReadOnlyDictionary<string, string> unitNames) => new(
        t.Id, TypicalCase.Wire(t.Kind), TypicalCase.Label(t.Kind), unitNames.GetValueOrDefault(t.UnitId, ""),
        t.PublicTitle ?? "", t.PublicFacts ?? "", t.PublicLesson ?? "", t.PublishedAt ?? default);
}

/// <summary>A record a draft could start from, with the kinds it would be a fair example of.</summary>
public sealed record TypicalSourceView(string SourceType, string SourceId, string UnitId, string UnitName, string Label, string Url,
    string Title, string Facts, IReadOnlyList<string> FairKinds, string? NotReadyBecause, string? NotPositiveBecause, string? NotNegativeBecause)
{
    public static TypicalSourceView From(SourceRecord r) => new(
        TypicalCase.Wire(r.Type), r.Id, r.UnitId, r.UnitName, r.Label, r.Url, r.Title, r.Facts,
        [.. r.FairKinds.Select(TypicalCase.Wire)], r.NotReadyBecause, r.NotPositiveBecause, r.NotNegativeBecause);
}

public static class TypicalCasesApi
{
    public static void MapTypicalCases(this IEndpointRouteBuilder app)
    {
        var typical = app.MapGroup("/api/v1/typical-cases").RequireAuthorization().WithTags("典型案例");
        typical.MapGet("/", List);
        typical.MapGet("/source", async (string? sourceType, string? sourceId, string? kind, TypicalCaseWorkflow flow, CancellationToken ct)
            => TypedResults.Ok(TypicalSourceView.From(await flow.SourceAsync(sourceType, sourceId, kind, ct)))).RequireAuthorization(Policies.DraftTypical);
        typical.MapGet("/candidates", async (string? sourceType, TypicalCaseWorkflow flow, CancellationToken ct)
            => TypedResults.Ok((await flow.CandidatesAsync(sourceType, ct)).Select(TypicalSourceView.From).ToList())).RequireAuthorization(Policies.DraftTypical);
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

    private static async Task<Results<Ok<List<TypicalCaseView>>, ProblemHttpResult>> List(string? status, string? kind, TypicalCaseWorkflow flow, HttpContext http, CancellationToken ct)
    {
        TypicalCaseStatus? s = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!TypicalCase.TryParseStatus(status, out var parsed))
            {
                return Problems.Of(http, 400, "typical.bad_status", "status 应为 draft、pending_review、published 或 withdrawn");
            }
            s = parsed;
        }
        if (!TryKind(kind, out var k))
        {
            return Problems.Of(http, 400, "typical.bad_kind", "kind 应为 positive 或 negative");
        }
        return TypedResults.Ok((await flow.ListAsync(s, k, ct)).Select(TypicalCaseView.From).ToList());
    }

    private static async Task<Created<TypicalCaseView>> Draft(DraftTypicalCaseRequest r, TypicalCaseWorkflow flow, CancellationToken ct)
    {
        var t = await flow.DraftAsync(r, ct);
        return TypedResults.Created($"/api/v1/typical-cases/{t.Id}", TypicalCaseView.From(t));
    }

    private static async Task<Results<Ok<List<PublicTypicalCaseView>>, ProblemHttpResult>> PublicList(string? kind, TypicalCaseWorkflow flow, Data.AppDb db, HttpContext http, CancellationToken ct)
    {
        if (!TryKind(kind, out var k))
        {
            return Problems.Of(http, 400, "typical.bad_kind", "kind 应为 positive 或 negative");
        }
        var items = await flow.PublishedAsync(k, ct);
        var names = await TypicalCasePages.UnitNamesAsync(db, ct);
        return TypedResults.Ok(items.Select(t => PublicTypicalCaseView.From(t, names)).ToList());
    }

    private static bool TryKind(string? kind, out TypicalCaseKind? parsed)
    {
        parsed = null;
        if (string.IsNullOrWhiteSpace(kind))
        {
            return true;
        }
        if (TypicalCase.TryParseKind(kind, out var k))
        {
            parsed = k;
            return true;
        }
        return false;
    }
}
