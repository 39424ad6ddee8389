using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.BrandInsights.Dashboard.Products;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("v1/brands/{brand_key}/dashboard/products");
        Group<BrandInsightsGroup>();
        Description(b => b.WithSummary("The brand's products with distribution, pricing, stock, promotions and lifecycle").Produces<Response>().ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
