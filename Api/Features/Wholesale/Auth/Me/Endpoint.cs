using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Auth.Me;

sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<UserResponse>
{
    public override void Configure()
    {
        Get("api/me");
        Group<WholesaleGroup>();
        this.CustomerSession();
        Description(b => b.WithSummary("The signed-in customer's profile").Produces<UserResponse>().ProducesProblemDetails(401));
    }

    public override async Task HandleAsync(CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(new Request(User.CustomerId()!.Value), ct), ct);
}
