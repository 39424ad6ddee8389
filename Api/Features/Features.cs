using Api.Features.AdPriority;
using Api.Features.BrandInsights;
using Api.Features.Platform;
using Api.Features.PriceWatch;
using Api.Features.ShopperSearch;
using Api.Features.Wholesale;
using Coravel.Scheduling.Schedule.Interfaces;

namespace Api.Features;

/// <summary>Each module's registrations (job kinds, schedules, rate-limit policies, demo data, token minters), in one list.</summary>
static class Features
{
    public static IServiceCollection AddFeatures(this IServiceCollection services) => services
        .AddPlatformFeatures()
        .AddAdPriorityFeatures()
        .AddBrandInsightsFeatures()
        .AddPriceWatchFeatures()
        .AddShopperSearchFeatures()
        .AddWholesaleFeatures();

    public static void Schedule(IScheduler s)
    {
        PlatformModule.Schedule(s);
        AdPriorityModule.Schedule(s);
        BrandInsightsModule.Schedule(s);
        PriceWatchModule.Schedule(s);
        ShopperSearchModule.Schedule(s);
        WholesaleModule.Schedule(s);
    }
}
