using System.Net;
using System.Net.Sockets;

namespace Api.Infrastructure.Integrations.ImageFetch;

/// <summary><c>Integrations:ImageFetch</c>. <see cref="AllowLoopback"/> exists for tests that serve images on 127.0.0.1.</summary>
public sealed class ImageFetchOptions
{
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
    public double TimeoutSeconds { get; set; } = 10;
    public int MaxRedirects { get; set; } = 3;
    public bool AllowLoopback { get; set; }
}

public sealed record FetchedImage(byte[] Bytes, string ContentType);

/// <summary>Why a fetch was refused; the message is for logs and tests, callers answer with their own documented text.</summary>
public sealed class ImageFetchException(string message) : Exception(message);

/// <summary>
/// Fetches an image over http(s) for proxy-image and the colour pipeline. Refuses loopback, private, link-local, CGNAT,
/// multicast and cloud-metadata addresses after DNS resolution, in the connect callback (so a DNS answer cannot change
/// between check and connect), follows at most <see cref="ImageFetchOptions.MaxRedirects"/> redirects (each re-checked),
/// caps the body at 10 MB and the whole fetch at a timeout, and passes only image content types.
/// </summary>
public sealed class GuardedImageFetcher
{
    static readonly HashSet<string> ImageTypes = new(StringComparer.OrdinalIgnoreCase)
        { "image/jpeg", "image/jpg", "image/png", "image/webp", "image/gif", "image/avif", "image/bmp", "image/svg+xml" };
    readonly ImageFetchOptions _o;
    readonly HttpClient _http;

    public GuardedImageFetcher(Microsoft.Extensions.Options.IOptions<ImageFetchOptions> options)
    {
        _o = options.Value;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = ConnectAsync,
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("SlicesShopperSearch/1.0");
        _http.DefaultRequestHeaders.Accept.ParseAdd("image/*");
    }

    async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext ctx, CancellationToken ct)
    {
        var host = ctx.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        if (addresses.Length == 0) throw new ImageFetchException("host did not resolve");
        foreach (var a in addresses)
            if (!IsAllowed(a)) throw new ImageFetchException($"address {a} is not public");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses[0], ctx.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch { socket.Dispose(); throw; }
    }

    public bool IsAllowed(IPAddress a)
    {
        if (a.IsIPv4MappedToIPv6) a = a.MapToIPv4();
        if (IPAddress.IsLoopback(a)) return _o.AllowLoopback && a.Equals(IPAddress.Loopback);
        if (a.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (a.IsIPv6LinkLocal || a.IsIPv6SiteLocal || a.IsIPv6Multicast || a.Equals(IPAddress.IPv6Any)) return false;
            var b6 = a.GetAddressBytes();
            if ((b6[0] & 0xfe) == 0xfc) return false;                       // fc00::/7 unique local
            if (b6[0] == 0xfd && b6[1] == 0x00 && b6[2] == 0x0e && b6[3] == 0xc2) return false;   // fd00:ec2::254 metadata
            return true;
        }
        var b = a.GetAddressBytes();
        return !(b[0] == 0 || b[0] == 10 || b[0] == 127
                 || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)               // CGNAT
                 || (b[0] == 169 && b[1] == 254)                             // link-local and 169.254.169.254 metadata
                 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                 || (b[0] == 192 && b[1] == 168)
                 || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                 || (b[0] == 198 && (b[1] == 18 || b[1] == 19))
                 || b[0] >= 224);                                            // multicast, reserved, broadcast
    }

    public async Task<FetchedImage> FetchAsync(string url, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(TimeSpan.FromSeconds(_o.TimeoutSeconds));
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) throw new ImageFetchException("not an absolute URL");
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) throw new ImageFetchException("only http(s) URLs");
                if (!string.IsNullOrEmpty(uri.UserInfo)) throw new ImageFetchException("credentials in URL");
                using var req = new HttpRequestMessage(HttpMethod.Get, uri);
                using var rsp = await _http.SendAsync(req, HttpCompletionOption.ResponseHeadersRead, cts.Token);
                if ((int)rsp.StatusCode is >= 300 and < 400 && rsp.Headers.Location is { } location)
                {
                    if (hop >= _o.MaxRedirects) throw new ImageFetchException("too many redirects");
                    uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    continue;
                }
                if (!rsp.IsSuccessStatusCode) throw new ImageFetchException($"upstream answered {(int)rsp.StatusCode}");
                var type = rsp.Content.Headers.ContentType?.MediaType;
                if (type is null || !ImageTypes.Contains(type)) throw new ImageFetchException($"content type '{type}' is not an image");
                if (rsp.Content.Headers.ContentLength > _o.MaxBytes) throw new ImageFetchException("image larger than the limit");
                await using var body = await rsp.Content.ReadAsStreamAsync(cts.Token);
                using var ms = new MemoryStream();
                var buffer = new byte[81920];
                int n;
                while ((n = await body.ReadAsync(buffer, cts.Token)) > 0)
                {
                    if (ms.Length + n > _o.MaxBytes) throw new ImageFetchException("image larger than the limit");
                    ms.Write(buffer, 0, n);
                }
                return new FetchedImage(ms.ToArray(), type);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { throw new ImageFetchException("timed out"); }
        catch (HttpRequestException e) { throw new ImageFetchException(e.InnerException is ImageFetchException inner ? inner.Message : "connection failed"); }
        catch (SocketException) { throw new ImageFetchException("connection failed"); }
    }
}

public static class ImageFetchRegistration
{
    public static IServiceCollection AddGuardedImageFetcher(this IServiceCollection services)
    {
        services.AddOptions<ImageFetchOptions>().BindConfiguration("Integrations:ImageFetch");
        services.AddSingleton<GuardedImageFetcher>();
        return services;
    }
}
