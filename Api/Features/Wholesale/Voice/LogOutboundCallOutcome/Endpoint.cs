using System.Text.Json;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Voice.LogOutboundCallOutcome;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, JsonElement>
{
    public override void Configure()
    {
        Post("api/voice/log_outbound_call_outcome");
        Group<WholesaleGroup>();
        this.StaffOrApiKey("voice");
        Description(b => b.WithSummary("Log an outbound sales call outcome (do-not-call, review entry on checker failure)"));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { Actor = Common.Caller.From(User).Label }, ct), ct);
}
