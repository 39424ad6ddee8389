using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.AdPriority.Rules.CreateRule;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/rules");
        Group<AdPriorityGroup>();
        this.RateLimit(AdPriorityModule.General);
        Description(b => b.WithSummary("Create a category rule").Produces<Response>(201).ProducesProblemDetails(409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct, 201);
}
