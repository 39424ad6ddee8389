using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.ListInspections;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, List<QcRow>>
{
    public override void Configure()
    {
        Get("api/sourcing/qc/inspections");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("List QC inspections (status = result, shipment_id, supplier_id)").Produces<List<QcRow>>(200).ProducesProblemDetails(400));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
