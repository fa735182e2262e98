namespace Zhengfeng.Features.Campaigns;

/// <summary>专项整治: services and endpoints.</summary>
public static class CampaignsApi
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services) => services;

    public static void MapCampaigns(this IEndpointRouteBuilder app)
    {
    }
}
