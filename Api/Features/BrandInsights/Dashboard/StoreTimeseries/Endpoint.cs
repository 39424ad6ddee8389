using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.BrandInsights.Dashboard.StoreTimeseries;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("v1/brands/{brand_key}/dashboard/store-timeseries");
        Group<BrandInsightsGroup>();
        Description(b => b.WithSummary("Daily, weekly or monthly store and SKU counts for line charts").Produces<Response>().ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
