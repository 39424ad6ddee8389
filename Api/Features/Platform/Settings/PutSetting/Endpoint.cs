using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Platform.Settings.PutSetting;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("v1/settings/{Key}");
        Group<PlatformGroup>();
        Definition.Metadata(new RequestBodyLimit(128 * 1024));   // a value is at most 64 KiB of JSON
        Description(b => b.WithSummary("Create or replace one setting of the caller's tenant").Produces<Response>().Produces<Response>(201));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var result = await mediator.Send(req, ct);
        await Send.ResultAsync(result, ct, !result.IsError && result.Value.Created ? 201 : 200);
    }
}
