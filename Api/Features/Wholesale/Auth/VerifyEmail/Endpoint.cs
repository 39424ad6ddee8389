using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Auth.VerifyEmail;

/// <summary>Always a redirect, and only ever to <c>Wholesale:FrontendUrl</c>, with <c>email_verified=invalid|expired|success</c>.</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request>
{
    public override void Configure()
    {
        Get("api/auth/verify-email/{Token}");
        Group<WholesaleGroup>();
        this.Public();
        this.RateLimit(WholesaleModule.SignIn);
        Description(b => b.WithSummary("Verify an email address and redirect to the frontend with the result").Produces(302));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var location = await mediator.Send(req, ct);
        HttpContext.Response.Headers.CacheControl = "no-store";
        await Send.RedirectAsync(location, isPermanent: false, allowRemoteRedirects: true);   // the location is always Wholesale:FrontendUrl
    }
}
