using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.ListShipments;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, List<ShipmentRow>>
{
    public override void Configure()
    {
        Get("api/sourcing/shipments");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("List inbound shipments (status, supplier_id, active)").Produces<List<ShipmentRow>>(200).ProducesProblemDetails(400));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
