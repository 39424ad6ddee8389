using Api.Features.Wholesale.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffAuth.Logout;

/// <summary>Public, as documented: revokes the presented staff token (bearer or cookie) when it is genuine, and clears the cookie.</summary>
sealed class Endpoint(IMediator mediator, Origins origins) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("api/staff/logout", "api/shipping/logout");
        Group<WholesaleGroup>();
        this.Public();
        Description(b => b.WithSummary("Staff / shipping-portal sign-out: revokes the token and clears the session cookie")
            .Produces<Response>().ProducesProblemDetails(403));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (!origins.MayWriteCookie(HttpContext.Request))
        {
            await Send.ResultAsync((ErrorOr<Response>)Error.Forbidden("Origin.NotAllowed", "Sign-out from this origin is not allowed"), ct);
            return;
        }
        var result = await mediator.Send(new Request(WholesaleAuth.StaffTokenOf(HttpContext.Request)), ct);
        WholesaleCookies.Clear(HttpContext.Response, HttpContext.Request);
        await Send.ResultAsync(result, ct);
    }
}
