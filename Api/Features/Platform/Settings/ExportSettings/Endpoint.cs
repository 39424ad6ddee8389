using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Platform.Settings.ExportSettings;

sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("v1/settings/export");
        Group<PlatformGroup>();
        Description(b => b.WithSummary("Export the tenant's settings as a background job; poll the job for the result").Produces<Response>(202));
    }

    public override async Task HandleAsync(CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct, 202);
}
