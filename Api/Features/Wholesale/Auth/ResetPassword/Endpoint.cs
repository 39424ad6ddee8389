using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Auth.ResetPassword;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/auth/reset-password");
        Group<WholesaleGroup>();
        this.Public();
        this.RateLimit(WholesaleModule.SignIn);
        Description(b => b.WithSummary("Reset a customer password with an emailed token (single use, 1 hour)")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(429));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
