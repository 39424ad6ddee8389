using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Auth.GetUser;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, UserResponse>
{
    public override void Configure()
    {
        Get("api/users/{UserId}");
        Group<WholesaleGroup>();
        this.CustomerSession();
        Description(b => b.WithSummary("A user record by id (the caller's own only; any other id is 404)")
            .Produces<UserResponse>().ProducesProblemDetails(401).ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { CallerId = User.CustomerId()!.Value }, ct), ct);
}
