using Api.Infrastructure.Auth;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Demo;
using Api.Infrastructure.Scheduling;
using Coravel.Scheduling.Schedule.Interfaces;

namespace Api.Features.BrandInsights;

/// <summary>What BrandInsights registers: brand scoping, the roll-up schedule, demo data, token minter and CLI commands.</summary>
static class BrandInsightsModule
{
    public static IServiceCollection AddBrandInsightsFeatures(this IServiceCollection services)
    {
        services.AddScoped<BrandScope>();
        services.AddTransient<RollUpBrandInsights>();
        services.AddSingleton<ITokenMinter, TokenMinter>();
        services.AddSingleton<IDemoSeeder, Demo.Seeder>();
        services.AddSingleton<ICliCommand, Ingest.CreateIngestKey.CliCommand>();
        services.AddSingleton<ICliCommand, Bench.GenerateBenchData.CliCommand>();
        return services;
    }

    public static void Schedule(IScheduler s) =>
        s.Schedule<RollUpBrandInsights>().EveryFiveMinutes().PreventOverlapping(nameof(RollUpBrandInsights));

    sealed class TokenMinter(Secrets secrets, IConfiguration config) : ITokenMinter
    {
        public string Module => "brand-insights";
        public string Usage => "--brand <brand_key> [--days 30]";

        public string Mint(IReadOnlyDictionary<string, string> args)
        {
            if (!args.TryGetValue("brand", out var brand) || string.IsNullOrWhiteSpace(brand))
                throw new ArgumentException("--brand is required (a cannabrands_id such as cb_12345, or a slug)");
            var days = args.TryGetValue("days", out var d) && int.TryParse(d, out var n) && n > 0 ? n : 30;
            return BrandInsightsAuth.MintToken(secrets.Get(BrandInsightsAuth.SigningKeySetting), brand, TimeSpan.FromDays(days),
                config["Auth:BrandInsights:Issuer"], config["Auth:BrandInsights:Audience"]);
        }
    }
}
