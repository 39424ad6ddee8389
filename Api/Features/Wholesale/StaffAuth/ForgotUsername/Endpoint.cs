using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffAuth.ForgotUsername;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/staff/forgot-username");
        Group<WholesaleGroup>();
        this.Public();
        this.RateLimit(WholesaleModule.SignIn);
        Description(b => b.WithSummary("Staff: email the username registered to an address (same answer whether or not it is registered)")
            .Produces<Response>().ProducesProblemDetails(400).ProducesProblemDetails(429));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
