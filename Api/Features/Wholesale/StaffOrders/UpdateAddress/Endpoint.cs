using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.UpdateAddress;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("api/staff/orders/{order_id}/address");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Change an order's delivery details (only the fields sent); answers the address and updated_fields. " +
                                       "409 once the order has shipped, been delivered or cancelled.")
            .Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { Caller = Caller.From(User) }, ct), ct);
}
