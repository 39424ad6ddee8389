using System.Text.RegularExpressions;

namespace Api.Features.Wholesale.Common;

/// <summary>
/// Browser origins Wholesale trusts: <c>Modules:wholesale:Cors:AllowedOrigins</c> (entries may use <c>*</c> for a subdomain or a
/// port, e.g. <c>https://*.lld.example</c>, <c>http://localhost:*</c>); in Development, by default, any localhost or 127.0.0.1
/// port. The same list decides CORS and whether a request from a browser may write the <c>session</c> cookie: a sign-in or
/// sign-out carrying an unlisted <c>Origin</c> is refused (403), which stops login CSRF.
/// </summary>
sealed class Origins
{
    readonly Regex[] _patterns;

    public Origins(IConfiguration config, IHostEnvironment env)
    {
        var configured = config.GetSection("Modules:wholesale:Cors:AllowedOrigins").Get<string[]>();
        var list = configured is { Length: > 0 } ? configured
            : env.IsDevelopment() || env.IsEnvironment("Testing") ? ["http://localhost:*", "http://127.0.0.1:*"] : [];
        _patterns = list.Select(Compile).ToArray();
    }

    static Regex Compile(string pattern) =>
        new("^" + Regex.Escape(pattern.Trim().TrimEnd('/')).Replace(@"\*", "[a-z0-9.-]*") + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));

    public bool Allowed(string origin) => _patterns.Any(p => p.IsMatch(origin));

    /// <summary>
    /// May this request set or clear the session cookie? Yes without an <c>Origin</c> (not a browser's cross-site write),
    /// for the API's own origin, and for listed origins.
    /// </summary>
    public bool MayWriteCookie(HttpRequest request)
    {
        if (request.Headers.Origin.ToString() is not { Length: > 0 } origin) return true;
        if (string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)) return true;
        return Allowed(origin);
    }
}
