using Api.Infrastructure.Modules;

namespace Api.Features.Wholesale.Common;

/// <summary>
/// Whether a browser request may write the <c>session</c> cookie (sign-in, sign-out): Wholesale's CORS allow-list
/// (<c>Modules:wholesale:Cors:AllowedOrigins</c>, see <see cref="ModuleCors"/>) decides, so a sign-in carrying an unlisted
/// <c>Origin</c> is refused (403), which stops login CSRF.
/// </summary>
sealed class Origins(ModuleCors cors)
{
    public bool Allowed(string origin) => cors.Allows(Modules.Wholesale, origin);

    /// <summary>Yes without an <c>Origin</c> (not a browser's cross-site write), for the API's own origin, and for listed origins.</summary>
    public bool MayWriteCookie(HttpRequest request)
    {
        if (request.Headers.Origin.ToString() is not { Length: > 0 } origin) return true;
        if (string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)) return true;
        return Allowed(origin);
    }
}
