using System.Text.Json;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Voice.RejectReview;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, JsonElement>
{
    public override void Configure()
    {
        Post("api/staff/voice/review-queue/{CallId}/reject");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Review a call: status flagged, with who, when and notes"));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { Actor = Common.Caller.From(User).Label }, ct), ct);
}
