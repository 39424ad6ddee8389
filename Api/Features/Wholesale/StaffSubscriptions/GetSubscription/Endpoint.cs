using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.GetSubscription;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/staff/subscriptions/{sub_id}");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Staff: a subscription with its renewal attempts, the customer's recent orders and their orders of this product")
            .Produces<Response>().ProducesProblemDetails(401).ProducesProblemDetails(403).ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
