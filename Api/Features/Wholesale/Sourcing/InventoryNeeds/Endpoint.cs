using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.InventoryNeeds;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, List<Need>>
{
    public override void Configure()
    {
        Get("api/sourcing/inventory-needs");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Products below their reorder point, less stock on the way, with a suggested quantity").Produces<List<Need>>(200).ProducesProblemDetails(400));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
