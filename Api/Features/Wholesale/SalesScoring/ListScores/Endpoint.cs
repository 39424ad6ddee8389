using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesScoring.ListScores;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/customers/scores");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Customer scores, filtered and paged, with tier counts and the last computation").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
