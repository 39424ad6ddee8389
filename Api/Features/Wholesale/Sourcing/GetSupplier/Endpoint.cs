using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.GetSupplier;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/sourcing/suppliers/{sid}");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("A supplier with its RFQ and shipment counts").Produces<Response>(200).ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
