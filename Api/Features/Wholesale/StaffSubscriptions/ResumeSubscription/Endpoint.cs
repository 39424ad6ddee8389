using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.ResumeSubscription;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/staff/subscriptions/{sub_id}/resume");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Staff: Resume a paused subscription (a next renewal date in the past moves to today + interval_days)")
            .Produces<Response>().ProducesProblemDetails(401).ProducesProblemDetails(403).ProducesProblemDetails(404).ProducesProblemDetails(409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { StaffId = User.StaffId() }, ct), ct);
}
