using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.AdPriority.Billing.Callback;

/// <summary>Shopify sends the merchant's browser here after the charge page (<c>?shop=…&amp;charge_id=…</c>): no session token.</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/billing/callback");
        Group<AdPriorityGroup>();
        AllowAnonymous();
        this.RateLimit(AdPriorityModule.Install);
        Description(b => b.WithSummary("Billing return URL: verify the charge with Shopify and activate the plan").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
