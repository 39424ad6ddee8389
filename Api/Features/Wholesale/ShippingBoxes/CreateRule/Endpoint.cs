using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.ShippingBoxes.CreateRule;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/shipping/box-recommendations");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Create a box recommendation rule").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { Caller = Caller.From(User) }, ct), ct, StatusCodes.Status201Created);
}
