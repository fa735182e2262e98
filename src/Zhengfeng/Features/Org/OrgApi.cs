using Microsoft.AspNetCore.Http.HttpResults;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Org;

public static class OrgApi
{
    public static IServiceCollection AddOrg(this IServiceCollection services)
        => services.AddSingleton<UnitTree>().AddScoped<OrgService>();

    public static void MapOrg(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/api/v1/units").RequireAuthorization().WithTags("单位");
        units.MapGet("/", ListUnits);
        units.MapGet("/{id}", GetUnit);
        units.MapPost("/", CreateUnit).RequireAuthorization(Policies.Admin);
        units.MapPut("/{id}", UpdateUnit).RequireAuthorization(Policies.Admin);

        var cadres = app.MapGroup("/api/v1/cadres").RequireAuthorization().WithTags("干部");
        cadres.MapGet("/", SearchCadres);
        cadres.MapPost("/", CreateCadre).RequireAuthorization(Policies.Admin);
        cadres.MapPut("/{id}", UpdateCadre).RequireAuthorization(Policies.Admin);
    }

    private static async Task<Ok<IEnumerable<UnitView>>> ListUnits(string? q, OrgService org, CancellationToken ct)
        => TypedResults.Ok((await org.ListUnitsAsync(q, ct)).Select(UnitView.From));

    private static async Task<Ok<UnitView>> GetUnit(string id, OrgService org, CancellationToken ct)
        => TypedResults.Ok(UnitView.From(await org.GetUnitAsync(id, ct)));

    private static async Task<Created<UnitView>> CreateUnit(UnitRequest request, OrgService org, CancellationToken ct)
    {
        var unit = await org.CreateUnitAsync(request, ct);
        return TypedResults.Created($"/api/v1/units/{unit.Id}", UnitView.From(unit));
    }

    private static async Task<Ok<UnitView>> UpdateUnit(string id, UnitRequest request, OrgService org, CancellationToken ct)
        => TypedResults.Ok(UnitView.From(await org.UpdateUnitAsync(id, request, ct)));

    private static async Task<Ok<Page<CadreView>>> SearchCadres(string? q, string? unitId, int? page, int? pageSize, OrgService org, CancellationToken ct)
    {
        var result = await org.SearchCadresAsync(q, unitId, page ?? 1, pageSize ?? 50, ct);
        return TypedResults.Ok(new Page<CadreView>(result.Items.Select(CadreView.From).ToList(), result.Total, result.PageNumber, result.PageSize));
    }

    private static async Task<Created<CadreView>> CreateCadre(CadreRequest request, OrgService org, CancellationToken ct)
    {
        var cadre = await org.CreateCadreAsync(request, ct);
        return TypedResults.Created($"/api/v1/cadres/{cadre.Id}", CadreView.From(cadre));
    }

    private static async Task<Ok<CadreView>> UpdateCadre(string id, CadreRequest request, OrgService org, CancellationToken ct)
        => TypedResults.Ok(CadreView.From(await org.UpdateCadreAsync(id, request, ct)));
}
