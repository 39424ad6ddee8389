using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Bills.ListBills;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, List<BillRow>>
{
    public override void Configure()
    {
        Get("api/bills");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("List uploaded supplier bills, newest first").Produces<List<BillRow>>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
