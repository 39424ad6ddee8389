namespace Api.Infrastructure.Modules;

/// <summary>
/// The public address of a module for URLs the API hands out (feed URLs, OAuth redirects, webhook addresses):
/// <c>Modules:&lt;key&gt;:PublicUrl</c> (or a module's older setting), else the request's scheme and host, else the first
/// address the server was told to listen on (<c>urls</c> / <c>ASPNETCORE_URLS</c>); always followed by the module's base path.
/// </summary>
public static class ModuleUrls
{
    public static string Root(Module m, IConfiguration config, HttpRequest? request, string? legacySetting = null)
    {
        var configured = config[$"Modules:{m.Key}:PublicUrl"] is { Length: > 0 } p ? p
            : legacySetting is not null && config[legacySetting] is { Length: > 0 } l ? l : null;
        string origin;
        if (configured is not null) origin = configured.TrimEnd('/');
        else if (request is { Host.HasValue: true }) origin = $"{request.Scheme}://{request.Host}";
        else origin = (config["urls"] ?? config["ASPNETCORE_URLS"] ?? "http://localhost").Split(';')[0].Trim().TrimEnd('/')
            .Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost");
        return origin + m.BasePath;
    }
}
