using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffUsers.DeleteUser;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Delete("api/staff/users/{UserId}");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("Delete a staff user (admin or manager): deactivated and hidden, never erased")
            .WithDescription("Orders and calls keep referring to the user. Nobody deletes themselves (400); a manager cannot delete an admin " +
                             "(403); the last active admin cannot be deleted (409). The user's tokens end at once.")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(403).ProducesProblemDetails(404).ProducesProblemDetails(409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with { Caller = Caller.From(User) }, ct), ct);
}
