using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Payments.CreateIntent;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/payments/create-intent");
        Group<WholesaleGroup>();
        this.Public();
        this.RateLimit(WholesaleModule.Ordering);
        Description(b => b.WithSummary("Create a Stripe PaymentIntent (an order's balance, or a validated amount); 503 when Stripe is not configured")
            .Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
