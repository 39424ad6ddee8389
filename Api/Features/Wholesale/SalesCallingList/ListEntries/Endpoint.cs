using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.ListEntries;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/sales/calling-list");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Calling list (prospects and customers) with segments, filters and pagination").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { StaffId = User.StaffId(), RepId = CallingList.RepScope(User) }, ct), ct);
}
