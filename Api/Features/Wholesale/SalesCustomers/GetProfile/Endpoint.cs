using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesCustomers.GetProfile;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, ProfileView>
{
    public override void Configure()
    {
        Get("api/sales/customer/{customer_id}/profile");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("A customer's profile with order stats and recent orders").Produces<ProfileView>(200));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
