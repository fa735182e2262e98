namespace Zhengfeng.Features.Assignments;

/// <summary>交办督办: services and endpoints.</summary>
public static class AssignmentsApi
{
    public static IServiceCollection AddAssignments(this IServiceCollection services) => services;

    public static void MapAssignments(this IEndpointRouteBuilder app)
    {
    }
}
