using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.BackfillCustomerInfo;

sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("api/sales/calling-list/backfill-customer-info");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("Link calling-list entries to customers by phone, then email (safe to re-run)").Produces<Response>());
    }

    /// <summary>No body: a bare POST (or one with <c>{}</c>) runs it.</summary>
    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(new Request { StaffId = User.StaffId(), RepId = CallingList.RepScope(User) }, ct), ct);
}
