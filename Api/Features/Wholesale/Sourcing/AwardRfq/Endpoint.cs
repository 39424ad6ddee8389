using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.AwardRfq;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/sourcing/rfqs/{rfq_id}/award");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Award a quoted RFQ to a supplier that quoted").Produces<Response>(200).ProducesProblemDetails(400).ProducesProblemDetails(404).ProducesProblemDetails(409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
