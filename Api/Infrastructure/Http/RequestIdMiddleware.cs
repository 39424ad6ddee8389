using System.Text.RegularExpressions;

namespace Api.Infrastructure.Http;

/// <summary>Every response carries <c>X-Request-ID</c>: a valid incoming one is echoed, else one is made. Logs carry it as a scope.</summary>
public sealed partial class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> log)
{
    public const string Header = "X-Request-ID";

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex Valid();

    public async Task InvokeAsync(HttpContext ctx)
    {
        string? incoming = ctx.Request.Headers[Header];
        var id = incoming is not null && Valid().IsMatch(incoming) ? incoming : Guid.NewGuid().ToString();   // hyphenated, as the documents show
        ctx.TraceIdentifier = id;
        ctx.Response.Headers[Header] = id;
        using (log.BeginScope(new Dictionary<string, object> { ["RequestId"] = id }))
            await next(ctx);
    }
}

/// <summary>Unhandled exceptions become a 500 in the module's envelope (with the request id); unknown routes under a module a 404.</summary>
public sealed class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> log)
{
    public async Task InvokeAsync(HttpContext ctx)
    {
        try
        {
            await next(ctx);
            if (ctx.Response is { StatusCode: 404, HasStarted: false } && ctx.GetEndpoint() is null && ctx.Response.ContentLength is null)
                await ApiErrors.WriteAsync(ctx, new ApiError(404, "NOT_FOUND", "Not Found"));
            else if (ctx.Response is { StatusCode: 405, HasStarted: false } && ctx.Response.ContentLength is null)
                await ApiErrors.WriteAsync(ctx, new ApiError(405, "METHOD_NOT_ALLOWED", "Method Not Allowed"));
        }
        catch (Exception e) when (!ctx.Response.HasStarted && !ctx.RequestAborted.IsCancellationRequested)
        {
            // the route template, not the raw path: path values can be secrets (feed tokens, invitation tokens)
            var route = (ctx.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            log.LogError(e, "Unhandled exception on {Method} {Route}", ctx.Request.Method, route);
            ctx.Response.Clear();
            ctx.Response.Headers[RequestIdMiddleware.Header] = ctx.TraceIdentifier;
            await ApiErrors.WriteAsync(ctx, new ApiError(500, "INTERNAL_ERROR", "An unexpected error occurred"));
        }
    }
}
