using System.Text.Json;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Voice.SubmitSpecialOrder;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, JsonElement>
{
    public override void Configure()
    {
        Post("api/voice/submit_special_order");
        Group<WholesaleGroup>();
        this.ApiKey("voice");
        Description(b => b.WithSummary("Voice tool: a special sourcing request (an RFQ, with a Discord notice)"));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
