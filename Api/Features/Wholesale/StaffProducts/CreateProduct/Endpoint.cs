using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.CreateProduct;

/// <summary>Labelled "Staff", but the document's text says only admins and managers add products: Staff + Admin.</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/staff/products");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Definition.Metadata(new RequestBodyLimit(8L << 20));   // image_url may carry a data URL of a 5 MB image
        Description(b => b.WithSummary("Staff (admin or manager): create a product; image_url may be the data URL from upload-image")
            .Produces<Response>(201).ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(403).ProducesProblemDetails(409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct, StatusCodes.Status201Created);
}
