using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.GetTimeline;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/sourcing/shipments/{sid}/timeline");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("A shipment's timeline, oldest first").Produces<Response>(200).ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
