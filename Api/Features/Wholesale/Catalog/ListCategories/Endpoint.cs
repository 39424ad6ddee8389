using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Catalog.ListCategories;

sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<List<Response>>
{
    public override void Configure()
    {
        Get("api/categories");
        Group<WholesaleGroup>();
        this.Public();
        Description(b => b.WithSummary("List product categories").Produces<List<Response>>());
    }

    public override async Task HandleAsync(CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}
