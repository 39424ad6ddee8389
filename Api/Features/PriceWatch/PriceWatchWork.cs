using Api.Features.PriceWatch.Team;
using Api.Infrastructure.Jobs;

namespace Api.Features.PriceWatch;

/// <summary>The module's job kinds and services behind its slices.</summary>
static class PriceWatchWork
{
    public static IServiceCollection AddPriceWatchWork(this IServiceCollection services)
    {
        services.AddScoped<InvitationMail>();
        services.AddSingleton<Common.ProfileCache>();
        services.AddScoped<Common.AlertEvaluator>();
        services.AddScoped<Common.ScrapeStarter>();
        services.AddSingleton<Scraping.RunScrape.StoreScraper>();
        services.AddJob<Scraping.RunScrape.Job>(Common.ScrapeStarter.JobType);
        return services;
    }
}
