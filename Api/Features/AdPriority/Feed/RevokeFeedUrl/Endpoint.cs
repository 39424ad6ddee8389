using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.AdPriority.Feed.RevokeFeedUrl;

sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Delete("api/settings/feed-url");
        Group<AdPriorityGroup>();
        this.RateLimit(AdPriorityModule.General);
        Description(b => b.WithSummary("Revoke the CSV feed URL (404 when none is active)").Produces(204));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new Request(), ct);
        if (result.IsError) await Api.Infrastructure.Http.ApiErrors.WriteAsync(HttpContext, ApiErrors.From(result.Errors), ct);
        else await Send.NoContentAsync(ct);
    }
}
