using System.Text.Json;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Voice.ReviewQueue;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, JsonElement>
{
    public override void Configure()
    {
        Get("api/staff/voice/review-queue");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Calls needing manual review: low-score inbound calls and failed-checker outbound calls"));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
