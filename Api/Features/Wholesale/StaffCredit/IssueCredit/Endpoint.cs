using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffCredit.IssueCredit;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/staff/users/{user_id}/credit/issue");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Issue (positive amount) or deduct (negative) store credit for a customer (user_id is a customer id); " +
                                       "the balance never goes below zero (409). Sales reps 403.").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { Caller = Caller.From(User) }, ct), ct);
}
