using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Api.Infrastructure.Integrations.EasyPost;

/// <summary><c>Wholesale:EasyPost:*</c>. No <see cref="ApiKey"/>: the shipping portal uses its documented local carrier.</summary>
public sealed class EasyPostOptions
{
    public const string Section = "Wholesale:EasyPost";
    /// <summary>An EasyPost API key (test keys start <c>EZTK</c>). A secret: never logged or returned.</summary>
    public string? ApiKey { get; set; }
    public string BaseUrl { get; set; } = "https://api.easypost.com";
    public double TimeoutSeconds { get; set; } = 30;
}

/// <summary>EasyPost answered an error (or could not be reached). <see cref="Status"/> 0 = no answer.</summary>
public sealed class EasyPostException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
}

/// <summary>
/// EasyPost's REST API v2 (https://docs.easypost.com): HTTP Basic with the API key as the user name, JSON bodies wrapped in
/// their object name (<c>{"shipment": {...}}</c>). Shipments (rates come back on create), buy with a rate id, refund;
/// orders for several parcels (rates per carrier/service, buy with carrier and service); trackers.
/// </summary>
public sealed class EasyPostClient(HttpClient http, IOptions<EasyPostOptions> options)
{
    public bool Configured => !string.IsNullOrWhiteSpace(options.Value.ApiKey);

    public Task<JsonObject> CreateShipmentAsync(JsonObject shipment, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "v2/shipments", new JsonObject { ["shipment"] = shipment }, ct);

    public Task<JsonObject> BuyShipmentAsync(string shipmentId, string rateId, decimal? insurance, CancellationToken ct)
    {
        var body = new JsonObject { ["rate"] = new JsonObject { ["id"] = rateId } };
        if (insurance is > 0) body["insurance"] = insurance.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        return SendAsync(HttpMethod.Post, $"v2/shipments/{Uri.EscapeDataString(shipmentId)}/buy", body, ct);
    }

    public Task<JsonObject> CreateOrderAsync(JsonObject order, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "v2/orders", new JsonObject { ["order"] = order }, ct);

    public Task<JsonObject> BuyOrderAsync(string orderId, string carrier, string service, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"v2/orders/{Uri.EscapeDataString(orderId)}/buy", new JsonObject { ["carrier"] = carrier, ["service"] = service }, ct);

    public Task<JsonObject> RefundShipmentAsync(string shipmentId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"v2/shipments/{Uri.EscapeDataString(shipmentId)}/refund", new JsonObject(), ct);

    public Task<JsonObject> GetTrackerAsync(string trackerId, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"v2/trackers/{Uri.EscapeDataString(trackerId)}", null, ct);

    async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken ct)
    {
        var o = options.Value;
        if (!Configured) throw new EasyPostException(0, "NOT_CONFIGURED", "EasyPost is not configured");
        using var req = new HttpRequestMessage(method, new Uri(new Uri(o.BaseUrl.TrimEnd('/') + "/"), path));
        req.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(o.ApiKey + ":")));
        req.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null) req.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
        HttpResponseMessage rsp;
        try { rsp = await http.SendAsync(req, cts.Token); }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new EasyPostException(0, "UNREACHABLE", $"EasyPost unreachable ({e.GetType().Name})");
        }
        using (rsp)
        {
            var text = await rsp.Content.ReadAsStringAsync(ct);
            JsonNode? json = null;
            try { json = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text); } catch (JsonException) { }
            if (!rsp.IsSuccessStatusCode)
            {
                // EasyPost errors: {"error": {"code": "...", "message": "...", "errors": [...]}}
                var err = json?["error"];
                throw new EasyPostException((int)rsp.StatusCode, err?["code"]?.GetValue<string>() ?? "HTTP_" + (int)rsp.StatusCode,
                    err?["message"]?.GetValue<string>() ?? $"EasyPost answered {(int)rsp.StatusCode}");
            }
            return json as JsonObject ?? throw new EasyPostException((int)rsp.StatusCode, "BAD_RESPONSE", "EasyPost answered no JSON object");
        }
    }
}

public static class EasyPostRegistration
{
    public static IServiceCollection AddEasyPost(this IServiceCollection services)
    {
        services.AddOptions<EasyPostOptions>().BindConfiguration(EasyPostOptions.Section);
        services.AddHttpClient<EasyPostClient>();
        return services;
    }
}
