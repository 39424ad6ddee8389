using Api.Features.AdPriority.Scoring;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Demo;
using Api.Infrastructure.Integrations.Outbound;
using Api.Infrastructure.Jobs;
using Api.Infrastructure.RateLimiting;
using Api.Infrastructure.Scheduling;
using Coravel.Scheduling.Schedule.Interfaces;

namespace Api.Features.AdPriority;

/// <summary>What AdPriority registers: rate-limit policies, job kinds, scheduled tasks, typed clients, demo data and the token minter.</summary>
static class AdPriorityModule
{
    /// <summary>100/min: every session endpoint not listed below.</summary>
    public const string General = "adpriority_general";
    /// <summary>5/min each, counted separately: /api/products/sync, /api/priorities/recalculate, /api/sync/sheet.</summary>
    public const string SyncProducts = "adpriority_sync_products";
    public const string Recalculate = "adpriority_recalculate";
    public const string SyncSheet = "adpriority_sync_sheet";
    /// <summary>10/min: /auth/callback, /api/billing/subscribe.</summary>
    public const string Install = "adpriority_install";

    public static IServiceCollection AddAdPriorityFeatures(this IServiceCollection services)
    {
        services.AddSingleton(new RateLimitPolicy(General, 100, TimeSpan.FromMinutes(1), SendResetHeader: true));
        foreach (var own in new[] { SyncProducts, Recalculate, SyncSheet })
            services.AddSingleton(new RateLimitPolicy(own, 5, TimeSpan.FromMinutes(1), SendResetHeader: true));
        services.AddSingleton(new RateLimitPolicy(Install, 10, TimeSpan.FromMinutes(1), SendResetHeader: true));
        services.AddHttpContextAccessor();   // AppUrls: the request's scheme and host when no public URL is configured
        services.AddScoped<Recalculator>();
        services.AddScoped<Sync.SheetAccess>();
        services.AddOutboundGuard();
        services.AddHttpClient<Api.Infrastructure.Integrations.Shopify.ShopifyClient>(c => c.Timeout = TimeSpan.FromSeconds(20))
            .UseOutboundGuard();   // the shop host comes from the caller: public addresses only
        services.AddJob<Auth.RegisterWebhooks.Job>(Auth.RegisterWebhooks.Job.Type);
        services.AddJob<Webhooks.Process.Job>(Webhooks.Process.Job.Type);
        services.AddJob<Products.SyncProducts.Job>(Products.SyncProducts.Job.Type);
        services.AddHttpClient<Api.Infrastructure.Integrations.Google.GoogleClient>(c => c.Timeout = TimeSpan.FromSeconds(60));
        services.AddJob<Api.Features.AdPriority.Sync.SyncSheet.Job>(Api.Features.AdPriority.Sync.SyncSheet.Job.Type);
        services.AddTransient<AdPriorityPurgeUninstalled>();
        services.AddTransient<AdPrioritySeasonCheck>();
        services.AddTransient<AdPriorityDailyRescore>();
        services.AddTransient<AdPrioritySheetPush>();
        services.AddSingleton<IDemoSeeder, Demo.Seeder>();
        services.AddSingleton<ITokenMinter, TokenMinter>();
        services.AddSingleton<ICliCommand, Bench.GenerateBenchData.CliCommand>();
        return services;
    }

    public static void Schedule(IScheduler s)
    {
        s.Schedule<AdPriorityPurgeUninstalled>().Hourly().PreventOverlapping(nameof(AdPriorityPurgeUninstalled));
        s.Schedule<AdPrioritySeasonCheck>().Hourly().PreventOverlapping(nameof(AdPrioritySeasonCheck));
        s.Schedule<AdPriorityDailyRescore>().DailyAt(3, 30).PreventOverlapping(nameof(AdPriorityDailyRescore));
        s.Schedule<AdPrioritySheetPush>().HourlyAt(5).PreventOverlapping(nameof(AdPrioritySheetPush));
    }

    /// <summary><c>token adpriority --shop demo-shop.myshopify.com [--minutes 60]</c>: an App Bridge-shaped session token.</summary>
    sealed class TokenMinter(Secrets secrets, IConfiguration config) : ITokenMinter
    {
        public string Module => "adpriority";
        public string Usage => "--shop <name>.myshopify.com [--minutes 60]";

        public string Mint(IReadOnlyDictionary<string, string> args)
        {
            if (!args.TryGetValue("shop", out var s) || AdPriorityAuth.NormalizeShop(s) is not { } shop)
                throw new ArgumentException("--shop must be a <name>.myshopify.com domain");
            var minutes = args.TryGetValue("minutes", out var m) && int.TryParse(m, out var n) && n > 0 ? n : 60;
            return AdPriorityAuth.MintSessionToken(secrets.Get(AdPriorityAuth.ApiSecretSetting), AdPriorityAuth.ApiKey(config), shop, TimeSpan.FromMinutes(minutes));
        }
    }
}
