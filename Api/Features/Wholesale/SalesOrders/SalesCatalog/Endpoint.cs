using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesOrders.SalesCatalog;

/// <summary>No input: FastEndpoints binds only DTOs with public properties, so the request is built here.</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("api/products/sales-catalog");
        Group<WholesaleGroup>();
        this.Public();
        Description(b => b.WithSummary("Active products grouped by category, slim fields for the sales catalog").Produces<Response>(200));
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}
