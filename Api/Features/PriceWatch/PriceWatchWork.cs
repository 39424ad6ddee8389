using Api.Features.PriceWatch.Team;
using Api.Infrastructure.Integrations.Embeddings;
using Api.Infrastructure.Integrations.OpenAi;
using Api.Infrastructure.Integrations.Outbound;
using Api.Infrastructure.Jobs;

namespace Api.Features.PriceWatch;

/// <summary>The module's job kinds and services behind its slices.</summary>
static class PriceWatchWork
{
    public static IServiceCollection AddPriceWatchWork(this IServiceCollection services)
    {
        services.AddScoped<InvitationMail>();
        services.AddSingleton<Common.ProfileCache>();
        services.AddSingleton<Common.PlatformScope>();
        services.AddScoped<Common.AlertEvaluator>();
        services.AddScoped<Common.ScrapeStarter>();
        services.AddSingleton<Scraping.RunScrape.StoreScraper>();
        services.AddJob<Scraping.RunScrape.Job>(Common.ScrapeStarter.JobType);
        // AI matching, embeddings and attribute extraction: the OpenAI-compatible client when Integrations:OpenAi configures it
        // (scoped: one instance per job run counts its local fallbacks), else the local defaults
        services.AddOpenAiClient();
        services.AddSingleton<Common.Matching.LocalRuleVerifier>();
        services.AddTextEmbeddings();
        services.AddSingleton<Common.Matching.LocalModelEmbedder>();
        services.AddSingleton<Common.Matching.LocalAttributeExtractor>();
        services.AddScoped<Common.Matching.IMatchVerifier>(sp => sp.GetRequiredService<OpenAiClient>().ChatConfigured
            ? ActivatorUtilities.CreateInstance<Common.Matching.OpenAiVerifier>(sp) : sp.GetRequiredService<Common.Matching.LocalRuleVerifier>());
        services.AddScoped<Common.Matching.IEmbedder>(sp => sp.GetRequiredService<OpenAiClient>().EmbeddingsConfigured
            ? ActivatorUtilities.CreateInstance<Common.Matching.OpenAiEmbedder>(sp) : sp.GetRequiredService<Common.Matching.LocalModelEmbedder>());
        services.AddScoped<Common.Matching.IAttributeExtractor>(sp => sp.GetRequiredService<OpenAiClient>().ChatConfigured
            ? ActivatorUtilities.CreateInstance<Common.Matching.OpenAiAttributeExtractor>(sp) : sp.GetRequiredService<Common.Matching.LocalAttributeExtractor>());
        services.AddJob<Matching.StartMatch.Job>(Common.MatchingSessions.JobType("match"));
        services.AddJob<Matching.Backfill.Job>(Common.MatchingSessions.JobType("backfill"));
        services.AddJob<Matching.Embed.Job>(Common.MatchingSessions.JobType("embed"));
        services.AddJob<Matching.Validate.Job>(Common.MatchingSessions.JobType("validate"));
        // own catalog: the shared Shopify Admin client (registered by AdPriority too, with the same timeout)
        if (!services.Any(d => d.ServiceType == typeof(Api.Infrastructure.Integrations.Shopify.ShopifyClient)))
            services.AddHttpClient<Api.Infrastructure.Integrations.Shopify.ShopifyClient>(c => c.Timeout = TimeSpan.FromSeconds(20))
                .UseOutboundGuard();   // shop_url is user-given: public addresses only
        services.AddSingleton<Sync.StartSync.IShopifyCatalog, Sync.StartSync.ShopifyAdminCatalog>();
        services.AddJob<Sync.StartSync.Job>(Sync.StartSync.Job.Type);
        return services;
    }
}
