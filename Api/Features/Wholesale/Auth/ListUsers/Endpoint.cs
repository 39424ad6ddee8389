using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Auth.ListUsers;

/// <summary>The document's <c>GET /api/users</c>: for customers, their own record only (never a list of users).</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<UserResponse>
{
    public override void Configure()
    {
        Get("api/users");
        Group<WholesaleGroup>();
        this.CustomerSession();
        Description(b => b.WithSummary("The signed-in customer's own user record").Produces<UserResponse>().ProducesProblemDetails(401));
    }

    public override async Task HandleAsync(CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(new Request(User.CustomerId()!.Value), ct), ct);
}
