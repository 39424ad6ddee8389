using System.Text.Json;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Voice.PlaceOrder;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, JsonElement>
{
    public override void Configure()
    {
        Post("api/voice/place_order");
        Group<WholesaleGroup>();
        this.ApiKey("voice");
        Description(b => b.WithSummary("Voice agent prices (confirmed false) or places (confirmed true) an order for a registered or guest caller"));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
