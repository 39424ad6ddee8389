using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Auth.ChangePassword;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/auth/change-password");
        Group<WholesaleGroup>();
        this.CustomerSession();
        this.RateLimit(WholesaleModule.SignIn);
        Description(b => b.WithSummary("Change the signed-in customer's password (ends their other sessions, mails a notice)")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(429));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with
        {
            CustomerId = User.CustomerId()!.Value,
            SessionId = long.Parse(User.FindFirst(WholesaleAuth.SessionIdClaim)!.Value, System.Globalization.CultureInfo.InvariantCulture),
        }, ct), ct);
}
