using Api.Features.Wholesale.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Auth.Login;

sealed class Endpoint(IMediator mediator, Origins origins) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/login");
        Group<WholesaleGroup>();
        this.Public();
        this.RateLimit(WholesaleModule.SignIn);
        Description(b => b.WithSummary("Customer sign-in: sets the session cookie")
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
        if (result.IsError) { await Send.ResultAsync((ErrorOr<Response>)result.Errors, ct); return; }
        var (body, token, expires) = result.Value;
        HttpContext.Response.Cookies.Append(WholesaleAuth.CookieName, token, WholesaleCookies.Options(HttpContext.Request, expires));
        await Send.ResultAsync((ErrorOr<Response>)body, ct);
    }
}
