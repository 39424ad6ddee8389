using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Utilities.AiSearch;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/search/ai");
        Group<WholesaleGroup>();
        this.Public();
        this.RateLimit(WholesaleModule.Chat);
        Description(b => b.WithSummary("Natural-language product search with a suggestion").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
