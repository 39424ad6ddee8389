using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Orders.PlaceOrder;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/orders");
        Group<WholesaleGroup>();
        this.Public();
        this.RateLimit(WholesaleModule.Ordering);
        Description(b => b.WithSummary("Place an order as a signed-in customer or a guest (prices from the catalog, stock reserved)")
            .Produces<Response>(201));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var customer = await Caller.OptionalCustomerAsync(HttpContext);
        await Send.ResultAsync(await mediator.Send(req with { CustomerId = customer }, ct), ct, StatusCodes.Status201Created);
    }
}
