using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesOrders.PlaceOrder;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/sales/place-order");
        Group<WholesaleGroup>();
        this.Staff();
        this.RateLimit(WholesaleModule.Ordering);
        Description(b => b.WithSummary("Place an order for a customer, attributed to the signed-in rep (catalog prices, stock reserved)")
            .Produces<Response>(201));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { Caller = Caller.From(User) }, ct), ct, StatusCodes.Status201Created);
}
