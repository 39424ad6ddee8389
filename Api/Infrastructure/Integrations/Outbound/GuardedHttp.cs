using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Api.Infrastructure.Integrations.Outbound;

/// <summary>A fetched response: status, headers, the body (at most the size limit) and the URL after redirects.</summary>
public sealed record GuardedResponse(HttpStatusCode Status, byte[] Body, string? ContentType, string? CharSet, Uri FinalUri,
    HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public string Text
    {
        get
        {
            Encoding enc;
            try { enc = CharSet is { Length: > 0 } cs ? Encoding.GetEncoding(cs.Trim('"')) : Encoding.UTF8; }
            catch (ArgumentException) { enc = Encoding.UTF8; }
            return enc.GetString(Body);
        }
    }
}

/// <summary>Per-call limits; null members take <see cref="OutboundOptions"/>.</summary>
public sealed record GuardedLimits(long? MaxBytes = null, TimeSpan? Timeout = null, int? MaxRedirects = null);

/// <summary>
/// THE way to fetch a URL a user can steer (scraped stores, store URLs, image URLs, webhooks to user URLs, bill and document
/// URLs). Inject it anywhere (singleton). Every connection goes through <see cref="OutboundGuard"/> (public addresses only,
/// checked at connect time, no second DNS lookup); redirects are followed here, one hop at a time, each hop re-checked
/// (scheme, credentials, and the guard again at connect) up to <c>Outbound:MaxRedirects</c>; the body is capped at
/// <c>Outbound:MaxResponseBytes</c> and the whole exchange (redirects included) at <c>Outbound:TimeoutSeconds</c>.
/// Refusals, oversize bodies and timeouts throw <see cref="OutboundRefusedException"/> (an <see cref="HttpRequestException"/>);
/// an upstream error status is returned, not thrown. A typed client that only needs the guarded connection (its own
/// request logic, e.g. <c>ShopifyClient</c>) uses <see cref="OutboundRegistration.UseOutboundGuard"/> instead.
/// </summary>
public sealed class GuardedHttp(IHttpClientFactory factory, OutboundGuard guard)
{
    public const string ClientName = "outbound-guarded";

    public OutboundGuard Guard => guard;

    public Task<GuardedResponse> GetAsync(Uri uri, CancellationToken ct, Action<HttpRequestMessage>? configure = null, GuardedLimits? limits = null,
        Action<HttpResponseMessage>? onHeaders = null) =>
        SendAsync(HttpMethod.Get, uri, null, ct, configure, limits, onHeaders);

    /// <summary>
    /// Sends and follows redirects: 301/302/303 continue as GET without a body (HEAD stays HEAD), 307/308 repeat the method
    /// with a fresh body from <paramref name="content"/>. <paramref name="onHeaders"/> sees each final response before its
    /// body is read and may throw to stop (e.g. a content type the caller will not take).
    /// </summary>
    public async Task<GuardedResponse> SendAsync(HttpMethod method, Uri uri, Func<HttpContent>? content, CancellationToken ct,
        Action<HttpRequestMessage>? configure = null, GuardedLimits? limits = null, Action<HttpResponseMessage>? onHeaders = null)
    {
        var o = guard.Options;
        var maxBytes = limits?.MaxBytes ?? o.MaxResponseBytes;
        var maxRedirects = limits?.MaxRedirects ?? o.MaxRedirects;
        var timeout = limits?.Timeout ?? TimeSpan.FromSeconds(o.TimeoutSeconds);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        var http = factory.CreateClient(ClientName);
        try
        {
            for (var hop = 0; ; hop++)
            {
                // addresses are checked when the connection opens (OutboundGuard.ConnectAsync), for every hop
                if (uri.Scheme is not ("http" or "https")) throw new OutboundRefusedException($"refused {(hop == 0 ? "URL" : "redirect")}: only http(s) URLs are fetched");
                if (!string.IsNullOrEmpty(uri.UserInfo)) throw new OutboundRefusedException($"refused {(hop == 0 ? "URL" : "redirect")}: credentials in the URL");
                using var req = new HttpRequestMessage(method, uri) { Content = content?.Invoke() };
                configure?.Invoke(req);
                using var rsp = await http.SendAsync(req, HttpCompletionOption.ResponseHeadersRead, cts.Token);
                if ((int)rsp.StatusCode is 301 or 302 or 303 or 307 or 308 && rsp.Headers.Location is { } location)
                {
                    if (hop >= maxRedirects) throw new OutboundRefusedException($"more than {maxRedirects} redirects");
                    uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    if ((int)rsp.StatusCode is 301 or 302 or 303 && method != HttpMethod.Head) (method, content) = (HttpMethod.Get, null);
                    continue;
                }
                onHeaders?.Invoke(rsp);
                if (rsp.Content.Headers.ContentLength > maxBytes) throw new OutboundRefusedException($"response larger than {maxBytes} bytes");
                await using var body = await rsp.Content.ReadAsStreamAsync(cts.Token);
                using var ms = new MemoryStream();
                var buffer = new byte[81920];
                int n;
                while ((n = await body.ReadAsync(buffer, cts.Token)) > 0)
                {
                    if (ms.Length + n > maxBytes) throw new OutboundRefusedException($"response larger than {maxBytes} bytes");
                    ms.Write(buffer, 0, n);
                }
                return new GuardedResponse(rsp.StatusCode, ms.ToArray(), rsp.Content.Headers.ContentType?.MediaType,
                    rsp.Content.Headers.ContentType?.CharSet, uri, rsp.Headers, rsp.Content.Headers);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new OutboundRefusedException($"no complete answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e) when (e is not OutboundRefusedException && e.InnerException is OutboundRefusedException refused)
        {
            throw new OutboundRefusedException(refused.Message);
        }
    }
}

public static class OutboundRegistration
{
    /// <summary>
    /// Registers <see cref="OutboundGuard"/>, <see cref="GuardedHttp"/> and the named client <see cref="GuardedHttp.ClientName"/>
    /// (idempotent: every module that fetches user-given URLs may call it). Start-up fails in Production when
    /// <c>Outbound:AllowedPrivateHosts</c> is set.
    /// </summary>
    public static IServiceCollection AddOutboundGuard(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(OutboundGuard))) return services;
        services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboundOptions>, ProductionRefusesPrivateHosts>());
        services.AddSingleton<OutboundGuard>();
        services.AddSingleton<GuardedHttp>();
        services.AddHttpClient(GuardedHttp.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan).UseOutboundGuard();
        return services;
    }

    /// <summary>Makes a named or typed client connect only through <see cref="OutboundGuard"/> (no automatic redirects).</summary>
    public static IHttpClientBuilder UseOutboundGuard(this IHttpClientBuilder builder) =>
        builder.ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<OutboundGuard>().CreateHandler());

    sealed class ProductionRefusesPrivateHosts(IHostEnvironment env) : IValidateOptions<OutboundOptions>
    {
        public ValidateOptionsResult Validate(string? name, OutboundOptions o) =>
            env.IsProduction() && o.AllowedPrivateHosts.Any(h => !string.IsNullOrWhiteSpace(h))
                ? ValidateOptionsResult.Fail("Outbound:AllowedPrivateHosts is for tests and the local sandbox; Production refuses it (remove the setting).")
                : ValidateOptionsResult.Success;
    }
}
