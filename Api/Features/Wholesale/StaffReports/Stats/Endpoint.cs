using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffReports.Stats;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/staff/stats");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Order counts by status and revenue for range all, 7d, 30d or month (business days in the business time " +
                                       "zone), plus needs_attention (see docs). Sales reps: their own orders.").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { Caller = Caller.From(User) }, ct), ct);
}
