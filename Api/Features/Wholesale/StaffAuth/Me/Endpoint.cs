using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffAuth.Me;

sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("api/staff/me");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("The signed-in staff user's profile").Produces<Response>().ProducesProblemDetails(401));
    }

    public override async Task HandleAsync(CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(new Request(User.StaffId()!.Value), ct), ct);
}
