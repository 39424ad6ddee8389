using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.AdPriority.Sync.SyncSheet;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/sync/sheet");
        Group<AdPriorityGroup>();
        this.RateLimit(AdPriorityModule.SyncSheet);
        Description(b => b.WithSummary("Push the priority labels to the tenant's Google Sheet (supplemental feed) as a background job").Produces<Response>(202));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct, 202);
}
