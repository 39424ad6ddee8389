using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesCommission.Toggle;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/sales/commission/{order_number}/toggle");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("Mark one order's commission paid or unpaid (flips when paid is omitted)").Produces<Response>(200));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { Caller = Caller.From(User) }, ct), ct);
}
