using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Procurement.ListProducts;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, List<ProductRow>>
{
    public override void Configure()
    {
        Get("api/procurement/products");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("List procurement products across vendors (active only unless all=1; category filter)").Produces<List<ProductRow>>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
