using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.CreateOrder;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/staff/orders");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Enter an order by hand: catalog prices unless a line sets unit_price, order_number and created_at " +
                                       "overrides (duplicate 409, future 400), payment_status default paid (sales reps: unpaid, and paid is 403), " +
                                       "upsert_customer matches phone then email; tracked stock reserved as in checkout.")
            .Produces<Response>(201));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { Caller = Caller.From(User) }, ct), ct, StatusCodes.Status201Created);
}
