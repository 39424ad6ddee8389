using System.Text.Json;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Voice.CallQueue;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, JsonElement>
{
    public override void Configure()
    {
        Get("api/staff/call-queue");
        Group<WholesaleGroup>();
        this.StaffOrApiKey("voice");
        Description(b => b.WithSummary("Prioritised customers due for an outbound reorder call (do-not-call never listed)"));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
