using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Platform.Jobs.GetJob;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("v1/jobs/{JobId}");
        Group<PlatformGroup>();
        Description(b => b.WithSummary("Status, progress and result of one of the caller's background jobs").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
