using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.RenewNow;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/staff/subscriptions/{sub_id}/renew-now");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Staff: renew an active subscription now (charge off-session and create the order)")
            .WithDescription("A decline is recorded as a failed renewal without an order and answered 402 with the renewal in details; " +
                             "Stripe unreachable 502; paused, cancelled, already renewing or renewed less than an hour ago 409; no Stripe 503.")
            .Produces<Response>().ProducesProblemDetails(401).ProducesProblemDetails(402).ProducesProblemDetails(403).ProducesProblemDetails(404)
            .ProducesProblemDetails(409).ProducesProblemDetails(502).ProducesProblemDetails(503));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { StaffId = User.StaffId() }, ct), ct);
}
