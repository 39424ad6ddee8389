using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Catalog.V1ListCategories;

sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("api/v1/categories");
        Group<WholesaleGroup>();
        this.ApiKey("products:read");
        this.RateLimit(WholesaleModule.ApiKeyCalls);
        Description(b => b.WithSummary("Key API: list product categories").Produces<Response>().ProducesProblemDetails(401).ProducesProblemDetails(403));
    }

    public override async Task HandleAsync(CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}
