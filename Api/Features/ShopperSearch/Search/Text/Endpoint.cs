using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.ShopperSearch.Search.Text;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/v0/product/search/text");
        Group<ShopperSearchGroup>();
        Description(b => b.WithSummary("Semantic text search with price parsing; ranked products and a recommendation").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
