using Api.Features.Wholesale.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.CreateSubscription;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, SubscriptionView>
{
    public override void Configure()
    {
        Post("api/staff/subscriptions");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Staff: enrol a customer in a recurring product subscription (quantity 4 or more; the Stripe payment method must be attached to the Stripe customer)")
            .WithDescription("Placeholder delivery emails are refused: " + PlaceholderEmails.Rule + ". Without Wholesale:Stripe:SecretKey: 503; Stripe failing: 502.")
            .Produces<SubscriptionView>(201).ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(403)
            .ProducesProblemDetails(409).ProducesProblemDetails(502).ProducesProblemDetails(503));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { StaffId = User.StaffId() }, ct), ct, StatusCodes.Status201Created);
}
