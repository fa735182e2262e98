namespace Zhengfeng.Features.Scores;

/// <summary>综合考核: services and endpoints.</summary>
public static class ScoresApi
{
    public static IServiceCollection AddScores(this IServiceCollection services) => services;

    public static void MapScores(this IEndpointRouteBuilder app)
    {
    }
}
