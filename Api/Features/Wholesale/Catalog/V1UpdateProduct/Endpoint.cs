using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Catalog.V1UpdateProduct;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("api/v1/products/{identifier}");
        Group<WholesaleGroup>();
        this.ApiKey("products:write");
        this.RateLimit(WholesaleModule.ApiKeyCalls);
        Description(b => b.WithSummary("Key API: full or partial product update by id or SKU (only the fields sent change)")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(403)
            .ProducesProblemDetails(404).ProducesProblemDetails(409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
