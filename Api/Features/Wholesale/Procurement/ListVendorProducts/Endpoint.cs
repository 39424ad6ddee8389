using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Procurement.ListVendorProducts;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, List<ProductRow>>
{
    public override void Configure()
    {
        Get("api/procurement/vendors/{vendor_id}/products");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("List a vendor's procurement products (active only unless all=1)").Produces<List<ProductRow>>().ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
