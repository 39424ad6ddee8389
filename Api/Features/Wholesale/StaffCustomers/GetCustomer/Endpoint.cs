using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.GetCustomer;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, CustomerView>
{
    public override void Configure()
    {
        Get("api/staff/customers/{UserId}");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Staff: one customer's details").Produces<CustomerView>().ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
