using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.UpdatePayment;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("api/sourcing/payments/{pid}");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Update a supplier payment (fields sent only; status moves checked)").Produces<Response>(200).ProducesProblemDetails(400).ProducesProblemDetails(404).ProducesProblemDetails(409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
