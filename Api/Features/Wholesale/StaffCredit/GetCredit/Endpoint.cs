using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffCredit.GetCredit;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/staff/users/{user_id}/credit");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("A customer's store-credit balance and ledger, newest first (user_id is a customer id, unlike the " +
                                       "sibling staff-user PUT and DELETE)").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
