using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Auth.DeleteUser;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, object>
{
    public override void Configure()
    {
        Delete("api/users/{UserId}");
        Group<WholesaleGroup>();
        this.CustomerSession();
        Description(b => b.WithSummary("Delete the caller's own account: personal data erased, orders kept but unlinked")
            .Produces(204).ProducesProblemDetails(401).ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { CallerId = User.CustomerId()!.Value }, ct), ct);
}
