using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Orders.CreateAccount;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/orders/create-account");
        Group<WholesaleGroup>();
        this.Public();
        this.RateLimit(WholesaleModule.SignIn);
        Description(b => b.WithSummary("Create an account at checkout; links a guest order only when its email is the account's").Produces<Response>(201));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req with
        {
            ApiBase = $"{HttpContext.Request.Scheme}://{HttpContext.Request.Host}{HttpContext.Request.PathBase}{Api.Infrastructure.Modules.Modules.Wholesale.BasePath}",
        }, ct), ct, StatusCodes.Status201Created);
}
