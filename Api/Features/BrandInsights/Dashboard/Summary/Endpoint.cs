using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.BrandInsights.Dashboard.Summary;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("v1/brands/{brand_key}/dashboard/summary");
        Group<BrandInsightsGroup>();
        Description(b => b.WithSummary("All KPIs for the main dashboard cards").Produces<Response>().ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
