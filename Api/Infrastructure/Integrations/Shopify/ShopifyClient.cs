using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Api.Infrastructure.Integrations.Shopify;

/// <summary>A Shopify call that failed: <see cref="Status"/> is the HTTP status (null when the shop was unreachable).</summary>
public sealed class ShopifyException(int? status, string message) : Exception(message)
{
    public int? Status { get; } = status;
}

/// <summary>
/// Typed Shopify Admin API client (REST, version <see cref="ApiVersion"/>): OAuth code exchange, product paging with cursor
/// (<c>Link: rel="next"</c>) pagination and the leaky-bucket headers respected (<c>X-Shopify-Shop-Api-Call-Limit</c>, 429 +
/// <c>Retry-After</c>), webhook registration and recurring application charges (Billing API). No business decisions.
/// Base URL: <c>Integrations:Shopify:BaseUrl</c>, default <c>https://{shop}</c> (the shop's own admin host); tests point it at a
/// fake server on 127.0.0.1. Access tokens are sent in <c>X-Shopify-Access-Token</c> and never logged.
/// </summary>
public sealed partial class ShopifyClient(HttpClient http, IConfiguration config, ILogger<ShopifyClient> log)
{
    public const string ApiVersion = "2024-10";
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    Uri Base(string shop)
    {
        var template = config["Integrations:Shopify:BaseUrl"] is { Length: > 0 } b ? b : "https://{shop}";
        return new Uri(template.Replace("{shop}", shop, StringComparison.Ordinal).TrimEnd('/') + "/");
    }

    /// <summary>
    /// The page where the merchant approves an install: <c>Integrations:Shopify:AuthorizeBaseUrl</c> (default <c>https://{shop}</c>;
    /// the sandbox sets its own) + <c>/admin/oauth/authorize?</c> + <paramref name="query"/>.
    /// </summary>
    public static string AuthorizeUrl(IConfiguration config, string shop, string query) =>
        (config["Integrations:Shopify:AuthorizeBaseUrl"] is { Length: > 0 } b ? b : "https://{shop}").Replace("{shop}", shop, StringComparison.Ordinal).TrimEnd('/')
        + "/admin/oauth/authorize?" + query;

    public sealed record AccessToken(string Token, string Scope);

    /// <summary>POST /admin/oauth/access_token: the authorization code for an offline access token.</summary>
    public async Task<AccessToken> ExchangeCodeAsync(string shop, string clientId, string clientSecret, string code, CancellationToken ct)
    {
        using var rsp = await SendAsync(shop, () => new HttpRequestMessage(HttpMethod.Post, new Uri(Base(shop), "admin/oauth/access_token"))
        {
            Content = JsonContent.Create(new { client_id = clientId, client_secret = clientSecret, code }),
        }, null, ct);
        var body = await rsp.Content.ReadFromJsonAsync<TokenBody>(Json, ct);
        if (body?.AccessToken is not { Length: > 0 } token) throw new ShopifyException((int)rsp.StatusCode, "Shopify returned no access token");
        return new AccessToken(token, body.Scope ?? "");
    }

    public sealed record ProductPage(IReadOnlyList<JsonElement> Products, string? NextPageInfo);

    /// <summary>GET products.json, 250 per page; <paramref name="pageInfo"/> continues a cursor, else <paramref name="updatedSince"/> filters.</summary>
    public async Task<ProductPage> GetProductsAsync(string shop, string token, string? pageInfo, DateTime? updatedSince, CancellationToken ct)
    {
        var query = pageInfo is not null ? $"limit=250&page_info={Uri.EscapeDataString(pageInfo)}"
            : "limit=250&status=any" + (updatedSince is { } s ? "&updated_at_min=" + Uri.EscapeDataString(s.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)) : "");
        using var rsp = await SendAsync(shop, () => new HttpRequestMessage(HttpMethod.Get, new Uri(Base(shop), $"admin/api/{ApiVersion}/products.json?{query}")), token, ct);
        using var doc = JsonDocument.Parse(await rsp.Content.ReadAsStringAsync(ct));
        var products = doc.RootElement.TryGetProperty("products", out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().Select(e => e.Clone()).ToList() : [];
        string? next = null;
        if (rsp.Headers.TryGetValues("Link", out var links))
            foreach (Match m in NextLink().Matches(string.Join(',', links)))
                if (Uri.TryCreate(m.Groups[1].Value, UriKind.Absolute, out var u) && System.Web.HttpUtility.ParseQueryString(u.Query)["page_info"] is { } pi) next = pi;
        return new ProductPage(products, next);
    }

    /// <summary>POST webhooks.json; an address already registered for the topic (422) counts as registered.</summary>
    public async Task RegisterWebhookAsync(string shop, string token, string topic, string address, CancellationToken ct)
    {
        try
        {
            using var _ = await SendAsync(shop, () => new HttpRequestMessage(HttpMethod.Post, new Uri(Base(shop), $"admin/api/{ApiVersion}/webhooks.json"))
            {
                Content = JsonContent.Create(new { webhook = new { topic, address, format = "json" } }),
            }, token, ct);
        }
        catch (ShopifyException e) when (e.Status == 422) { log.LogInformation("Webhook {Topic} already registered for {Shop}", topic, shop); }
    }

    public sealed record Charge(long Id, string Name, string Price, string Status, string? ConfirmationUrl, int TrialDays, bool Test);

    /// <summary>POST recurring_application_charges.json: the merchant approves it at <see cref="Charge.ConfirmationUrl"/>.</summary>
    public async Task<Charge> CreateChargeAsync(string shop, string token, string name, string price, string returnUrl, int trialDays, bool test, CancellationToken ct)
    {
        using var rsp = await SendAsync(shop, () => new HttpRequestMessage(HttpMethod.Post, new Uri(Base(shop), $"admin/api/{ApiVersion}/recurring_application_charges.json"))
        {
            Content = JsonContent.Create(new { recurring_application_charge = new { name, price, return_url = returnUrl, trial_days = trialDays, test } }),
        }, token, ct);
        return (await rsp.Content.ReadFromJsonAsync<ChargeBody>(Json, ct))?.RecurringApplicationCharge ?? throw new ShopifyException((int)rsp.StatusCode, "Shopify returned no charge");
    }

    /// <summary>GET one recurring charge; null when Shopify does not know it (404).</summary>
    public async Task<Charge?> GetChargeAsync(string shop, string token, long id, CancellationToken ct)
    {
        try
        {
            using var rsp = await SendAsync(shop, () => new HttpRequestMessage(HttpMethod.Get,
                new Uri(Base(shop), $"admin/api/{ApiVersion}/recurring_application_charges/{id.ToString(CultureInfo.InvariantCulture)}.json")), token, ct);
            return (await rsp.Content.ReadFromJsonAsync<ChargeBody>(Json, ct))?.RecurringApplicationCharge;
        }
        catch (ShopifyException e) when (e.Status == 404) { return null; }
    }

    /// <summary>Sends with up to 5 attempts: 429/5xx wait for Retry-After (or 2^n s); a nearly full call bucket slows down.</summary>
    async Task<HttpResponseMessage> SendAsync(string shop, Func<HttpRequestMessage> build, string? token, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var req = build();
            if (token is not null) req.Headers.Add("X-Shopify-Access-Token", token);
            HttpResponseMessage rsp;
            try { rsp = await http.SendAsync(req, ct); }
            catch (HttpRequestException e) { throw new ShopifyException(null, $"Shopify at {shop} unreachable: {e.Message}"); }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { throw new ShopifyException(null, $"Shopify at {shop} timed out"); }

            if (rsp.IsSuccessStatusCode)
            {
                if (rsp.Headers.TryGetValues("X-Shopify-Shop-Api-Call-Limit", out var v) && v.First().Split('/') is [var used, var max]
                    && int.TryParse(used, out var u) && int.TryParse(max, out var m) && u >= m - 2)
                    await Task.Delay(TimeSpan.FromMilliseconds(500), ct);   // the bucket leaks 2 calls/s
                return rsp;
            }
            var status = (int)rsp.StatusCode;
            if ((rsp.StatusCode == HttpStatusCode.TooManyRequests || status >= 500) && attempt < 5)
            {
                var wait = rsp.Headers.RetryAfter?.Delta
                    ?? (rsp.Headers.TryGetValues("Retry-After", out var ra) && double.TryParse(ra.First(), CultureInfo.InvariantCulture, out var secs) ? TimeSpan.FromSeconds(secs) : TimeSpan.FromSeconds(Math.Pow(2, attempt - 1)));
                rsp.Dispose();
                log.LogWarning("Shopify {Status} from {Shop}; retrying in {Wait}", status, shop, wait);
                await Task.Delay(wait > TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : wait, ct);
                continue;
            }
            var text = await rsp.Content.ReadAsStringAsync(ct);
            rsp.Dispose();
            throw new ShopifyException(status, $"Shopify answered {status}: {(text.Length > 300 ? text[..300] : text)}");
        }
    }

    [GeneratedRegex("<([^>]+)>;\\s*rel=\"next\"")] private static partial Regex NextLink();

    sealed record TokenBody(string? AccessToken, string? Scope);
    sealed record ChargeBody([property: JsonPropertyName("recurring_application_charge")] Charge? RecurringApplicationCharge);
}
