using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffProfile.GetProfile;

sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<ProfileView>
{
    public override void Configure()
    {
        Get("api/staff/profile");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("The signed-in staff member's profile").Produces<ProfileView>().ProducesProblemDetails(401));
    }

    public override async Task HandleAsync(CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(new Request(User.StaffId()!.Value), ct), ct);
}
