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

/// <summary>
/// Unhandled exceptions become a 500 in the module's envelope (with the request id); unknown routes under a module a 404.
/// Also in the envelope: failures found before the slice (<see cref="ApiException"/>: body size, charset, NUL, conflicts),
/// the server's own rejections of a malformed request (<see cref="BadHttpRequestException"/>: 400, 408, 413, 431...), a
/// bare 400/411/413/414/415/431 another component left without a body, PostgreSQL refusing a value (class 22: 400), and
/// the database being unreachable (503 with <c>Retry-After</c>, logged once per outage by <see cref="DbOutage"/>).
/// </summary>
public sealed class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> log, Database.DbOutage outage)
{
    static readonly HashSet<int> BareStatuses = [400, 411, 413, 414, 415, 431];

    public async Task InvokeAsync(HttpContext ctx)
    {
        try
        {
            await next(ctx);
            if (ctx.Response is { StatusCode: 404, HasStarted: false } && ctx.GetEndpoint() is null && ctx.Response.ContentLength is null)
                await ApiErrors.WriteAsync(ctx, new ApiError(404, "NOT_FOUND", "Not Found"));
            else if (ctx.Response is { StatusCode: 405, HasStarted: false } && ctx.Response.ContentLength is null)
                await ApiErrors.WriteAsync(ctx, new ApiError(405, "METHOD_NOT_ALLOWED", "Method Not Allowed"));
            else if (ctx.Response is { HasStarted: false, ContentType: null } && BareStatuses.Contains(ctx.Response.StatusCode) && ctx.Response.ContentLength is null or 0)
                await WriteAsync(ctx, new ApiError(ctx.Response.StatusCode, null, MessageFor(ctx.Response.StatusCode)));
        }
        catch (ApiException e) when (!ctx.Response.HasStarted)
        {
            await WriteAsync(ctx, e.Error);
        }
        catch (BadHttpRequestException e) when (!ctx.Response.HasStarted)
        {
            await WriteAsync(ctx, new ApiError(e.StatusCode, null, MessageFor(e.StatusCode)));
        }
        catch (Exception e) when (!ctx.Response.HasStarted && Database.DbOutage.IsUnavailable(e))
        {
            outage.Report(e);   // one warning per outage, not one error per request
            ctx.Response.Clear();
            ctx.Response.Headers[RequestIdMiddleware.Header] = ctx.TraceIdentifier;
            ctx.Response.Headers.RetryAfter = Database.DbOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ApiErrors.WriteAsync(ctx, new ApiError(503, "SERVICE_UNAVAILABLE", "The service is temporarily unavailable; retry shortly"));
        }
        catch (Npgsql.PostgresException e) when (!ctx.Response.HasStarted && e.SqlState.StartsWith("22", StringComparison.Ordinal))
        {
            // a data exception (invalid text, out-of-range value, bad escape): the input was wrong, not the server
            log.LogInformation("PostgreSQL refused a value ({SqlState}) on {Method} {Route}", e.SqlState, ctx.Request.Method,
                (ctx.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)");
            await WriteAsync(ctx, new ApiError(400, null, "A value in the request is not acceptable (invalid text or out of range)"));
        }
        catch (Exception e) when (!ctx.Response.HasStarted && !ctx.RequestAborted.IsCancellationRequested)
        {
            // the route template, not the raw path: path values can be secrets (feed tokens, invitation tokens)
            var route = (ctx.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            log.LogError(e, "Unhandled exception on {Method} {Route}", ctx.Request.Method, route);
            await WriteAsync(ctx, new ApiError(500, "INTERNAL_ERROR", "An unexpected error occurred"));
        }
    }

    static Task WriteAsync(HttpContext ctx, ApiError error)
    {
        ctx.Response.Clear();
        ctx.Response.Headers[RequestIdMiddleware.Header] = ctx.TraceIdentifier;
        return ApiErrors.WriteAsync(ctx, error);
    }

    static string MessageFor(int status) => status switch
    {
        400 => "Bad request: the request could not be read",
        408 => "Request timeout: the body did not arrive in time",
        411 => "Length required",
        413 => "Request body too large",
        414 => "Request URI too long",
        415 => "Unsupported media type: this endpoint accepts JSON (application/json, UTF-8)",
        431 => "Request headers too large",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } r ? r : "Bad request",
    };
}
