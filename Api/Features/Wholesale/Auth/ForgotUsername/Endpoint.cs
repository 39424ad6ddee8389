using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Auth.ForgotUsername;

/// <summary>The customer username reminder; <c>/api/auth/forgot-username</c> (undocumented body) behaves exactly as the customer one.</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/customer/forgot-username", "api/auth/forgot-username");
        Group<WholesaleGroup>();
        this.Public();
        this.RateLimit(WholesaleModule.SignIn);
        Description(b => b.WithSummary("Email the username registered to an address (same answer whether or not it is registered)")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(429));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
