using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.ApplyCredit;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/staff/orders/{order_id}/credit/apply");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Pay part or all of an order's balance from its customer's store credit (up to the balance and the credit; " +
                                       "409 beyond either). Sales reps 403.")
            .Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { Caller = Caller.From(User) }, ct), ct);
}
