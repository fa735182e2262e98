namespace Zhengfeng.Features.Honours;

/// <summary>表彰激励: services and endpoints.</summary>
public static class HonoursApi
{
    public static IServiceCollection AddHonours(this IServiceCollection services) => services;

    public static void MapHonours(this IEndpointRouteBuilder app)
    {
    }
}
