using Api.Infrastructure.Integrations.EasyPost;
using Api.Infrastructure.Integrations.Ups;
using Api.Infrastructure.Integrations.Discord;
using Api.Infrastructure.Integrations.Twilio;
using Api.Infrastructure.Jobs;
using Api.Infrastructure.RateLimiting;
using Coravel.Scheduling.Schedule.Interfaces;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Api.Features.Wholesale;

/// <summary>
/// What Wholesale registers (its CORS policy, with credentials for the session cookie, is the platform's ModuleCors): rate-limit policies,
/// options, job kinds, schedules and demo data. Limits (issue "Wholesale core"): 10/min per address and identifier for
/// sign-in and recovery, 30/min ordering, 20/min tracking and chat, 600/min per API key.
/// </summary>
static class WholesaleModule
{
    /// <summary>10/min per client address; slices also count per identifier (<see cref="Common.SignInLimit"/>).</summary>
    public const string SignIn = "wholesale_signin";
    public const string Ordering = "wholesale_ordering";
    public const string Tracking = "wholesale_tracking";
    public const string Chat = "wholesale_chat";
    public const string ApiKeyCalls = "wholesale_apikey";

    public static IServiceCollection AddWholesaleFeatures(this IServiceCollection services)
    {
        services.AddSingleton(new RateLimitPolicy(SignIn, 10, TimeSpan.FromMinutes(1), ByAddress: true));
        services.AddSingleton(new RateLimitPolicy(Ordering, 30, TimeSpan.FromMinutes(1)));
        services.AddSingleton(new RateLimitPolicy(Tracking, 20, TimeSpan.FromMinutes(1)));
        services.AddSingleton(new RateLimitPolicy(Chat, 20, TimeSpan.FromMinutes(1)));
        services.AddSingleton(new RateLimitPolicy(ApiKeyCalls, 600, TimeSpan.FromMinutes(1)));
        services.AddOptions<WholesaleOptions>().BindConfiguration("Wholesale");
        services.AddSingleton<Common.BusinessClock>();
        services.AddSingleton<Common.SignInLimit>();
        services.AddHttpClient(nameof(Common.WholesaleStripe), c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<Common.WholesaleStripe>();
        services.AddSingleton<Common.Origins>();
        services.AddSingleton<Api.Infrastructure.Demo.IDemoSeeder, Demo.Seeder>();
        services.AddSingleton<Api.Infrastructure.Cli.ICliCommand, Bench.GenerateBenchData.CliCommand>();
        // area registrations (job kinds, typed clients, scheduled tasks) go below, one line each
        services.AddJob<SalesScoring.Refit.Job>(SalesScoring.Refit.Job.Type).AddTransient<Api.Infrastructure.Scheduling.WholesaleScoreRefit>().AddOptions<SalesScoring.SalesScoringOptions>().BindConfiguration("Wholesale:Sales:Scoring");   // sales-scoring
        services.AddSingleton<Api.Infrastructure.Cli.ICliCommand, Bench.SalesBenchData.CliCommand>();   // sales-scoring: bench data and fit timing
        services.AddOptions<Sourcing.SourcingOptions>().BindConfiguration("Wholesale:Sourcing");   // sourcing: inventory-needs formula
        services.AddSingleton<Api.Infrastructure.Cli.ICliCommand, Bench.SourcingBenchData.CliCommand>();   // sourcing: inventory-needs bench data
        services.AddEasyPost().AddUpsTracking();   // shipping: labels (EasyPost or the local carrier) and UPS tracking
        services.AddOptions<ShippingBoxes.ShippingOptions>().BindConfiguration(ShippingBoxes.ShippingOptions.Section);   // shipping: box catalog, weekday summary
        services.AddTransient<Api.Infrastructure.Scheduling.WholesaleShipmentSummary>();   // shipping: weekday Discord summary
        services.AddSingleton<Api.Infrastructure.Cli.ICliCommand, Bench.ShippingBenchData.CliCommand>();   // shipping: bench data
        services.AddSingleton<Api.Infrastructure.Cli.ICliCommand, Bench.StaffOrdersBenchData.CliCommand>();   // staff orders: bench data
        services.AddSingleton<Api.Infrastructure.Cli.ICliCommand, Bench.VoiceBenchData.CliCommand>();   // voice: bench data
        services.AddSingleton<Common.ReportSnapshots>();   // staff reports: snapshots of closed months / old orders
        services.AddSingleton<Common.AfterResponse>().AddHostedService(sp => sp.GetRequiredService<Common.AfterResponse>());   // sign-in: mails/texts after the answer
        services.TryAddSingleton<Common.ISmsSender, Common.OutboxSmsSender>();   // sign-in: default SMS sender (outbox); the Twilio client replaces it
        services.TryAddSingleton<Api.Infrastructure.Integrations.Mail.IMailSender, Api.Infrastructure.Integrations.Mail.MailSender>();   // sign-in
        services.AddSingleton<Common.AccountMail>().AddSingleton<Common.RecoveryDebug>().AddSingleton<Auth.VerifyLinks>().AddSingleton<Auth.PhoneCodes>().AddScoped<StaffAuth.StaffSignIn>();   // sign-in
        services.AddOptions<WholesaleOptions>().Validate<IHostEnvironment>(Common.RecoveryDebug.Allowed, "Wholesale:Auth:ExposeDebugValues must not be set in Production").ValidateOnStart();   // sign-in
        services.AddTransient<Api.Infrastructure.Scheduling.WholesaleExpirePaymentLinks>();
        services.AddTransient<Api.Infrastructure.Scheduling.WholesaleSubscriptionRenewals>();   // subscriptions: daily renewals
        services.AddJob<Bills.Extraction.Job>(Bills.Extraction.Job.Type);
        services.AddDiscordNotifier();
        services.TryAddSingleton<Api.Infrastructure.Integrations.Mail.IMailSender, Api.Infrastructure.Integrations.Mail.MailSender>();
        services.AddOptions<SalesCallingList.CallingListOptions>().BindConfiguration(SalesCallingList.CallingListOptions.Section).Services.AddTransient<Api.Infrastructure.Scheduling.WholesaleCallingListDecay>().AddJob<SalesImport.Import.Job>(SalesImport.Import.Job.Type);   // sales calling
        services.AddSingleton<Api.Infrastructure.Cli.ICliCommand, Bench.SalesCallingBenchData.CliCommand>();   // sales calling: bench data
        services.AddTransient<Api.Infrastructure.Scheduling.WholesaleInvoicesOverdue>();   // invoices: overdue daily
        services.AddJob<Voice.Evaluation.Job>(Voice.Evaluation.Job.Type);   // voice: call evaluation
        services.AddTwilioSms();   // ISmsSender: Twilio when Wholesale:Twilio is configured, else the outbox; keep after other ISmsSender lines
        return services;
    }

    public static void Schedule(IScheduler s)
    {
        // area schedules go here, one line each
        s.Schedule<Api.Infrastructure.Scheduling.WholesaleSubscriptionRenewals>().DailyAtHour(12).PreventOverlapping(nameof(Api.Infrastructure.Scheduling.WholesaleSubscriptionRenewals));   // subscriptions
        s.Schedule<Api.Infrastructure.Scheduling.WholesaleScoreRefit>().DailyAtHour(8).PreventOverlapping(nameof(Api.Infrastructure.Scheduling.WholesaleScoreRefit));   // sales-scoring: nightly refit (08:00 UTC, about 2-3 am Chicago)
        s.Schedule<Api.Infrastructure.Scheduling.WholesaleCallingListDecay>().DailyAtHour(8).PreventOverlapping(nameof(Api.Infrastructure.Scheduling.WholesaleCallingListDecay));   // sales calling: 08:00 UTC, night in Chicago
        s.Schedule<Api.Infrastructure.Scheduling.WholesaleInvoicesOverdue>().DailyAt(6, 0).PreventOverlapping(nameof(Api.Infrastructure.Scheduling.WholesaleInvoicesOverdue));   // invoices: overdue daily
        s.Schedule<Api.Infrastructure.Scheduling.WholesaleShipmentSummary>().Hourly().Weekday().PreventOverlapping(nameof(Api.Infrastructure.Scheduling.WholesaleShipmentSummary));
        s.Schedule<Api.Infrastructure.Scheduling.WholesaleExpirePaymentLinks>().EveryFiveMinutes().PreventOverlapping(nameof(Api.Infrastructure.Scheduling.WholesaleExpirePaymentLinks));
    }
}

/// <summary><c>Wholesale:*</c> settings.</summary>
public sealed class WholesaleOptions
{
    /// <summary>The business's time zone (days, months and "today" in reports). The document's warehouse is in Chicago.</summary>
    public string TimeZone { get; set; } = "America/Chicago";
    /// <summary>Where email links land (verification redirects go only here).</summary>
    public string FrontendUrl { get; set; } = "http://localhost:3000";
    /// <summary>Delivery fee below the free-delivery threshold; waived from <see cref="FreeDeliveryFrom"/> (the document's $300).</summary>
    public decimal DeliveryFee { get; set; } = 25m;
    public decimal FreeDeliveryFrom { get; set; } = 300m;
    /// <summary>Sales inbox for save-me-money requests.</summary>
    public string SalesEmail { get; set; } = "sales@lld.example";
    public AuthOptions Auth { get; set; } = new();

    public sealed class AuthOptions
    {
        /// <summary>Show <c>debug_token</c>/<c>debug_otp</c>/<c>debug_username</c> in recovery answers (refused in Production).</summary>
        public bool ExposeDebugValues { get; set; }
    }
}
