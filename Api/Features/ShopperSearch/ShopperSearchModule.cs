using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Integrations.Embeddings;
using Api.Infrastructure.Integrations.ImageFetch;
using Api.Infrastructure.Integrations.OpenAi;
using Api.Infrastructure.Jobs;
using Coravel.Scheduling.Schedule.Interfaces;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Api.Features.ShopperSearch;

/// <summary>What ShopperSearch registers: the browser CORS policy (allow-list <c>ShopperSearch:Cors:AllowedOrigins</c>), search services, integrations, the pipeline job, demo data and CLI commands.</summary>
static class ShopperSearchModule
{
    public static IServiceCollection AddShopperSearchFeatures(this IServiceCollection services)
    {
        services.AddCors();   // the named policy reads the allow-list from configuration, hence Configure<IConfiguration>
        services.AddOptions<CorsOptions>().Configure<IConfiguration>((o, config) => o.AddPolicy(ShopperSearchAuth.CorsPolicy, p => p
            .SetIsOriginAllowed(origin => ShopperSearchAuth.OriginAllowed(config, origin))
            .WithMethods("GET", "POST", "PUT", "DELETE")
            .WithHeaders("Content-Type", ShopperSearchAuth.MerchantHeader, "Authorization")
            .WithExposedHeaders("X-Request-ID", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        services.AddOpenAiClient();
        services.AddGuardedImageFetcher();
        services.AddSingleton<ShopperCache>();
        services.AddSingleton<Catalog>();
        services.AddSingleton<TermIndexes>();
        services.AddSingleton<VectorIndexes>();
        services.AddTextEmbeddings();
        services.AddSingleton<PreferencesStore>();
        services.AddScoped<ITextEmbedder, TextEmbedder>();
        services.AddScoped<SearchEngine>();
        services.AddScoped<Recommender>();
        services.AddSingleton<Api.Infrastructure.Demo.IDemoSeeder, Demo.Seeder>();
        services.AddJob<Pipeline.Run.Job>(Pipeline.Run.Job.Type);
        services.AddJob<Pipeline.Reembed.Job>(Pipeline.Reembed.Job.Type);
        services.AddSingleton<Api.Infrastructure.Cli.ICliCommand, Keys.KeysCommand>();
        services.AddSingleton<Api.Infrastructure.Cli.ICliCommand, Bench.BenchDataCommand>();
        services.AddSingleton<Api.Infrastructure.Cli.ICliCommand, Bench.EmbedBenchCommand>();
        return services;
    }

    public static void Schedule(IScheduler s) { _ = s; }
}
