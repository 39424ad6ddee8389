using Api.Features.Wholesale.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffUsers.UpdateUser;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, StaffUserView>
{
    public override void Configure()
    {
        Put("api/staff/users/{UserId}");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("Update a staff user (admin or manager)")
            .WithDescription("A manager cannot edit an admin or promote anyone to admin (403). The last active admin cannot be demoted or " +
                             "deactivated (409). A new password or a deactivation ends the user's tokens (the caller's own current token survives " +
                             "a change of their own password).")
            .Produces<StaffUserView>().ProducesProblemDetails(400).ProducesProblemDetails(403).ProducesProblemDetails(404).ProducesProblemDetails(409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        Guid? jti = Guid.TryParse(User.FindFirst(WholesaleAuth.StaffTokenClaim)?.Value, out var j) ? j : null;
        await Send.ResultAsync(await mediator.Send(req with { Caller = Caller.From(User), CallerToken = jti }, ct), ct);
    }
}
