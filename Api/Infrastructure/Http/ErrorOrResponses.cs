using ErrorOr;
using FastEndpoints;

namespace Api.Infrastructure.Http;

/// <summary>How a slice answers: the value with a success status, or the errors in its module's envelope.</summary>
public static class ErrorOrResponses
{
    public static Task ResultAsync<TRequest, TResponse>(this ResponseSender<TRequest, TResponse> send, ErrorOr<TResponse> result,
        CancellationToken ct, int successStatus = StatusCodes.Status200OK) where TRequest : notnull
    {
        var ctx = ((IResponseSender)send).HttpContext;
        return result.IsError
            ? ApiErrors.WriteAsync(ctx, ApiErrors.From(result.Errors), ct)
            : ctx.Response.SendAsync(result.Value, successStatus, cancellation: ct);
    }

    /// <summary>For slices whose success has no body.</summary>
    public static Task ResultAsync<TRequest, TResponse>(this ResponseSender<TRequest, TResponse> send, ErrorOr<Success> result,
        CancellationToken ct) where TRequest : notnull
    {
        var ctx = ((IResponseSender)send).HttpContext;
        if (result.IsError) return ApiErrors.WriteAsync(ctx, ApiErrors.From(result.Errors), ct);
        ctx.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}
