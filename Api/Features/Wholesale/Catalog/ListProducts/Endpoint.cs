using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Catalog.ListProducts;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/products");
        Group<WholesaleGroup>();
        this.Public();
        Description(b => b.WithSummary("Public product catalog: category and search filters, paginated")
            .Produces<Response>().ProducesProblemDetails(400));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
