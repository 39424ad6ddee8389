using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Orders.Reorder;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/orders/{order_number}/reorder");
        Group<WholesaleGroup>();
        this.CustomerSession();
        Description(b => b.WithSummary("The items of one of your orders, at today's prices, for a quick reorder").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { CustomerId = User.CustomerId()!.Value }, ct), ct);
}
