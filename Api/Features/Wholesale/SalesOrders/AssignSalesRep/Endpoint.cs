using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesOrders.AssignSalesRep;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("api/staff/orders/{order_id}/assign-sales-rep");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("Assign or reassign an order to an active sales rep (admin or manager)").Produces<Response>(200));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { Caller = Caller.From(User) }, ct), ct);
}
