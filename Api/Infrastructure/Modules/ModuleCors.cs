using Api.Infrastructure.Http;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Api.Infrastructure.Modules;

/// <summary>
/// One CORS policy per module, from <c>Modules:&lt;key&gt;:Cors:AllowedOrigins</c> (exact origins, <c>https://*.suffix</c> for
/// subdomains, <c>http://host:*</c> for any port, <c>*</c> for any origin) and <c>Modules:&lt;key&gt;:Cors:AllowCredentials</c>.
/// Without a configured list: in Development <c>http://localhost:*</c> and <c>http://127.0.0.1:*</c>, plus each module's
/// documented embedders (ShopperSearch: Shopify storefronts and admin; AdPriority: Shopify admin and its app URL).
/// Every policy allows the documented methods and headers and exposes the request id and rate-limit headers.
/// </summary>
public sealed class ModuleCors
{
    public static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];
    public static readonly string[] Headers = ["Authorization", "X-Merchant-ID", "X-API-Key", "Content-Type", "X-Request-ID"];
    public static readonly string[] Exposed =
        ["X-Request-ID", "Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Content-Disposition"];

    readonly Dictionary<Module, (CorsPolicy Policy, string[] Origins)> _policies = [];

    public ModuleCors(IConfiguration config, IHostEnvironment env)
    {
        foreach (var m in Modules.All)
        {
            var origins = AllowedOrigins(m, config, env);
            var b = new CorsPolicyBuilder()
                .SetIsOriginAllowed(o => IsAllowed(origins, o))
                .WithMethods(Methods).WithHeaders(Headers).WithExposedHeaders(Exposed)
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
            // cookies only where a module uses them (Wholesale's session cookie); the others authenticate with headers
            if (config.GetValue($"Modules:{m.Key}:Cors:AllowCredentials", m == Modules.Wholesale)) b.AllowCredentials();
            _policies[m] = (b.Build(), origins);
        }
    }

    public CorsPolicy PolicyFor(Module m) => _policies[m].Policy;
    public bool Allows(Module m, string origin) => IsAllowed(_policies[m].Origins, origin);

    /// <summary>The configured list, else the defaults (see the type's summary).</summary>
    public static string[] AllowedOrigins(Module m, IConfiguration config, IHostEnvironment env)
    {
        var configured = config.GetSection($"Modules:{m.Key}:Cors:AllowedOrigins").Get<string[]>();
        if (configured is null && m == Modules.ShopperSearch)   // the older setting of ShopperSearch's allow-list
            configured = config.GetSection("ShopperSearch:Cors:AllowedOrigins").Get<string[]>();
        if (configured is not null) return configured.Select(o => o.Trim().TrimEnd('/')).Where(o => o.Length > 0).ToArray();

        var list = new List<string>();
        if (env.IsDevelopment()) list.AddRange(["http://localhost:*", "http://127.0.0.1:*"]);
        if (m == Modules.ShopperSearch) list.AddRange(["https://*.myshopify.com", "https://admin.shopify.com"]);
        if (m == Modules.AdPriority)
        {
            list.Add("https://admin.shopify.com");
            if (Uri.TryCreate(config["AdPriority:AppUrl"], UriKind.Absolute, out var app)) list.Add(app.GetLeftPart(UriPartial.Authority));
        }
        return list.ToArray();
    }

    /// <summary>Exact match, <c>*</c>, <c>scheme://*.suffix</c> (a subdomain, not the bare suffix) or <c>scheme://host:*</c> (any port).</summary>
    public static bool IsAllowed(IEnumerable<string> allowed, string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var o) || o.AbsolutePath != "/" || o.Query.Length > 0) return false;
        foreach (var e in allowed)
        {
            if (e == "*" || string.Equals(e, origin, StringComparison.OrdinalIgnoreCase)) return true;
            var sep = e.IndexOf("://", StringComparison.Ordinal);
            if (sep <= 0 || !string.Equals(e[..sep], o.Scheme, StringComparison.OrdinalIgnoreCase)) continue;
            var hostPart = e[(sep + 3)..];
            if (hostPart.EndsWith(":*", StringComparison.Ordinal))
            {
                if (string.Equals(hostPart[..^2], o.Host, StringComparison.OrdinalIgnoreCase)) return true;
            }
            else if (hostPart.StartsWith("*.", StringComparison.Ordinal))
            {
                var suffix = hostPart[1..];   // ".myshopify.com", port included when the entry names one
                var candidate = o.IsDefaultPort ? o.Host : $"{o.Host}:{o.Port}";
                if (candidate.Length > suffix.Length && candidate.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return true;
            }
        }
        return false;
    }
}

/// <summary>
/// Answers CORS for the module that owns the path: preflights from allowed origins get 204 with the allow headers, preflights
/// from other origins the module's error envelope (403), and actual requests from allowed origins the allow and expose headers.
/// </summary>
public sealed class ModuleCorsMiddleware(RequestDelegate next, ModuleCors cors, ICorsService service)
{
    public Task InvokeAsync(HttpContext ctx)
    {
        if (!ctx.Request.Headers.TryGetValue(CorsConstants.Origin, out var originValues) || Modules.ForContext(ctx) is not { } module)
            return next(ctx);
        var origin = originValues.ToString();
        var policy = cors.PolicyFor(module);
        var preflight = HttpMethods.IsOptions(ctx.Request.Method) && ctx.Request.Headers.ContainsKey(CorsConstants.AccessControlRequestMethod);
        if (preflight)
        {
            if (!cors.Allows(module, origin))
                return ApiErrors.WriteAsync(ctx, new ApiError(403, null, "Origin not allowed"));
            service.ApplyResult(service.EvaluatePolicy(ctx, policy), ctx.Response);
            ctx.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }
        if (cors.Allows(module, origin))
        {
            var result = service.EvaluatePolicy(ctx, policy);
            ctx.Response.OnStarting(() => { service.ApplyResult(result, ctx.Response); return Task.CompletedTask; });
        }
        return next(ctx);
    }
}

/// <summary>
/// A GET, HEAD or DELETE without a body is served as if it had no <c>Content-Type</c>: some HTTP clients always send
/// <c>Content-Type: application/json</c>, and the JSON binder would otherwise read an empty body and answer 422.
/// </summary>
public sealed class BodylessRequestMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext ctx)
    {
        var r = ctx.Request;
        if ((HttpMethods.IsGet(r.Method) || HttpMethods.IsHead(r.Method) || HttpMethods.IsDelete(r.Method))
            && r.ContentType is not null && (r.ContentLength == 0 || (r.ContentLength is null && !r.Headers.ContainsKey("Transfer-Encoding"))))
            r.ContentType = null;
        return next(ctx);
    }
}

public static class ModuleEdgeExtensions
{
    public static IServiceCollection AddModuleCors(this IServiceCollection services)
    {
        services.AddCors();
        return services.AddSingleton<ModuleCors>();
    }

    /// <summary>After routing (the module of a matched endpoint is known), before authentication.</summary>
    public static IApplicationBuilder UseModuleEdge(this IApplicationBuilder app) =>
        app.UseMiddleware<BodylessRequestMiddleware>().UseMiddleware<ModuleCorsMiddleware>();
}
