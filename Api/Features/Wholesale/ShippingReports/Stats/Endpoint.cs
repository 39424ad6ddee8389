using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.ShippingReports.Stats;

sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("api/shipping/stats");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Dashboard counts: shipped today, in transit, delivered in the last 7 days (business time zone)").Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}
