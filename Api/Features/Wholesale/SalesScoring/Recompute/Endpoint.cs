using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesScoring.Recompute;

sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("api/scores/recompute");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("Refit the BG/NBD and Gamma-Gamma models and rescore every buyer (a job; 409 while one runs)")
            .Produces<Response>(202));
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(new Request(User.StaffId()!.Value), ct), ct, StatusCodes.Status202Accepted);
}
