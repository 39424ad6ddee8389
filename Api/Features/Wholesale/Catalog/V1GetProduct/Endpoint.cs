using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Catalog.V1GetProduct;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/v1/products/{identifier}");
        Group<WholesaleGroup>();
        this.ApiKey("products:read");
        this.RateLimit(WholesaleModule.ApiKeyCalls);
        Description(b => b.WithSummary("Key API: a product by id (digits) or SKU")
            .Produces<Response>().ProducesProblemDetails(401).ProducesProblemDetails(403).ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
