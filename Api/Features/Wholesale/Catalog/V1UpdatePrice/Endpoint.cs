using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Catalog.V1UpdatePrice;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Patch("api/v1/products/{identifier}/price");
        Group<WholesaleGroup>();
        this.ApiKey("products:write");
        this.RateLimit(WholesaleModule.ApiKeyCalls);
        Description(b => b.WithSummary("Key API: set a product's unit and bulk pricing")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(403).ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
