using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.MarkPaid;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/staff/orders/{order_id}/mark-paid");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Record a manual payment: amount_received 0 or absent pays the balance, more credits the excess to the " +
                                       "customer's store credit, less is a partial payment. Admin, manager or staff (sales reps 403).")
            .Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { Caller = Caller.From(User) }, ct), ct);
}
