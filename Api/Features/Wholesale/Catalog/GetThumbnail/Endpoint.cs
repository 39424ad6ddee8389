using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Catalog.GetThumbnail;

sealed class Endpoint(IMediator mediator) : Endpoint<Request>
{
    public override void Configure()
    {
        Get("api/products/{product_id:long}/thumbnail");
        Group<WholesaleGroup>();
        this.Public();
        Description(b => b.WithSummary("A JPEG thumbnail (at most 300 px) of the product's primary image")
            .Produces(200, typeof(byte[]), "image/jpeg").ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var result = await mediator.Send(req, ct);
        if (result.IsError) { await ApiErrors.WriteAsync(HttpContext, ApiErrors.From(result.Errors), ct); return; }
        HttpContext.Response.StatusCode = 200;
        HttpContext.Response.ContentType = "image/jpeg";
        HttpContext.Response.ContentLength = result.Value.Jpeg.Length;
        HttpContext.Response.Headers.CacheControl = "public, max-age=3600";
        HttpContext.Response.Headers.ETag = $"\"thumb-{result.Value.ImageId}\"";
        await HttpContext.Response.Body.WriteAsync(result.Value.Jpeg, ct);
    }
}
