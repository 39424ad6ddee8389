using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.UpdateSubscription;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, SubscriptionView>
{
    public override void Configure()
    {
        Put("api/staff/subscriptions/{sub_id}");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Staff: update a subscription's schedule, quantity, discount, notes or delivery info (not a cancelled one: 409)")
            .Produces<SubscriptionView>().ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(403)
            .ProducesProblemDetails(404).ProducesProblemDetails(409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { StaffId = User.StaffId() }, ct), ct);
}
