using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.SetupIntent;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/staff/subscriptions/setup-intent");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Staff: create a Stripe SetupIntent (off-session) so the frontend can save a card or ACH account for a customer")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(403)
            .ProducesProblemDetails(502).ProducesProblemDetails(503));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
