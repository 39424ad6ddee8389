using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffReports.ProfitDashboard;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/staff/profit-dashboard");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("Monthly sales, delivery fees, cost of goods (line cost snapshots), shipping cost and gross profit for the " +
                                       "last `period` business months (1 to 36, default 6), admin or manager").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
