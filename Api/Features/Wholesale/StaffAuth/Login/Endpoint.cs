using Api.Features.Wholesale.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffAuth.Login;

sealed class Endpoint(IMediator mediator, Origins origins) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/staff/login");
        Group<WholesaleGroup>();
        this.Public();
        this.RateLimit(WholesaleModule.SignIn);
        Description(b => b.WithSummary("Staff sign-in: answers a 12-hour JWT and sets it as the session cookie")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(403).ProducesProblemDetails(429));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (!origins.MayWriteCookie(HttpContext.Request))
        {
            await Send.ResultAsync((ErrorOr<Response>)Error.Forbidden("Origin.NotAllowed", "Sign-in from this origin is not allowed"), ct);
            return;
        }
        var result = await mediator.Send(req, ct);
        if (!result.IsError)
            HttpContext.Response.Cookies.Append(WholesaleAuth.CookieName, result.Value.Token, WholesaleCookies.Options(HttpContext.Request, result.Value.Expires));
        await Send.ResultAsync(result.IsError ? result.Errors : result.Value.Body, ct);
    }
}
