using Stripe;

namespace Api.Infrastructure.Integrations.Stripe;

/// <summary>
/// Stripe.net, configured from <c>Integrations:Stripe:SecretKey</c> and <c>Integrations:Stripe:BaseUrl</c> (default the real
/// API; tests point it at a fake on 127.0.0.1). <c>Integrations:Stripe:WebhookSecret</c> verifies webhook signatures.
/// Without a secret key <see cref="StripeGateway.Client"/> is null and the billing slices answer 503.
/// </summary>
public sealed class StripeGateway(IConfiguration config, IHttpClientFactory http)
{
    readonly Lazy<IStripeClient?> _client = new(() =>
    {
        if (config["Integrations:Stripe:SecretKey"] is not { Length: > 0 } key) return null;
        var baseUrl = config["Integrations:Stripe:BaseUrl"] is { Length: > 0 } b ? b.TrimEnd('/') : StripeClient.DefaultApiBase;
        return new StripeClient(key, httpClient: new SystemNetHttpClient(http.CreateClient(nameof(StripeGateway)), maxNetworkRetries: 1),
            apiBase: baseUrl);
    });

    public IStripeClient? Client => _client.Value;
    public string? WebhookSecret => config["Integrations:Stripe:WebhookSecret"] is { Length: > 0 } s ? s : null;
    /// <summary>Stripe's recommended tolerance for the signature timestamp (seconds).</summary>
    public long WebhookTolerance => config.GetValue("Integrations:Stripe:WebhookToleranceSeconds", 300L);
    public string? PriceFor(string plan) => config[$"Integrations:Stripe:Prices:{plan}"] is { Length: > 0 } p ? p : null;
    public string? PlanForPrice(string priceId) =>
        config.GetSection("Integrations:Stripe:Prices").GetChildren().FirstOrDefault(c => c.Value == priceId)?.Key;
}

public static class StripeRegistration
{
    public static IServiceCollection AddStripeGateway(this IServiceCollection services)
    {
        services.AddHttpClient(nameof(StripeGateway), c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<StripeGateway>();
        return services;
    }
}
