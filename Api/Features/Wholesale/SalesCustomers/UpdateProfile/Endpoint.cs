using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesCustomers.UpdateProfile;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("api/sales/customer/{customer_id}/profile");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Update a customer's profile; open orders' delivery details follow").Produces<Response>(200));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { Caller = Caller.From(User) }, ct), ct);
}
