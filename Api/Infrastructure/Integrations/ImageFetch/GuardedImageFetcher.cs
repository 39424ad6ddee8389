using Api.Infrastructure.Integrations.Outbound;

namespace Api.Infrastructure.Integrations.ImageFetch;

/// <summary><c>Integrations:ImageFetch</c>: limits of image fetches. Which addresses may be reached is <c>Outbound</c>'s decision.</summary>
public sealed class ImageFetchOptions
{
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
    public double TimeoutSeconds { get; set; } = 10;
    public int MaxRedirects { get; set; } = 3;
}

public sealed record FetchedImage(byte[] Bytes, string ContentType);

/// <summary>Why a fetch was refused; the message is for logs and tests, callers answer with their own documented text.</summary>
public sealed class ImageFetchException(string message) : Exception(message);

/// <summary>
/// Fetches an image over http(s) for proxy-image and the colour pipeline through <see cref="GuardedHttp"/> (public
/// addresses only, each redirect re-checked, at most <see cref="ImageFetchOptions.MaxRedirects"/>), caps the body at 10 MB
/// and the whole fetch at a timeout, and passes only image content types.
/// </summary>
public sealed class GuardedImageFetcher(GuardedHttp http, Microsoft.Extensions.Options.IOptions<ImageFetchOptions> options)
{
    static readonly HashSet<string> ImageTypes = new(StringComparer.OrdinalIgnoreCase)
        { "image/jpeg", "image/jpg", "image/png", "image/webp", "image/gif", "image/avif", "image/bmp", "image/svg+xml" };
    readonly ImageFetchOptions _o = options.Value;

    public async Task<FetchedImage> FetchAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) throw new ImageFetchException("not an absolute URL");
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) throw new ImageFetchException("only http(s) URLs");
        try
        {
            var rsp = await http.GetAsync(uri, ct,
                req => { req.Headers.UserAgent.ParseAdd("SlicesShopperSearch/1.0"); req.Headers.Accept.ParseAdd("image/*"); },
                new GuardedLimits(_o.MaxBytes, TimeSpan.FromSeconds(_o.TimeoutSeconds), _o.MaxRedirects),
                r =>
                {
                    if (!r.IsSuccessStatusCode) throw new ImageFetchException($"upstream answered {(int)r.StatusCode}");
                    var t = r.Content.Headers.ContentType?.MediaType;
                    if (t is null || !ImageTypes.Contains(t)) throw new ImageFetchException($"content type '{t}' is not an image");
                });
            return new FetchedImage(rsp.Body, rsp.ContentType!);
        }
        catch (OutboundRefusedException e) { throw new ImageFetchException(e.Message); }
        catch (HttpRequestException) { throw new ImageFetchException("connection failed"); }
        catch (IOException) { throw new ImageFetchException("connection failed"); }
    }
}

public static class ImageFetchRegistration
{
    public static IServiceCollection AddGuardedImageFetcher(this IServiceCollection services)
    {
        services.AddOutboundGuard();
        services.AddOptions<ImageFetchOptions>().BindConfiguration("Integrations:ImageFetch");
        services.AddSingleton<GuardedImageFetcher>();
        return services;
    }
}
