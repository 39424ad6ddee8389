using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Utilities.StartChatSession;

sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("api/chat/session");
        Group<WholesaleGroup>();
        this.Public();
        this.RateLimit(WholesaleModule.Chat);
        Description(b => b.WithSummary("Start a chat session").Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}
