using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Orders.ListOrders;

sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<List<OrderSummary>>
{
    public override void Configure()
    {
        Get("api/orders");
        Group<WholesaleGroup>();
        this.CustomerSession();
        Description(b => b.WithSummary("List the signed-in customer's orders, newest first, with their lines").Produces<List<OrderSummary>>());
    }

    public override async Task HandleAsync(CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(new Request(User.CustomerId()!.Value), ct), ct);
}
