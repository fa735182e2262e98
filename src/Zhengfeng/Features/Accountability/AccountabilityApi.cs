using Microsoft.AspNetCore.Http.HttpResults;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accountability;

public static class AccountabilityApi
{
    public static IServiceCollection AddAccountability(this IServiceCollection services)
        => services.AddScoped<AccountabilityWorkflow>().AddScoped<IntegrityFile>().AddScoped<AccountabilityGaps>();

    public static void MapAccountability(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/accountability").RequireAuthorization(Policies.Inspect).WithTags("问责");
        cases.MapPost("/", Open);
        cases.MapGet("/", async (string? status, AccountabilityWorkflow flow, TimeProvider clock, CancellationToken ct)
            => TypedResults.Ok((await flow.ListAsync(AccountabilityFilter.Of(status, null), ct)).Select(c => AccountabilityCaseView.From(c, clock.GetUtcNow().CstDate())).ToList()));
        cases.MapGet("/gaps", async (int? days, string? unitId, AccountabilityGaps gaps, CancellationToken ct) => TypedResults.Ok(await gaps.ListAsync(days, unitId, ct)));
        cases.MapGet("/{id}", (string id, AccountabilityWorkflow flow, TimeProvider clock, CancellationToken ct) => Run(flow.LoadAsync(id, ct), clock));
        cases.MapPost("/{id}/investigation", (string id, AccountabilityWorkflow flow, TimeProvider clock, CancellationToken ct) => Run(flow.InvestigateAsync(id, ct), clock));
        cases.MapPost("/{id}/findings", (string id, FindingsRequest r, AccountabilityWorkflow flow, TimeProvider clock, CancellationToken ct) => Run(flow.RecordFindingsAsync(id, r, ct), clock));
        cases.MapPost("/{id}/decision", (string id, DecideAccountabilityRequest r, AccountabilityWorkflow flow, TimeProvider clock, CancellationToken ct) => Run(flow.DecideAsync(id, r, ct), clock));
        cases.MapPost("/{id}/answer", (string id, AnswerRequest r, AccountabilityWorkflow flow, TimeProvider clock, CancellationToken ct) => Run(flow.RecordAnswerAsync(id, r, ct), clock));
        cases.MapPost("/{id}/assessment", (string id, AssessAnswerRequest r, AccountabilityWorkflow flow, TimeProvider clock, CancellationToken ct)
            => Run(flow.AssessAnswerAsync(id, r, ct), clock));
        cases.MapPost("/{id}/dismissal", (string id, CloseAccountabilityRequest r, AccountabilityWorkflow flow, TimeProvider clock, CancellationToken ct) => Run(flow.DismissAsync(id, r, ct), clock));

        var exemptions = app.MapGroup("/api/v1/exemptions").RequireAuthorization().WithTags("容错免责");
        exemptions.MapPost("/", ApplyExemption);
        exemptions.MapGet("/{id}", async (string id, AccountabilityWorkflow flow, CancellationToken ct)
            => TypedResults.Ok(ExemptionView.From(await flow.LoadExemptionAsync(id, ct)))).RequireAuthorization(Policies.ReadIntegrity);
        exemptions.MapPost("/{id}/decision", async (string id, DecideExemptionRequest r, AccountabilityWorkflow flow, CancellationToken ct)
            => TypedResults.Ok(ExemptionView.From(await flow.DecideExemptionAsync(id, r, ct)))).RequireAuthorization(Policies.DecideExemption);

        app.MapGet("/api/v1/cadres/{id}/integrity-file", async (string id, IntegrityFile file, CancellationToken ct) => TypedResults.Ok(await file.ForAsync(id, ct)))
            .RequireAuthorization(Policies.ReadIntegrity).WithTags("廉政档案");
    }

    private static async Task<Ok<AccountabilityCaseView>> Run(Task<AccountabilityCase> action, TimeProvider clock)
        => TypedResults.Ok(AccountabilityCaseView.From(await action, clock.GetUtcNow().CstDate()));

    private static async Task<Created<AccountabilityCaseView>> Open(OpenAccountabilityRequest r, AccountabilityWorkflow flow, TimeProvider clock, CancellationToken ct)
    {
        var c = await flow.OpenAsync(r, ct);
        return TypedResults.Created($"/api/v1/accountability/{c.Id}", AccountabilityCaseView.From(c, clock.GetUtcNow().CstDate()));
    }

    private static async Task<Created<ExemptionView>> ApplyExemption(ApplyExemptionRequest r, AccountabilityWorkflow flow, CancellationToken ct)
    {
        var e = await flow.ApplyExemptionAsync(r, ct);
        return TypedResults.Created($"/api/v1/exemptions/{e.Id}", ExemptionView.From(e));
    }
}
