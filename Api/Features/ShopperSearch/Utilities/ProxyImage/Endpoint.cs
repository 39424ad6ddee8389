using Api.Infrastructure.Http;
using Api.Infrastructure.Integrations.ImageFetch;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.ShopperSearch.Utilities.ProxyImage;

/// <summary>No auth. Raw image bytes with the upstream content type, or 502 in the FastAPI envelope.</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request>
{
    public override void Configure()
    {
        Get("api/v1/proxy-image");
        AllowAnonymous();
        Description(b => b.WithTags("ShopperSearch").WithSummary("Fetch an image URL server-side (CORS helper)"));
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
        try { return await fetcher.FetchAsync(req.Url!, ct); }
        catch (ImageFetchException e)
        {
            log.LogInformation("proxy-image refused or failed: {Reason}", e.Message);
            return Error.Custom(502, "ProxyImage.Failed", "Failed to fetch image from source.");
        }
    }
}
