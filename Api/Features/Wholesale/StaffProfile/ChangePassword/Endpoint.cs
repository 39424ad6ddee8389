using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffProfile.ChangePassword;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/staff/profile/change-password");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Staff member changes own password")
            .WithDescription("current_password must be right and confirm_password equal new_password (400 otherwise). Every other token of the user ends; the calling one stays.")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(401));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        Guid? jti = Guid.TryParse(User.FindFirst(WholesaleAuth.StaffTokenClaim)?.Value, out var j) ? j : null;
        await Send.ResultAsync(await mediator.Send(req with { StaffId = User.StaffId()!.Value, Token = jti }, ct), ct);
    }
}
