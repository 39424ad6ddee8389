using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesScoring.GetScore;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, ScoreView>
{
    public override void Configure()
    {
        Get("api/customers/{customer_id}/score");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("One customer's BG/NBD score (404 until the customer is scored)").Produces<ScoreView>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
