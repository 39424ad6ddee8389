using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Platform.Settings.DeleteSetting;

sealed class Endpoint(IMediator mediator) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("v1/settings/{Key}");
        Group<PlatformGroup>();
        Description(b => b.WithSummary("Delete one setting of the caller's tenant").Produces(204));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
