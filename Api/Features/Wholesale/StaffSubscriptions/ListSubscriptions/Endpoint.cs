using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.ListSubscriptions;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, List<SubscriptionView>>
{
    public override void Configure()
    {
        Get("api/staff/subscriptions");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Staff: list product subscriptions (newest first, at most 1,000) with status/user filters")
            .Produces<List<SubscriptionView>>().ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(403));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
