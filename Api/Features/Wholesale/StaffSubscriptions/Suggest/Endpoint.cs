using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.Suggest;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/staff/subscriptions/suggest/{user_id}");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Staff: suggest a renewal interval from the customer's orders (of ?sku): the median days between orders, with a confidence")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(403).ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
