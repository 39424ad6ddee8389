using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Auth.UpdateUser;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, UserResponse>
{
    public override void Configure()
    {
        Put("api/users/{UserId}");
        Group<WholesaleGroup>();
        this.CustomerSession();
        Description(b => b.WithSummary("Update the caller's own profile (email, company_name, phone, shipping_address, billing_address)")
            .Produces<UserResponse>().ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(404).ProducesProblemDetails(409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { CallerId = User.CustomerId()!.Value }, ct), ct);
}
