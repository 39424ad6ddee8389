using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.SegmentCounts;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/sales/calling-list/segment-counts");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Segment counts and today's KPIs for the signed-in rep").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { StaffId = User.StaffId(), RepId = CallingList.RepScope(User) }, ct), ct);
}
