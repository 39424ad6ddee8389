using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Procurement.UpdateProduct;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, ProductRow>
{
    public override void Configure()
    {
        Put("api/procurement/products/{product_id}");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("Update a procurement product, or move it to another vendor (admin or manager)")
            .Produces<ProductRow>().ProducesProblemDetails(400).ProducesProblemDetails(403).ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
