using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.SetImage;

/// <summary>Multipart field <c>image</c>, read here so a bad body is a 4xx in the envelope (413 past 5 MB, 415 not an image).</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("api/staff/products/{product_id}/image");
        Group<WholesaleGroup>();
        this.Staff();
        Definition.Metadata(new RequestBodyLimit(StaffImageUpload.BodyLimit));
        Description(b => b.WithSummary("Staff: upload or replace a product's display image (stored in the database, re-encoded; earlier images move down the gallery)")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(403)
            .ProducesProblemDetails(404).ProducesProblemDetails(413).ProducesProblemDetails(415));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        ErrorOr<Response> result;
        if (!long.TryParse(Route<string>("product_id"), out var id) || id < 1) result = StaffProductEditor.NotFound;
        else
        {
            var read = await StaffImageUpload.ReadAsync(HttpContext, ct);
            result = read.IsError ? read.Errors : await mediator.Send(new Request(id, read.Value), ct);
        }
        if (result.IsError) await ApiErrors.WriteAsync(HttpContext, ApiErrors.From(result.Errors), ct);
        else await Send.OkAsync(result.Value, ct);
    }
}
