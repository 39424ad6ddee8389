using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using Api.Infrastructure.RateLimiting;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Orders.GetOrder;

sealed class Endpoint(IMediator mediator, RateLimits limits) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/orders/{order_number}");
        Group<WholesaleGroup>();
        this.Public();
        Description(b => b.WithSummary("An order by number: the signed-in customer's own order, or (signed out) the rate-limited tracking view")
            .Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var customer = await Caller.OptionalCustomerAsync(HttpContext);
        if (customer is null && (await TrackingLimit.CheckAsync(HttpContext, limits)) is { IsError: true } limited)
        {
            await ApiErrors.WriteAsync(HttpContext, ApiErrors.From(limited.Errors), ct);
            return;
        }
        await Send.ResultAsync(await mediator.Send(req with { CustomerId = customer }, ct), ct);
    }
}
