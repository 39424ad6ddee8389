using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Auth.ResendVerification;

sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("api/auth/resend-verification");
        Group<WholesaleGroup>();
        this.CustomerSession();
        this.RateLimit(WholesaleModule.SignIn);
        Description(b => b.WithSummary("Send a new email verification link to the signed-in customer")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(429));
    }

    public override async Task HandleAsync(CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(new Request(User.CustomerId()!.Value), ct), ct);
}
