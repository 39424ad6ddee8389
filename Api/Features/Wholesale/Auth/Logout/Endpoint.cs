using Api.Features.Wholesale.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Auth.Logout;

sealed class Endpoint(IMediator mediator, Origins origins) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("api/logout");
        Group<WholesaleGroup>();
        this.CustomerSession();
        Description(b => b.WithSummary("Customer sign-out: ends the session and clears the cookie")
            .Produces<Response>().ProducesProblemDetails(401).ProducesProblemDetails(403));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (!origins.MayWriteCookie(HttpContext.Request))
        {
            await Send.ResultAsync((ErrorOr<Response>)Error.Forbidden("Origin.NotAllowed", "Sign-out from this origin is not allowed"), ct);
            return;
        }
        var result = await mediator.Send(new Request(long.Parse(User.FindFirst(WholesaleAuth.SessionIdClaim)!.Value, System.Globalization.CultureInfo.InvariantCulture)), ct);
        if (!result.IsError) WholesaleCookies.Clear(HttpContext.Response, HttpContext.Request);
        await Send.ResultAsync(result, ct);
    }
}
