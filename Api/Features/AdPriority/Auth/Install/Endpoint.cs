using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.AdPriority.Auth.Install;

/// <summary>Install start (beyond the document): issues the OAuth <c>state</c> nonce and the shop's authorize URL.</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("auth/install");
        Group<AdPriorityGroup>();
        AllowAnonymous();
        this.RateLimit(AdPriorityModule.General);
        Description(b => b.WithSummary("Start an install: state nonce and Shopify authorize URL").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
