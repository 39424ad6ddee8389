using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Payments.Confirm;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/payments/confirm");
        Group<WholesaleGroup>();
        this.Public();
        this.RateLimit(WholesaleModule.Ordering);
        Description(b => b.WithSummary("Record a card payment after Stripe shows the intent succeeded for this order and its balance").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
