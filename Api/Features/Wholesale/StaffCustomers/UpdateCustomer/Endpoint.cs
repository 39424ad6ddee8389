using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.UpdateCustomer;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("api/staff/customers/{UserId}");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Staff: partially update a customer's details")
            .WithDescription("An absent or null field keeps its value; \"\" clears it (not email). Clearing do_not_call needs admin or manager (403 otherwise) and writes an audit row.")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(403).ProducesProblemDetails(404).ProducesProblemDetails(409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { Caller = Caller.From(User) }, ct), ct);
}
