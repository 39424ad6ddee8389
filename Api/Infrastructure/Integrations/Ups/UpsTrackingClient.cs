using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Api.Infrastructure.Integrations.Ups;

/// <summary><c>Wholesale:Ups:*</c>: an app's client id and secret (UPS Developer Portal). Unset: UPS is not asked.</summary>
public sealed class UpsOptions
{
    public const string Section = "Wholesale:Ups";
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string BaseUrl { get; set; } = "https://onlinetools.ups.com";
    public double TimeoutSeconds { get; set; } = 20;
}

public sealed class UpsException(string message) : Exception(message);

/// <summary>One UPS activity line.</summary>
public sealed record UpsActivity(string? StatusType, string? StatusCode, string? Description, DateTimeOffset? At, string? City, string? State);

/// <summary>What UPS says about a package: the current status (type D/I/X/P/M, code), scheduled delivery, activity newest first.</summary>
public sealed record UpsTrack(string? StatusType, string? StatusCode, string? Description, DateOnly? DeliveryDate, IReadOnlyList<UpsActivity> Activity);

/// <summary>
/// UPS Tracking API v1: an OAuth 2 client-credentials token (<c>POST /security/v1/oauth/token</c>, HTTP Basic with the client
/// id and secret, <c>grant_type=client_credentials</c>), kept until shortly before it expires, then
/// <c>GET /api/track/v1/details/{inquiryNumber}</c> with the bearer token and the <c>transId</c>/<c>transactionSrc</c> headers.
/// </summary>
public sealed class UpsTrackingClient(HttpClient http, IOptions<UpsOptions> options)
{
    static readonly SemaphoreSlim TokenLock = new(1, 1);
    static (string Token, DateTimeOffset Expires, string Key)? _token;

    public bool Configured => !string.IsNullOrWhiteSpace(options.Value.ClientId) && !string.IsNullOrWhiteSpace(options.Value.ClientSecret);

    public async Task<UpsTrack> TrackAsync(string trackingNumber, CancellationToken ct)
    {
        var o = options.Value;
        var token = await TokenAsync(ct);
        using var req = new HttpRequestMessage(HttpMethod.Get, $"{o.BaseUrl.TrimEnd('/')}/api/track/v1/details/{Uri.EscapeDataString(trackingNumber)}?locale=en_US");
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        req.Headers.Add("transId", Guid.NewGuid().ToString("N")[..32]);
        req.Headers.Add("transactionSrc", "lld-shipping");
        var json = await SendAsync(req, ct);
        var pkg = json["trackResponse"]?["shipment"]?[0]?["package"]?[0] ?? throw new UpsException("UPS answered no package");
        var current = pkg["currentStatus"];
        var activity = (pkg["activity"] as JsonArray ?? []).Select(a => new UpsActivity(
            a?["status"]?["type"]?.GetValue<string>(), a?["status"]?["code"]?.GetValue<string>(), a?["status"]?["description"]?.GetValue<string>()?.Trim(),
            ParseWhen(a?["date"]?.GetValue<string>(), a?["time"]?.GetValue<string>()),
            a?["location"]?["address"]?["city"]?.GetValue<string>(), a?["location"]?["address"]?["stateProvince"]?.GetValue<string>())).ToList();
        DateOnly? delivery = null;
        if (pkg["deliveryDate"] is JsonArray { Count: > 0 } dd && DateOnly.TryParseExact(dd[0]?["date"]?.GetValue<string>(), "yyyyMMdd", out var d)) delivery = d;
        var type = current?["type"]?.GetValue<string>() ?? activity.FirstOrDefault()?.StatusType;
        var code = current?["code"]?.GetValue<string>() ?? activity.FirstOrDefault()?.StatusCode;
        return new UpsTrack(type, code, current?["description"]?.GetValue<string>()?.Trim() ?? activity.FirstOrDefault()?.Description, delivery, activity);
    }

    async Task<string> TokenAsync(CancellationToken ct)
    {
        var o = options.Value;
        var key = o.BaseUrl + "|" + o.ClientId;
        if (_token is { } t && t.Key == key && t.Expires > DateTimeOffset.UtcNow) return t.Token;
        await TokenLock.WaitAsync(ct);
        try
        {
            if (_token is { } t2 && t2.Key == key && t2.Expires > DateTimeOffset.UtcNow) return t2.Token;
            using var req = new HttpRequestMessage(HttpMethod.Post, $"{o.BaseUrl.TrimEnd('/')}/security/v1/oauth/token")
            {
                Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
            };
            req.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.ClientId}:{o.ClientSecret}")));
            var json = await SendAsync(req, ct);
            var token = json["access_token"]?.GetValue<string>() ?? throw new UpsException("UPS token answer has no access_token");
            var seconds = int.TryParse(json["expires_in"]?.ToString(), out var s) ? s : 3600;
            _token = (token, DateTimeOffset.UtcNow.AddSeconds(Math.Max(0, seconds - 60)), key);
            return token;
        }
        finally { TokenLock.Release(); }
    }

    async Task<JsonNode> SendAsync(HttpRequestMessage req, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            using var rsp = await http.SendAsync(req, cts.Token);
            var text = await rsp.Content.ReadAsStringAsync(ct);
            if (!rsp.IsSuccessStatusCode) throw new UpsException($"UPS answered {(int)rsp.StatusCode}");
            return JsonNode.Parse(text) ?? throw new UpsException("UPS answered no JSON");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            throw new UpsException($"UPS unreachable ({e.GetType().Name})");
        }
    }

    static DateTimeOffset? ParseWhen(string? date, string? time) =>
        date is { Length: 8 } && DateTime.TryParseExact(date + (time is { Length: 6 } ? time : "000000"), "yyyyMMddHHmmss",
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var dt)
            ? new DateTimeOffset(dt.ToUniversalTime()) : null;
}

public static class UpsRegistration
{
    public static IServiceCollection AddUpsTracking(this IServiceCollection services)
    {
        services.AddOptions<UpsOptions>().BindConfiguration(UpsOptions.Section);
        services.AddHttpClient<UpsTrackingClient>();
        return services;
    }
}
