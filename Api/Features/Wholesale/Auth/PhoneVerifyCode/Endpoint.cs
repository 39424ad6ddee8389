using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Auth.PhoneVerifyCode;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/auth/phone/verify-code");
        Group<WholesaleGroup>();
        this.Public();
        this.RateLimit(WholesaleModule.SignIn);
        Description(b => b.WithSummary("Check a texted code; answers a single-use phone_session_token (10 minutes)")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(429));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
