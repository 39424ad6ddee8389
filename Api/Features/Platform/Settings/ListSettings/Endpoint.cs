using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Platform.Settings.ListSettings;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("v1/settings");
        Group<PlatformGroup>();
        Description(b => b.WithSummary("List the caller's tenant settings, by key").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
