using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.ShippingReports.ShipmentSummary;

/// <summary>The document's "internal secret header": an API key with the <c>shipping:notify</c> scope.</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("api/shipping/discord-shipment-summary");
        Group<WholesaleGroup>();
        this.ApiKey("shipping:notify");
        this.RateLimit(WholesaleModule.ApiKeyCalls);
        Description(b => b.WithSummary("Post a Discord summary of the orders awaiting shipment").Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Command("api_key"), ct), ct);
}
