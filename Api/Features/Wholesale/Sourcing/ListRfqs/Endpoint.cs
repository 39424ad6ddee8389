using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.ListRfqs;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, List<RfqRow>>
{
    public override void Configure()
    {
        Get("api/sourcing/rfqs");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("List RFQs (status, product_id), newest first").Produces<List<RfqRow>>(200).ProducesProblemDetails(400));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
