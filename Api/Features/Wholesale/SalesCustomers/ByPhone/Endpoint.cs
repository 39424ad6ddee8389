using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesCustomers.ByPhone;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/sales/customer/by-phone/profile");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Profile and orders for a phone: the customer, or a guest's orders (no_account)").Produces<Response>(200));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
