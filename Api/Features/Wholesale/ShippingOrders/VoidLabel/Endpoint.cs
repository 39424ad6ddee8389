using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.VoidLabel;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/shipping/orders/{order_number}/labels/{label_id}/void");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Void a label: refund at EasyPost, hide it, remove its tracking number and cost").Produces<Response>().ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { Caller = Caller.From(User) }, ct), ct);
}
