using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffAuth.ShippingMe;

sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<ShippingStaffView>
{
    public override void Configure()
    {
        Get("api/shipping/me");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("The signed-in shipping-portal staff user").Produces<ShippingStaffView>().ProducesProblemDetails(401));
    }

    public override async Task HandleAsync(CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(new Request(User.StaffId()!.Value), ct), ct);
}
