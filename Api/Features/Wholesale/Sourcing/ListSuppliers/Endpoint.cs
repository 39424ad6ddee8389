using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.ListSuppliers;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, List<SupplierRow>>
{
    public override void Configure()
    {
        Get("api/sourcing/suppliers");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("List suppliers (active, search over names and contacts, platform)").Produces<List<SupplierRow>>(200).ProducesProblemDetails(400));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
