using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.DeleteCustomer;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Delete("api/staff/customers/{UserId}");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("Permanently delete a customer; their orders are kept but unlinked (admin or manager)")
            .WithDescription("Personal data is erased; orders, payments and invoices stay without the link. 409 while the customer has an unpaid balance or store credit.")
            .Produces<Response>().ProducesProblemDetails(403).ProducesProblemDetails(404).ProducesProblemDetails(409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { StaffId = User.StaffId()!.Value }, ct), ct);
}
