using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.BuyLabel;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/shipping/orders/{order_number}/label");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Buy a shipping label (EasyPost, or the local carrier without a key); the first label packs the order")
            .Produces<Response>().ProducesProblemDetails(404).ProducesProblemDetails(409).ProducesProblemDetails(502));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { Caller = Caller.From(User) }, ct), ct);
}
