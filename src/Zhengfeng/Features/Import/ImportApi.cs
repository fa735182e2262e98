using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Import;

public static class ImportApi
{
    public static IServiceCollection AddImport(this IServiceCollection services)
        => services.AddScoped<ImportMappings>().AddScoped<CaseImporter>();

    public static void MapImport(this IEndpointRouteBuilder app)
    {
        var import = app.MapGroup("/api/v1/import").RequireAuthorization(Policies.Intake).WithTags("工单导入");
        import.MapGet("/mappings", async (ImportMappings mappings, CancellationToken ct) => TypedResults.Ok((await mappings.ListAsync(ct)).Select(MappingView.From).ToList()));
        import.MapGet("/mappings/{id}", async (string id, ImportMappings mappings, CancellationToken ct) => TypedResults.Ok(MappingView.From(await mappings.GetAsync(id, ct))));
        import.MapPost("/mappings", CreateMapping);
        import.MapPut("/mappings/{id}", async (string id, MappingRequest r, ImportMappings mappings, CancellationToken ct) => TypedResults.Ok(MappingView.From(await mappings.UpdateAsync(id, r, ct))));
        // Bearer-token clients send no antiforgery token; the pages post through their own form instead.
        import.MapPost("/cases", ImportCases).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(SheetReader.MaxBytes + 64 * 1024));
    }

    private static async Task<Created<MappingView>> CreateMapping(MappingRequest r, ImportMappings mappings, CancellationToken ct)
    {
        var m = await mappings.CreateAsync(r, ct);
        return TypedResults.Created($"/api/v1/import/mappings/{m.Id}", MappingView.From(m));
    }

    private static async Task<Ok<ImportResult>> ImportCases(string? mappingId, IFormFile? file, CaseImporter importer, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(mappingId))
        {
            throw new RuleException("import.no_mapping", "请指定导入映射（mappingId）", 400);
        }
        if (file is null)
        {
            throw new RuleException("import.no_file", "请上传文件（表单字段 file）", 400);
        }
        if (file.Length > SheetReader.MaxBytes)
        {
            throw new RuleException("import.too_large", "文件过大（不超过10MB）", StatusCodes.Status413PayloadTooLarge);
        }
        await using var stream = file.OpenReadStream();
        return TypedResults.Ok(await importer.ImportAsync(mappingId, stream, ct));
    }
}
