using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.ListOrders;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/staff/orders");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Orders, newest first, filtered by status, business-day date range (from_date/to_date, YYYY-MM-DD), " +
                                       "rep_id and search (order number, name, company, email, phone). Sales reps see only their own orders.")
            .Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { Caller = Caller.From(User) }, ct), ct);
}
