using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.UpdateProduct;

/// <summary>Labelled "Staff", but the document's text says only admins and managers update products: Staff + Admin.</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("api/staff/products/{product_id}");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Definition.Metadata(new RequestBodyLimit(8L << 20));   // image_url may carry a data URL of a 5 MB image
        Description(b => b.WithSummary("Staff (admin or manager): partial product update (only the fields sent change)")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(403)
            .ProducesProblemDetails(404).ProducesProblemDetails(409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
