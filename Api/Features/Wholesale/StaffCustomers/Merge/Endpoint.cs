using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.Merge;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/staff/customers/merge");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Staff: merge two customer accounts into the kept one, in one transaction")
            .WithDescription("Every row of every table referencing wholesale.customers (orders, payments, invoices, store credit, subscriptions, " +
                             "calling lists, scores, ... discovered at run time) moves from merge_id to keep_id; where a table allows one row " +
                             "per customer the kept customer's row wins. Store credit is summed, do_not_call kept if either had it, empty " +
                             "contact fields of the kept customer are filled from the merged one, and `chosen` (first_name, last_name, " +
                             "company_name, email) sets values on the kept customer. The merged account keeps `merged_into`, loses its sign-ins " +
                             "and leaves every list.")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(404).ProducesProblemDetails(409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { StaffId = User.StaffId()!.Value }, ct), ct);
}
