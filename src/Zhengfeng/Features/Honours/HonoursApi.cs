using Microsoft.AspNetCore.Http.HttpResults;
using Zhengfeng.Features.Scores;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Honours;

public sealed record HonourView(string Id, int Year, string Title, string NomineeType, string NomineeTypeLabel, string UnitId, string UnitName,
    string? CadreId, string? CadreName, string Reason, string Status, string StatusLabel, string NominatedByName, DateTimeOffset NominatedAt,
    string? DecidedByName, DateTimeOffset? DecidedAt, string? DecisionNote, string? BulletinId)
{
    public static HonourView From(Honour h, HonourNames names) => new(h.Id, h.Year, h.Title, WireEnum.Name(h.NomineeType), Honour.Label(h.NomineeType),
        h.UnitId, names.Unit(h), h.CadreId, names.Cadre(h), h.Reason, WireEnum.Name(h.Status), Honour.Label(h.Status), h.NominatedByName, h.NominatedAt,
        h.DecidedByName, h.DecidedAt, h.DecisionNote, h.BulletinId);
}

public sealed record HonourCandidateView(string UnitId, string UnitName, string UnitKind, decimal Score, int Rank, int Ranked, string Reason, bool Nominated,
    IReadOnlyList<CadreCandidate> Cadres)
{
    public static HonourCandidateView From(HonourCandidate c) => new(c.UnitId, c.UnitName, WireEnum.Name(c.UnitKind), c.Score, c.Rank, c.Ranked, c.Reason,
        c.Nominated, c.Cadres);
}

public sealed record HonourBulletinView(string BulletinId, string Title, IReadOnlyList<string> HonourIds);

/// <summary>表彰激励: services and endpoints.</summary>
public static class HonoursApi
{
    public static IServiceCollection AddHonours(this IServiceCollection services) => services.AddScoped<HonourWorkflow>();

    public static void MapHonours(this IEndpointRouteBuilder app)
    {
        var honours = app.MapGroup("/api/v1/honours").RequireAuthorization(ScorePolicies.Read).WithTags("表彰激励");
        honours.MapGet("/", List);
        honours.MapGet("/candidates", Candidates);
        honours.MapPost("/", Nominate).RequireAuthorization(Policies.Supervise);
        honours.MapGet("/{id}", async (string id, HonourWorkflow flow, CancellationToken ct) => await Run(flow, await flow.LoadAsync(id, ct), ct));
        honours.MapPost("/{id}/award", async (string id, DecideHonourRequest r, HonourWorkflow flow, CancellationToken ct) => await Run(flow, await flow.AwardAsync(id, r, ct), ct))
            .RequireAuthorization(Policies.Lead);
        honours.MapPost("/{id}/decline", async (string id, DecideHonourRequest r, HonourWorkflow flow, CancellationToken ct) => await Run(flow, await flow.DeclineAsync(id, r, ct), ct))
            .RequireAuthorization(Policies.Lead);
        honours.MapPost("/{id}/bulletin", Announce).RequireAuthorization(Policies.Supervise);
    }

    private static async Task<Ok<HonourView>> Run(HonourWorkflow flow, Honour h, CancellationToken ct)
        => TypedResults.Ok(HonourView.From(h, await flow.NamesAsync([h], ct)));

    private static async Task<Ok<List<HonourView>>> List(string? year, string? status, HonourWorkflow flow, Scoring scoring, CancellationToken ct)
    {
        var list = await flow.ListAsync(scoring.Year(year), WireEnum.ParseOptional<HonourStatus>(status, "status"), ct);
        var names = await flow.NamesAsync(list, ct);
        return TypedResults.Ok(list.Select(h => HonourView.From(h, names)).ToList());
    }

    private static async Task<Ok<List<HonourCandidateView>>> Candidates(string? year, string? title, int? take, HonourWorkflow flow, Scoring scoring, CancellationToken ct)
        => TypedResults.Ok((await flow.CandidatesAsync(scoring.Year(year), title, take ?? 10, ct)).Select(HonourCandidateView.From).ToList());

    private static async Task<Created<HonourView>> Nominate(NominateHonourRequest r, HonourWorkflow flow, CancellationToken ct)
    {
        var h = await flow.NominateAsync(r, ct);
        return TypedResults.Created($"/api/v1/honours/{h.Id}", HonourView.From(h, await flow.NamesAsync([h], ct)));
    }

    private static async Task<Created<HonourBulletinView>> Announce(string id, HonourWorkflow flow, CancellationToken ct)
    {
        var (bulletin, honours) = await flow.AnnounceAsync(id, ct);
        return TypedResults.Created($"/api/v1/bulletins/{bulletin.Id}", new HonourBulletinView(bulletin.Id, bulletin.Title, honours.Select(h => h.Id).ToList()));
    }
}
