using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.AdPriority.Rules.UpdateRule;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("api/rules/{id:guid}");
        Group<AdPriorityGroup>();
        this.RateLimit(AdPriorityModule.General);
        Description(b => b.WithSummary("Update a category rule (partial)").Produces<Response>(200));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct, 200);
}
