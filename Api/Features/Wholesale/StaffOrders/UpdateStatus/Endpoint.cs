using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.UpdateStatus;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("api/staff/orders/{order_id}/status");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Move an order through the state machine (other moves 409); cancelling restores reserved stock and refunds " +
                                       "card payments at Stripe (the refund object); cancelling an already cancelled order retries a failed refund. " +
                                       "Sales reps: own orders only, and not cancelling a paid order (403).")
            .Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { Caller = Caller.From(User) }, ct), ct);
}
