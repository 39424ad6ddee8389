using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.CreatePayment;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/sourcing/payments");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Record a payment to a supplier").Produces<Response>(201).ProducesProblemDetails(400));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct, 201);
}
