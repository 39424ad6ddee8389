using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Catalog.V1BulkUpdate;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/v1/products/bulk-update");
        Group<WholesaleGroup>();
        this.ApiKey("products:write");
        this.RateLimit(WholesaleModule.ApiKeyCalls);
        Description(b => b.WithSummary("Key API: update up to 1,000 products by id or SKU; each item succeeds or fails on its own")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(403));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
