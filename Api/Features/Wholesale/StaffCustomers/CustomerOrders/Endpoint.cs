using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.CustomerOrders;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/staff/customers/{UserId}/orders");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Staff: all orders of a customer, newest first, with items").Produces<Response>().ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
