using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Integrations.Embeddings;
using Api.Infrastructure.Integrations.ImageFetch;
using Api.Infrastructure.Integrations.OpenAi;
using Api.Infrastructure.Jobs;
using Coravel.Scheduling.Schedule.Interfaces;

namespace Api.Features.ShopperSearch;

/// <summary>What ShopperSearch registers: search services, integrations, the pipeline job, demo data and CLI commands.</summary>
static class ShopperSearchModule
{
    public static IServiceCollection AddShopperSearchFeatures(this IServiceCollection services)
    {
        services.AddOpenAiClient();
        services.AddGuardedImageFetcher();
        services.AddSingleton<ShopperCache>();
        services.AddSingleton<Catalog>();
        services.AddSingleton<TermIndexes>();
        services.AddSingleton<VectorIndexes>();
        services.AddSingleton<IdentifierIndexes>();
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
        services.AddSingleton<Api.Infrastructure.Cli.ICliCommand, Bench.SearchQualityCommand>();
        return services;
    }

    public static void Schedule(IScheduler s) { _ = s; }
}
