using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.AdPriority.Billing.Subscribe;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/billing/subscribe");
        Group<AdPriorityGroup>();
        this.RateLimit(AdPriorityModule.Install);
        Description(b => b.WithSummary("Create a Shopify recurring application charge for a plan; returns the confirmation URL").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
