using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Catalog.GetImage;

/// <summary>
/// Beyond the document: the full-size primary image, which is what <c>image_url</c> points to after
/// <c>POST /api/v1/products/{identifier}/image</c> (the image lives in our database, so it needs a URL of ours).
/// </summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request>
{
    public override void Configure()
    {
        Get("api/products/{product_id:long}/image");
        Group<WholesaleGroup>();
        this.Public();
        Description(b => b.WithSummary("The product's primary image at full stored size (beyond the document)")
            .Produces(200, typeof(byte[]), "image/jpeg", "image/png").ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var result = await mediator.Send(req, ct);
        if (result.IsError) { await ApiErrors.WriteAsync(HttpContext, ApiErrors.From(result.Errors), ct); return; }
        HttpContext.Response.StatusCode = 200;
        HttpContext.Response.ContentType = result.Value.ContentType;
        HttpContext.Response.ContentLength = result.Value.Content.Length;
        HttpContext.Response.Headers.CacheControl = "public, max-age=3600";
        HttpContext.Response.Headers.ETag = $"\"img-{result.Value.ImageId}\"";
        HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        await HttpContext.Response.Body.WriteAsync(result.Value.Content, ct);
    }
}
