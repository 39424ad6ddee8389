using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.ListCustomers;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/staff/customers");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Staff: paginated customer list with search and sorting")
            .WithDescription("search matches names, company, email, phone and username (case-insensitive substring). sort_by is one of " +
                             string.Join(", ", Request.Sorts.Keys) + "; sort_dir asc or desc. Deleted and merged accounts are not listed.")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(403));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
