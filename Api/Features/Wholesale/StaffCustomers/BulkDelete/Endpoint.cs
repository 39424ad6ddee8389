using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.BulkDelete;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/staff/customers/bulk-delete");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("Delete several customers at once (admin or manager)")
            .WithDescription("All or nothing: an unknown id is 404 (details.missing_ids) and a customer with an unpaid balance or store credit is 409 (details.blocked); then nobody is deleted.")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(403).ProducesProblemDetails(404).ProducesProblemDetails(409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { StaffId = User.StaffId()!.Value }, ct), ct);
}
