using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Utilities.Chat;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/chat");
        Group<WholesaleGroup>();
        this.Public();
        this.RateLimit(WholesaleModule.Chat);
        Description(b => b.WithSummary("Chat about products, pricing and availability (prices and stock from the catalog)").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
