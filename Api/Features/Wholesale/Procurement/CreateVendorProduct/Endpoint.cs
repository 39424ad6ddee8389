using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Procurement.CreateVendorProduct;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, ProductRow>
{
    public override void Configure()
    {
        Post("api/procurement/vendors/{vendor_id}/products");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("Add a procurement product to a vendor (admin or manager)")
            .Produces<ProductRow>(201).ProducesProblemDetails(400).ProducesProblemDetails(403).ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct, StatusCodes.Status201Created);
}
