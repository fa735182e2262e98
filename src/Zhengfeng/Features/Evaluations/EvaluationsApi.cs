using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Evaluations;

public sealed record GroupView(string Group, string Label, int Weight);

public sealed record CampaignView(string Id, string Name, int Year, string Status, string StatusLabel, List<string> UnitIds, List<GroupView> Groups,
    DateTimeOffset CreatedAt, DateTimeOffset? OpenedAt, DateTimeOffset? ClosedAt)
{
    public static CampaignView From(EvaluationCampaign c, List<CampaignUnit> units, List<CampaignGroup> groups) => new(c.Id, c.Name, c.Year,
        WireEnum.Name(c.Status), EvaluationCampaign.Label(c.Status), units.Select(u => u.UnitId).ToList(),
        groups.Select(g => new GroupView(WireEnum.Name(g.Group), EvaluationCampaign.Label(g.Group), g.Weight)).ToList(), c.CreatedAt, c.OpenedAt, c.ClosedAt);
}

public sealed record IssuedBallots(string Group, List<string> Codes);

public sealed record ConsequenceView(string Id, string Kind, string? CadreId, string Reason, string? AccountabilityCaseId, string? BulletinId);

public sealed record TurnoutView(string Group, string Label, int Weight, int Issued, int Cast, double Percent)
{
    public static TurnoutView From(GroupTurnout t) => new(WireEnum.Name(t.Group), EvaluationCampaign.Label(t.Group), t.Weight, t.Issued, t.Cast, t.Percent);
}

public sealed record ReferralView(string ConsequenceId, string AccountabilityCaseId);

public sealed record PraiseView(string BulletinId, string Title);

public sealed record UnitResultView(string UnitId, string UnitName, double Score, int Votes, string Verdict, string VerdictLabel, List<ConsequenceView> Consequences);

public sealed record PublicBallotUnit(string UnitId, string Name);

public sealed record PublicBallotView(string Campaign, int Year, string Group, string GroupLabel, bool Used, bool Open, List<PublicBallotUnit> Units, bool Closed);

public static class EvaluationsApi
{
    public static IServiceCollection AddEvaluations(this IServiceCollection services)
    {
        services.AddOptions<EvaluationRules>().BindConfiguration("Evaluations").ValidateDataAnnotations().ValidateOnStart();
        return services.AddScoped<EvaluationWorkflow>().AddScoped<EvaluationFollowUp>();
    }

    public static void MapEvaluations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/evaluations").RequireAuthorization(Policies.ReadEvaluations).WithTags("评议");
        group.MapGet("/", List);
        group.MapPost("/", Create).RequireAuthorization(Policies.Admin);
        group.MapGet("/{id}", async (string id, EvaluationWorkflow flow, CancellationToken ct) => TypedResults.Ok(await ViewAsync(await flow.LoadAsync(id, ct), flow, ct)));
        group.MapPost("/{id}/open", async (string id, EvaluationWorkflow flow, CancellationToken ct)
            => TypedResults.Ok(await ViewAsync(await flow.OpenAsync(id, ct), flow, ct))).RequireAuthorization(Policies.Admin);
        group.MapPost("/{id}/close", async (string id, EvaluationWorkflow flow, CancellationToken ct)
            => TypedResults.Ok(await ViewAsync(await flow.CloseAsync(id, ct), flow, ct))).RequireAuthorization(Policies.Admin);
        group.MapPost("/{id}/ballots", async (string id, IssueBallotsRequest r, EvaluationWorkflow flow, CancellationToken ct)
            => TypedResults.Ok(new IssuedBallots(WireEnum.Name(r.Group), await flow.IssueBallotsAsync(id, r, ct)))).RequireAuthorization(Policies.Admin);
        group.MapPost("/{id}/ballots.xlsx", IssueXlsx).RequireAuthorization(Policies.Admin);
        group.MapGet("/{id}/turnout", async (string id, EvaluationWorkflow flow, CancellationToken ct)
            => TypedResults.Ok((await flow.TurnoutAsync(id, ct)).Select(TurnoutView.From).ToList()));
        group.MapGet("/{id}/results", Results);
        group.MapPost("/{id}/consequences/{consequenceId}/referral", async (string id, string consequenceId, EvaluationFollowUp followUp, CancellationToken ct)
            => TypedResults.Ok(new ReferralView(consequenceId, (await followUp.ReferAsync(id, consequenceId, ct)).Id))).RequireAuthorization(Policies.Inspect);
        group.MapPost("/{id}/praise-bulletin", async (string id, EvaluationFollowUp followUp, CancellationToken ct) =>
        {
            var bulletin = await followUp.PraiseAsync(id, ct);
            return TypedResults.Created($"/api/v1/bulletins/{bulletin.Id}", new PraiseView(bulletin.Id, bulletin.Title));
        }).RequireAuthorization(Policies.Supervise);

        var pub = app.MapGroup("/public/v1/ballots").AllowAnonymous().RequireRateLimiting(RateLimits.Ballot).WithTags("公众评议");
        pub.MapGet("/{code}", async (string code, EvaluationWorkflow flow, AppDb db, CancellationToken ct) => TypedResults.Ok(await PublicViewAsync(code, flow, db, ct)));
        pub.MapPost("/{code}", async Task<NoContent> (string code, CastBallotRequest r, EvaluationWorkflow flow, CancellationToken ct) =>
        {
            await flow.CastAsync(code, r, ct);
            return TypedResults.NoContent();
        });
    }

    private static async Task<Ok<List<CampaignView>>> List(EvaluationWorkflow flow, CancellationToken ct)
    {
        var views = new List<CampaignView>();
        foreach (var c in await flow.ListAsync(ct))
        {
            views.Add(await ViewAsync(c, flow, ct));
        }
        return TypedResults.Ok(views);
    }

    private static async Task<Created<CampaignView>> Create(CreateCampaignRequest r, EvaluationWorkflow flow, CancellationToken ct)
    {
        var campaign = await flow.CreateAsync(r, ct);
        return TypedResults.Created($"/api/v1/evaluations/{campaign.Id}", await ViewAsync(campaign, flow, ct));
    }

    private static async Task<CampaignView> ViewAsync(EvaluationCampaign c, EvaluationWorkflow flow, CancellationToken ct)
        => CampaignView.From(c, await flow.UnitsAsync(c.Id, ct), await flow.GroupsAsync(c.Id, ct));

    /// <summary>Issues codes and hands them back as a spreadsheet to print or mail merge; like the JSON answer, this is the only copy.</summary>
    private static async Task<FileContentHttpResult> IssueXlsx(string id, IssueBallotsRequest r, EvaluationWorkflow flow, HttpRequest http, CancellationToken ct)
    {
        var campaign = await flow.LoadAsync(id, ct);
        var codes = await flow.IssueBallotsAsync(id, r, ct);
        return BallotSheet.File(campaign, r.Group, codes, BallotSheet.BaseUrl(http));
    }

    private static async Task<Ok<List<UnitResultView>>> Results(string id, EvaluationWorkflow flow, AppDb db, CancellationToken ct)
        => TypedResults.Ok(await ResultViewsAsync(id, flow, db, ct));

    public static async Task<List<UnitResultView>> ResultViewsAsync(string id, EvaluationWorkflow flow, AppDb db, CancellationToken ct)
    {
        var (results, consequences) = await flow.ResultsAsync(id, ct);
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return results.Select(r => new UnitResultView(r.UnitId, names.GetValueOrDefault(r.UnitId, ""), r.Score, r.Votes,
            WireEnum.Name(r.Verdict), EvaluationCampaign.Label(r.Verdict),
            consequences.Where(c => c.UnitId == r.UnitId).OrderBy(c => c.Kind == EvaluationConsequence.Accountability)
                .Select(c => new ConsequenceView(c.Id, c.Kind, c.CadreId, c.Reason, c.AccountabilityCaseId, c.BulletinId)).ToList())).ToList();
    }

    /// <summary>What a rater sees: the campaign, their group and the units to rate. Nothing identifies the rater.</summary>
    public static async Task<PublicBallotView> PublicViewAsync(string code, EvaluationWorkflow flow, AppDb db, CancellationToken ct)
    {
        var (ballot, campaign) = await flow.FindBallotAsync(code, ct);
        var unitIds = (await flow.UnitsAsync(campaign.Id, ct)).Select(u => u.UnitId).ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).OrderBy(u => u.SortOrder).ThenBy(u => u.Code)
            .Select(u => new PublicBallotUnit(u.Id, u.Name)).ToListAsync(ct);
        return new PublicBallotView(campaign.Name, campaign.Year, WireEnum.Name(ballot.Group), EvaluationCampaign.Label(ballot.Group),
            ballot.CastAt is not null, campaign.Status == CampaignStatus.Open, units, campaign.Status == CampaignStatus.Closed);
    }
}
