using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Demo;
using Api.Infrastructure.Integrations.Mail;
using Api.Infrastructure.Integrations.Outbound;
using Api.Infrastructure.Integrations.Stripe;
using Api.Infrastructure.Integrations.SupabaseAdmin;
using Api.Infrastructure.Integrations.WebFetch;
using Api.Infrastructure.RateLimiting;
using Api.Infrastructure.Scheduling;
using Coravel.Scheduling.Schedule.Interfaces;

namespace Api.Features.PriceWatch;

/// <summary>PriceWatch (VantageDash): registrations of its job kinds, schedule, clients, demo data and token minter.</summary>
static class PriceWatchModule
{
    public const string RateLimitPolicy = "pricewatch";

    public static IServiceCollection AddPriceWatchFeatures(this IServiceCollection services)
    {
        services.AddSingleton(new RateLimitPolicy(RateLimitPolicy, PermitLimit: 300, Window: TimeSpan.FromMinutes(1)));
        services.AddScoped<Caller>();
        services.AddSingleton<IMailSender, MailSender>();
        services.AddHttpClient<SupabaseAdminClient>(c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddOutboundGuard();   // the scraper, store URLs and competitor URL checks go through it
        services.AddSingleton<WebFetcher>();
        services.AddStripeGateway();
        services.AddPriceWatchWork();
        services.AddTransient<PriceWatchScheduledScrapes>();
        services.AddSingleton<IDemoSeeder, Demo.Seeder>();
        services.AddSingleton<ITokenMinter, TokenMinter>();
        services.AddSingleton<ICliCommand, Demo.BenchData>();
        services.AddSingleton<ICliCommand, Quality.MatchQualityCommand>();
        return services;
    }

    public static void Schedule(IScheduler s) =>
        s.Schedule<PriceWatchScheduledScrapes>().EveryMinute().PreventOverlapping(nameof(PriceWatchScheduledScrapes));

    /// <summary><c>token pricewatch --user owner@acme.demo</c> (a demo email or a user UUID) prints a Supabase-style access token.</summary>
    sealed class TokenMinter(Secrets secrets, IConfiguration config) : ITokenMinter
    {
        public string Module => "pricewatch";
        public string Usage => "--user <demo email or user uuid> [--days 30]   demo users: " + string.Join(", ", Demo.Seeder.Users.Keys);

        public string Mint(IReadOnlyDictionary<string, string> args)
        {
            if (!args.TryGetValue("user", out var user)) throw new ArgumentException("--user is required");
            Guid id; string? email = null;
            if (Demo.Seeder.Users.TryGetValue(user.ToLowerInvariant(), out var demo)) (id, email) = (demo, user.ToLowerInvariant());
            else if (!Guid.TryParse(user, out id)) throw new ArgumentException("--user must be a demo email or a UUID");
            var days = args.TryGetValue("days", out var d) && int.TryParse(d, out var n) ? n : 30;
            return PriceWatchAuth.Mint(secrets.Get(PriceWatchAuth.SecretSetting), id, email, TimeSpan.FromDays(days),
                config["Auth:PriceWatch:Audience"] is { Length: > 0 } a ? a : "authenticated",
                config["Auth:PriceWatch:Issuer"] is { Length: > 0 } i ? i : null);
        }
    }
}
