using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.AdPriority.Seasons.UpdateSeason;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("api/seasons/{id:guid}");
        Group<AdPriorityGroup>();
        this.RateLimit(AdPriorityModule.General);
        Description(b => b.WithSummary("Update a seasonal calendar's months or category overrides (Growth tier and above)").Produces<Response>(200));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct, 200);
}
