using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.AdPriority.Auth.Callback;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        // Shopify sends the merchant back to redirect_uri with a GET (query string); the document's frontend POSTs the same fields
        Verbs(Http.GET, Http.POST);
        Routes("auth/callback");
        Group<AdPriorityGroup>();
        AllowAnonymous();
        this.RateLimit(AdPriorityModule.Install);
        Description(b => b.WithSummary("Shopify OAuth callback: install the app and create the tenant").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
