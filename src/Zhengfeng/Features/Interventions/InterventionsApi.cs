using Microsoft.AspNetCore.Http.HttpResults;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Interventions;

public static class InterventionsApi
{
    public static IServiceCollection AddInterventions(this IServiceCollection services) => services.AddScoped<InterventionWorkflow>();

    public static void MapInterventions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/interventions").RequireAuthorization(Policies.Staff).WithTags("说情打招呼登记");
        group.MapPost("/", Record);
        group.MapGet("/", async (string? q, string? person, int? page, int? pageSize, InterventionWorkflow flow, CancellationToken ct)
            => TypedResults.Ok(await flow.SearchAsync(q, person, page ?? 1, pageSize ?? 20, ct)));
        group.MapGet("/people", async (string? from, string? to, InterventionWorkflow flow, CancellationToken ct) => TypedResults.Ok(await flow.PeopleAsync(from, to, ct)))
            .RequireAuthorization(Policies.Interventions);
        group.MapGet("/{id}", async (string id, InterventionWorkflow flow, CancellationToken ct)
            => TypedResults.Ok((await flow.ViewsAsync([await flow.LoadAsync(id, ct)], ct))[0]));
    }

    private static async Task<Created<InterventionView>> Record(RecordInterventionRequest r, InterventionWorkflow flow, CancellationToken ct)
    {
        var item = await flow.RecordAsync(r, ct);
        return TypedResults.Created($"/api/v1/interventions/{item.Id}", (await flow.ViewsAsync([item], ct))[0]);
    }
}
