using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.PauseSubscription;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/staff/subscriptions/{sub_id}/pause");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Staff: Pause an active subscription (no renewals while paused)")
            .Produces<Response>().ProducesProblemDetails(401).ProducesProblemDetails(403).ProducesProblemDetails(404).ProducesProblemDetails(409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { StaffId = User.StaffId() }, ct), ct);
}
