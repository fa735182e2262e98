namespace Zhengfeng.Features.Assists;

/// <summary>协办: services and endpoints.</summary>
public static class AssistsApi
{
    public static IServiceCollection AddAssists(this IServiceCollection services) => services.AddScoped<AssistWorkflow>();

    public static void MapAssists(this IEndpointRouteBuilder app)
    {
    }
}
