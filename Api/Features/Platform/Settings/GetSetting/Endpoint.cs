using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Platform.Settings.GetSetting;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("v1/settings/{Key}");
        Group<PlatformGroup>();
        Description(b => b.WithSummary("Read one setting of the caller's tenant").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
