using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.AdPriority.Priorities.UpdatePriority;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("api/priorities/{variantId:guid}");
        Group<AdPriorityGroup>();
        this.RateLimit(AdPriorityModule.General);
        Description(b => b.WithSummary("Manually set and optionally lock a variant's priority").Produces<Response>(200).ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct, 200);
}
