using Api.Features.Platform.Demo;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Demo;
using Api.Infrastructure.Jobs;
using Api.Infrastructure.RateLimiting;
using Api.Infrastructure.Scheduling;
using Coravel.Scheduling.Schedule.Interfaces;

namespace Api.Features.Platform;

/// <summary>What the platform slices register: their job kinds, scheduled tasks, rate-limit policy, demo data and token minter.</summary>
static class PlatformModule
{
    public const string RateLimitPolicy = "platform";

    public static IServiceCollection AddPlatformFeatures(this IServiceCollection services)
    {
        services.AddSingleton(new RateLimitPolicy(RateLimitPolicy, PermitLimit: 300, Window: TimeSpan.FromMinutes(1), SendResetHeader: true));
        services.AddJob<Settings.ExportSettings.Job>(Settings.ExportSettings.Job.Type);
        services.AddTransient<PurgeFinishedJobs>();
        services.AddSingleton<IDemoSeeder, Seeder>();
        services.AddSingleton<ITokenMinter, TokenMinter>();
        services.AddSingleton<PlatformAdmin>();
        return services;
    }

    public static void Schedule(IScheduler s) =>
        s.Schedule<PurgeFinishedJobs>().DailyAtHour(3).PreventOverlapping(nameof(PurgeFinishedJobs));

    sealed class TokenMinter(Secrets secrets, IConfiguration config) : ITokenMinter
    {
        public string Module => "platform";
        public string Usage => "--tenant <uuid> [--days 30] | --admin [--days 1]";

        public string Mint(IReadOnlyDictionary<string, string> args)
        {
            if (args.ContainsKey("admin"))   // the platform admin token: operator endpoints (API keys, ingest keys), no tenant
                return new PlatformAdmin(secrets, config).Mint(TimeSpan.FromDays(args.TryGetValue("days", out var ad) && int.TryParse(ad, out var an) && an > 0 ? an : 1));
            if (!args.TryGetValue("tenant", out var tenant) || !Guid.TryParse(tenant, out _))
                throw new ArgumentException("--tenant must be a UUID");
            var days = args.TryGetValue("days", out var d) && int.TryParse(d, out var n) ? n : 30;
            return JwtSchemeHandler.Mint(secrets.Get(Schemes.PlatformSigningKey),
                new Dictionary<string, object> { ["tenant_id"] = tenant, ["sub"] = "dev-cli" }, TimeSpan.FromDays(days),
                config["Auth:Platform:Issuer"], config["Auth:Platform:Audience"]);
        }
    }
}
