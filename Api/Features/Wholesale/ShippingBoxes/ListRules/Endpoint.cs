using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.ShippingBoxes.ListRules;

sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("api/shipping/box-recommendations");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Box recommendation rules").Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(new Request { Caller = Caller.From(User) }, ct), ct);
}
