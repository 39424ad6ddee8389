using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Billing.ListPlans;

/// <summary><c>GET /api/billing/plans</c>: the three plans with price (cents per month), competitor limit (-1 = unlimited) and features.</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<List<Plan>>
{
    public override void Configure()
    {
        Get("api/billing/plans");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("List plans with prices and features").Produces<List<Plan>>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}

sealed record Request : IRequest<ErrorOr<List<Plan>>>;

sealed class Plan
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public int Price { get; init; }
    public int CompetitorsLimit { get; init; }
    public string[] Features { get; init; } = [];
}

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<List<Plan>>>
{
    public async ValueTask<ErrorOr<List<Plan>>> Handle(Request req, CancellationToken ct) =>
        await db.QueryToListAsync<Plan>("""
            select id as "Id", name as "Name", price_cents as "Price", competitors_limit as "CompetitorsLimit", features as "Features"
              from pricewatch.plans order by sort
            """, new { }, ct);
}
