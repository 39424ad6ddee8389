using Api.Infrastructure.Http;
using Api.Infrastructure.Integrations.ImageFetch;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.ShopperSearch.Utilities.ProxyImage;

/// <summary>No auth. Raw image bytes with the upstream content type; 400 for a URL that is not absolute http(s), 502 when the fetch failed or was refused.</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request>
{
    public override void Configure()
    {
        Get("api/v1/proxy-image");
        AllowAnonymous();
        Description(b => b.WithTags("ShopperSearch").WithSummary("Fetch an image URL server-side (CORS helper)").ProducesProblemDetails(502));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var result = await mediator.Send(req, ct);
        if (result.IsError) { await ApiErrors.WriteAsync(HttpContext, ApiErrors.From(result.Errors), ct); return; }
        HttpContext.Response.Headers.CacheControl = "public, max-age=86400";
        HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        await Send.BytesAsync(result.Value.Bytes, contentType: result.Value.ContentType, cancellation: ct);
    }
}

sealed record Request : IRequest<ErrorOr<FetchedImage>>
{
    public string? Url { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Url).NotEmpty().WithMessage("field required").WithErrorCode("value_error.missing").MaximumLength(4096);
    }
}

sealed class Handler(GuardedImageFetcher fetcher, ILogger<Handler> log) : IRequestHandler<Request, ErrorOr<FetchedImage>>
{
    public async ValueTask<ErrorOr<FetchedImage>> Handle(Request req, CancellationToken ct)
    {
        // not an absolute http(s) URL: the caller's mistake (400); 502 only when a real fetch failed or was refused
        if (!Uri.TryCreate(req.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0)
            return Error.Custom(400, "ProxyImage.InvalidUrl", "url must be an absolute http(s) URL");
        try { return await fetcher.FetchAsync(req.Url!, ct); }
        catch (ImageFetchException e)
        {
            log.LogInformation("proxy-image refused or failed: {Reason}", e.Message);
            return Error.Custom(502, "ProxyImage.Failed", "Failed to fetch image from source.");
        }
    }
}
