namespace Api.Features.Wholesale.Auth;

/// <summary>
/// The verification link mailed to customers: this API's own <c>verify-email</c> route, which then redirects to the frontend.
/// <c>Wholesale:PublicApiUrl</c> (e.g. <c>https://api.lld.example/wholesale</c>) fixes the host so a forged <c>Host</c> header cannot
/// point the link elsewhere; without it the request's own scheme, host and base path are used (development).
/// </summary>
sealed class VerifyLinks(IConfiguration config)
{
    public string For(HttpRequest request, string token)
    {
        var root = config["Wholesale:PublicApiUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}{Api.Infrastructure.Modules.Modules.Wholesale.BasePath}";
        return $"{root}/api/auth/verify-email/{Uri.EscapeDataString(token)}";
    }
}
