using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.AdPriority.Rules.DeleteRule;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Delete("api/rules/{id:guid}");
        Group<AdPriorityGroup>();
        this.RateLimit(AdPriorityModule.General);
        Description(b => b.WithSummary("Delete a rule; scores change on the next recalculation").Produces<Response>(200));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct, 200);
}
