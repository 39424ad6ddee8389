using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.AdPriority.Products.SyncProducts;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/products/sync");
        Group<AdPriorityGroup>();
        this.RateLimit(AdPriorityModule.SyncProducts);
        Description(b => b.WithSummary("Start a full or incremental Shopify product sync (background job)").Produces<Response>(202).ProducesProblemDetails(409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct, 202);
}
