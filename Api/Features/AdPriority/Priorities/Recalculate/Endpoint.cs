using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.AdPriority.Priorities.Recalculate;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/priorities/recalculate");
        Group<AdPriorityGroup>();
        this.RateLimit(AdPriorityModule.Recalculate);
        Description(b => b.WithSummary("Recalculate priority scores, optionally including overrides or as a dry run").Produces<Response>(200));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct, 200);
}
