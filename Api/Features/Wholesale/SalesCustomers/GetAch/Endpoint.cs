using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesCustomers.GetAch;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, AchView>
{
    public override void Configure()
    {
        Get("api/sales/customer/{customer_id}/ach");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("A customer's ACH details on file (account number masked)").Produces<AchView>(200));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
