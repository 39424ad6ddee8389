using Stripe;

namespace Api.Features.Wholesale.Common;

/// <summary>
/// Wholesale's own Stripe account (Stripe.net): <c>Wholesale:Stripe:SecretKey</c>, <c>Wholesale:Stripe:BaseUrl</c> (default
/// the real API; tests and the sandbox point it at 127.0.0.1), <c>Wholesale:Stripe:WebhookSecret</c>,
/// <c>Wholesale:Stripe:PublishableKey</c>. Without a secret key <see cref="Client"/> is null and card slices answer 503
/// (create-link adds its documented <c>fallback_url</c>).
/// </summary>
sealed class WholesaleStripe(IConfiguration config, IHttpClientFactory http)
{
    readonly Lazy<IStripeClient?> _client = new(() =>
    {
        if (config["Wholesale:Stripe:SecretKey"] is not { Length: > 0 } key) return null;
        var baseUrl = config["Wholesale:Stripe:BaseUrl"] is { Length: > 0 } b ? b.TrimEnd('/') : StripeClient.DefaultApiBase;
        return new StripeClient(key, httpClient: new SystemNetHttpClient(http.CreateClient(nameof(WholesaleStripe)), maxNetworkRetries: 1),
            apiBase: baseUrl);
    });

    public IStripeClient? Client => _client.Value;
    public string? WebhookSecret => config["Wholesale:Stripe:WebhookSecret"] is { Length: > 0 } s ? s : null;
    public string Currency => config["Wholesale:Stripe:Currency"] is { Length: > 0 } c ? c : "usd";
}
