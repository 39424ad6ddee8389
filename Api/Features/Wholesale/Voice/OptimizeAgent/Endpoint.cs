using System.Text.Json;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Voice.OptimizeAgent;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, JsonElement>
{
    public override void Configure()
    {
        Post("api/voice/optimize-agent/{AgentId}");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Analyse a voice assistant's worst calls and propose a revised system prompt"));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
