using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Orders.ByPhone;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, List<Response>>
{
    public override void Configure()
    {
        Get("api/orders/by-phone/{phone}");
        Group<WholesaleGroup>();
        this.Public();
        this.RateLimit(WholesaleModule.Tracking);
        Description(b => b.WithSummary("Guest order tracking by phone number (slim list of the 20 most recent orders)").Produces<List<Response>>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
