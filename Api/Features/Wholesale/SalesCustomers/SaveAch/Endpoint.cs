using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesCustomers.SaveAch;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("api/sales/customer/{customer_id}/ach");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Save or replace a customer's ACH details (encrypted; last four shown)").Produces<Response>(200));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { Caller = Caller.From(User) }, ct), ct);
}
